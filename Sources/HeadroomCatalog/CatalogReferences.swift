import HeadroomModel

/// Cross-file checks: every id a file names must exist in the catalog.
enum CatalogReferences {
  static func check(_ catalog: Catalog) -> [CatalogError] {
    var problems: [CatalogError] = []
    let acceleratorIDs = catalog.accelerators.map(\.id)
    for system in catalog.systems where !acceleratorIDs.contains(system.accelerator) {
      problems.append(
        CatalogError(
          file: catalog.files[system.id], field: "accelerator", value: system.accelerator,
          expected: "unknown accelerator id" + NearestNames.suggestion(for: system.accelerator, among: acceleratorIDs)))
    }
    let ruleIDs = catalog.exportRules.all.map(\.id)
    for rule in catalog.exportRules.all {
      if let parent = rule.parent, !ruleIDs.contains(parent) {
        problems.append(
          CatalogError(
            file: catalog.files[rule.id], field: "extends", value: parent,
            expected: "unknown rule set id" + NearestNames.suggestion(for: parent, among: ruleIDs)))
      } else if catalog.exportRules.resolved(rule.id)?.clauses == nil {
        problems.append(
          CatalogError(
            file: catalog.files[rule.id], field: "clauses",
            expected: "no clauses: give 'clauses' or extend a rule set that has them (and no cycles)"))
      }
    }
    let countryIDs = catalog.countries.map(\.id)
    for country in catalog.countries {
      for production in country.domesticProduction where !acceleratorIDs.contains(production.accelerator) {
        problems.append(
          CatalogError(
            file: catalog.files[country.id], field: "domestic_production.accelerator",
            value: production.accelerator,
            expected: "unknown accelerator id"
              + NearestNames.suggestion(for: production.accelerator, among: acceleratorIDs)))
      }
    }
    for site in catalog.sites where !countryIDs.contains(site.country) {
      problems.append(
        CatalogError(
          file: catalog.files[site.id], field: "country", value: site.country,
          expected: "unknown country code" + NearestNames.suggestion(for: site.country, among: countryIDs)))
    }
    let optionIDs = catalog.generation.map(\.id)
    for site in catalog.sites {
      if let country = catalog.countries.first(where: { $0.id == site.country }) {
        do throws(CatalogError) {
          _ = try site.timeToPower(country: country, equipment: catalog.equipment)
        } catch {
          problems.append(error)
        }
      }
      for id in site.behindTheMeter?.options ?? [] where !optionIDs.contains(id) {
        problems.append(
          CatalogError(
            file: catalog.files[site.id], line: site.provenance.lines["behind_the_meter.options"],
            field: "behind_the_meter.options", value: id,
            expected: "unknown generation option id" + NearestNames.suggestion(for: id, among: optionIDs)))
      }
    }
    for option in catalog.generation {
      for country in option.countries ?? [] where !countryIDs.contains(country) {
        problems.append(
          CatalogError(
            file: catalog.files[option.id], line: option.provenance.lines["countries"], field: "countries",
            value: country, expected: "unknown country code" + NearestNames.suggestion(for: country, among: countryIDs))
        )
      }
    }
    for id in catalog.mfu.byAccelerator.keys.sorted() where !acceleratorIDs.contains(id) {
      problems.append(
        CatalogError(
          file: catalog.files[CatalogLoader.mfuFile], field: "accelerators.\(id)", value: id,
          expected: "unknown accelerator id" + NearestNames.suggestion(for: id, among: acceleratorIDs)))
    }
    return problems
  }
}

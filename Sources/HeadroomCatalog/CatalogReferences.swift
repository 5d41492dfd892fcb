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
    problems += sizingReferences(catalog, acceleratorIDs: acceleratorIDs)
    return problems
  }

  /// The ids the sizing tables name: runs' and same-silicon accelerators, cases' accelerators, models and
  /// profiles.
  static func sizingReferences(_ catalog: Catalog, acceleratorIDs: [String]) -> [CatalogError] {
    var problems: [CatalogError] = []
    func expect(_ id: String, among known: [String], kind: String, file: String, field: String) {
      guard !known.contains(id) else { return }
      let provenance = file == CatalogLoader.mfuFile ? catalog.mfu.provenance : catalog.measurements.provenance
      problems.append(
        CatalogError(
          file: file, line: provenance.lines[field], field: field, value: id,
          expected: "unknown \(kind) id" + NearestNames.suggestion(for: id, among: known)))
    }
    let mfu = CatalogLoader.mfuFile
    for run in catalog.mfu.runs {
      expect(
        run.accelerator, among: acceleratorIDs, kind: "accelerator", file: mfu, field: "runs.\(run.id).accelerator")
    }
    for group in catalog.mfu.sameSilicon {
      for id in group { expect(id, among: acceleratorIDs, kind: "accelerator", file: mfu, field: "same_silicon") }
    }
    let calibration = CatalogLoader.calibrationFile
    let modelIDs = catalog.models.map(\.id)
    let profileIDs = catalog.profiles.all.map(\.id)
    for profile in catalog.profiles.all {
      if let model = profile.model {
        problems.append(
          contentsOf: modelIDs.contains(model)
            ? []
            : [
              CatalogError(
                file: CatalogLoader.profilesFile,
                line: catalog.profiles.provenance.lines["profiles.\(profile.id).model"],
                field: "profiles.\(profile.id).model", value: model,
                expected: "unknown model id" + NearestNames.suggestion(for: model, among: modelIDs))
            ])
      }
    }
    for measured in catalog.measurements.cases {
      let path = "inference.\(measured.id)"
      expect(
        measured.accelerator, among: acceleratorIDs, kind: "accelerator", file: calibration,
        field: "\(path).accelerator")
      expect(measured.model, among: modelIDs, kind: "model", file: calibration, field: "\(path).model")
      expect(
        measured.profile, among: profileIDs, kind: "inference profile", file: calibration, field: "\(path).profile")
    }
    return problems
  }
}

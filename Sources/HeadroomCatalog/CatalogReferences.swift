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
    for rule in catalog.exportRules.all {
      for (index, advisory) in rule.advisories.enumerated() {
        for name in advisory.names where !acceleratorIDs.contains(name) {
          problems.append(
            CatalogError(
              file: catalog.files[rule.id], field: "advisories.\(index).names", value: name,
              expected: "unknown accelerator id" + NearestNames.suggestion(for: name, among: acceleratorIDs)))
        }
      }
    }
    let countryIDs = catalog.countries.map(\.id)
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
    problems += supplyReferences(catalog, acceleratorIDs: acceleratorIDs)
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

  /// Production and supply files: accelerator and supply-limit ids must exist, and the bundled production
  /// must fit every supply limit in every stated year. (A deployment share to a country the data folder
  /// lacks is only a warning of ``CatalogCheck``: a folder may hold some countries only.)
  static func supplyReferences(_ catalog: Catalog, acceleratorIDs: [String]) -> [CatalogError] {
    var problems: [CatalogError] = []
    func unknownAccelerator(_ provenance: Provenance, _ field: String, _ id: String) -> CatalogError {
      CatalogError(
        file: provenance.file, line: provenance.lines[field], field: field, value: id,
        expected: "unknown accelerator id" + NearestNames.suggestion(for: id, among: acceleratorIDs))
    }
    for outlook in catalog.production {
      for line in outlook.lines where !acceleratorIDs.contains(line.accelerator) {
        problems.append(unknownAccelerator(outlook.provenance, "kinds.\(line.accelerator)", line.accelerator))
      }
      if case .followLimit(let id) = outlook.continuation, !catalog.supplyLimits.contains(where: { $0.id == id }) {
        problems.append(
          CatalogError(
            file: outlook.provenance.file, line: outlook.provenance.lines["after_last_year.limit"],
            field: "after_last_year.limit", value: id,
            expected: "unknown supply limit id"
              + NearestNames.suggestion(for: id, among: catalog.supplyLimits.map(\.id))))
      }
    }
    for limit in catalog.supplyLimits {
      for id in limit.usage.keys.sorted() where !acceleratorIDs.contains(id) {
        problems.append(unknownAccelerator(limit.provenance, "usage.\(id)", id))
      }
    }
    guard problems.isEmpty else { return problems }
    return productionBeyondLimits(catalog)
  }

  /// The bundled production checked against the bundled limits (no scaling) in every stated year: each
  /// year a limit is exceeded is an error at the production figure that uses the most of it.
  static func productionBeyondLimits(_ catalog: Catalog) -> [CatalogError] {
    guard let last = catalog.production.compactMap(\.statedYears?.upperBound).max() else { return [] }
    let check: SupplyCheck
    do {
      check = try catalog.productionPlan(through: last).checked(against: catalog.supplyLimits)
    } catch let error {
      return [error]
    }
    var problems: [CatalogError] = []
    for violation in check.violations {
      guard let limit = catalog.supplyLimits.first(where: { $0.id == violation.limit }) else { continue }
      // The stated figure that uses the most of the limit that year.
      var largest: (outlook: ProductionOutlook, kind: String, units: Double, use: Double)?
      for outlook in catalog.production {
        for line in outlook.lines {
          guard let units = line.units[violation.year] else { continue }
          let use = units * (limit.usage[line.accelerator] ?? 0)
          if use > 0 && use > (largest?.use ?? 0) { largest = (outlook, line.accelerator, units, use) }
        }
      }
      let field = largest.map { "kinds.\($0.kind).\(violation.year)" }
      let verb =
        limit.kind == .stock
        ? "needs \(NumberText.plain(violation.required, 4)) \(limit.unit) through"
        : "needs \(NumberText.plain(violation.required, 4)) \(limit.unit) in"
      problems.append(
        CatalogError(
          file: largest?.outlook.provenance.file ?? limit.provenance.file,
          line: field.flatMap { largest?.outlook.provenance.lines[$0] }, field: field,
          value: largest.map { NumberText.plain($0.units, 6) },
          expected:
            "production exceeds the supply limit '\(limit.id)': the bundled production \(verb) \(violation.year), the limit allows \(NumberText.plain(violation.available, 4)) (\(limit.provenance.file ?? limit.id)); kinds using it: \(violation.kinds.joined(separator: ", "))"
        ))
    }
    return problems
  }
}

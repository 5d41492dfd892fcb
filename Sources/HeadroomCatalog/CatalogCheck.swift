import HeadroomModel

/// The result of checking a loaded catalog: source coverage per kind of item, figures outside sane
/// ranges, and sources that support fields the item does not have.
public struct CatalogCheck: Sendable {
  /// Coverage for one kind of item (accelerators, systems …).
  public struct Coverage: Sendable, Hashable {
    public var kind: String
    public var items: Int
    public var numericFields: Int
    public var covered: Int
    /// Of the covered figures, those covered privately (`private: true`: the user's own, no public source).
    public var coveredPrivately = 0
    /// `file: field` for each uncovered figure.
    public var uncovered: [String]

    /// Covered share, 0…1 (1 when there are no numeric fields).
    public var share: Double { numericFields == 0 ? 1 : Double(covered) / Double(numericFields) }
  }

  public var coverage: [Coverage]
  /// Figures outside their sane range: a failure.
  public var problems: [String]
  /// Sources naming fields the item does not give: a likely typo, reported but not failed.
  public var warnings: [String]

  /// Whether the catalog passes: full coverage and no out-of-range figure.
  public var passed: Bool { problems.isEmpty && coverage.allSatisfy { $0.uncovered.isEmpty } }

  /// All numeric fields and how many are covered, over every kind.
  public var total: (fields: Int, covered: Int) {
    (coverage.map(\.numericFields).reduce(0, +), coverage.map(\.covered).reduce(0, +))
  }

  /// The coverage of every kind together (kind `all`): items, figures, covered and privately covered figures
  /// summed, and the uncovered figures of all kinds; its ``Coverage/share`` is the catalog's coverage.
  public var all: Coverage {
    var all = Coverage(
      kind: "all", items: coverage.map(\.items).reduce(0, +), numericFields: total.fields, covered: total.covered,
      uncovered: coverage.flatMap(\.uncovered))
    all.coveredPrivately = coverage.map(\.coveredPrivately).reduce(0, +)
    return all
  }

  /// Checks a catalog, and the scenarios given (their figures need sources too).
  public init(
    _ catalog: Catalog, scenarios: [(file: String, scenario: Scenario)] = [], demandCases: [DemandCase] = []
  ) {
    func coverage(_ kind: String, _ items: [(id: String, provenance: Provenance)]) -> Coverage {
      var result = Coverage(kind: kind, items: items.count, numericFields: 0, covered: 0, uncovered: [])
      for item in items {
        result.numericFields += item.provenance.numericFields.count
        let missing = item.provenance.uncoveredFields
        result.covered += item.provenance.numericFields.count - missing.count
        result.coveredPrivately += item.provenance.privateFields.count
        result.uncovered += missing.map { "\(catalog.files[item.id] ?? item.id): \($0)" }
      }
      return result
    }
    self.coverage = [
      coverage("accelerators", catalog.accelerators.map { ($0.id, $0.provenance) }),
      coverage("systems", catalog.systems.map { ($0.id, $0.provenance) }),
      coverage("export rules", catalog.exportRules.all.map { ($0.id, $0.provenance) }),
      coverage("countries", catalog.countries.map { ($0.id, $0.provenance) }),
      coverage("sites", catalog.sites.map { ($0.id, $0.provenance) }),
      coverage("models", catalog.models.map { ($0.id, $0.provenance) }),
      coverage("production", catalog.production.map { ($0.id, $0.provenance) }),
      coverage("supply limits", catalog.supplyLimits.map { ($0.id, $0.provenance) }),
      coverage("generation options", catalog.generation.map { ($0.id, $0.provenance) }),
      coverage("equipment", catalog.equipment.map { ($0.id, $0.provenance) }),
      coverage(
        "mfu defaults",
        catalog.mfu.provenance.numericFields.isEmpty ? [] : [(CatalogLoader.mfuFile, catalog.mfu.provenance)]),
      coverage(
        "inference profiles",
        catalog.profiles.all.isEmpty ? [] : [(CatalogLoader.profilesFile, catalog.profiles.provenance)]),
      coverage(
        "inference calibration",
        catalog.measurements.cases.isEmpty ? [] : [(CatalogLoader.calibrationFile, catalog.measurements.provenance)]),
    ]
    if !scenarios.isEmpty {
      var entry = coverage("scenarios", [])
      entry.items = scenarios.count
      for (file, scenario) in scenarios {
        entry.numericFields += scenario.provenance.numericFields.count
        let missing = scenario.provenance.uncoveredFields
        entry.covered += scenario.provenance.numericFields.count - missing.count
        entry.coveredPrivately += scenario.provenance.privateFields.count
        entry.uncovered += missing.map { "\(file): \($0)" }
      }
      self.coverage.append(entry)
    }
    if !demandCases.isEmpty {
      var entry = coverage("demand cases", [])
      entry.items = demandCases.count
      for demand in demandCases {
        entry.numericFields += demand.provenance.numericFields.count
        let missing = demand.provenance.uncoveredFields
        entry.covered += demand.provenance.numericFields.count - missing.count
        entry.uncovered += missing.map { "Scenarios/demand/\(demand.id).yaml: \($0)" }
      }
      self.coverage.append(entry)
    }
    var problems: [String] = []
    // Loading refuses figures outside these ranges; a catalog built in code is checked here.
    func expect<Q: Quantity>(_ id: String, _ field: String, _ value: Q?, _ range: SaneRange) {
      guard let value, !range.contains(value) else { return }
      problems.append("\(catalog.files[id] ?? id): \(field) \(value.formatted()) is outside the sane range \(range)")
    }
    for part in catalog.accelerators {
      typealias Ranges = Accelerator.Ranges
      expect(part.id, "tdp", part.tdp, Ranges.tdp)
      expect(part.id, "memory_bandwidth", part.memoryBandwidth, Ranges.memoryBandwidth)
      expect(part.id, "memory", part.memory, Ranges.memory)
      expect(part.id, "die_area", part.dieArea, Ranges.dieArea)
      expect(part.id, "scale_up_bandwidth", part.scaleUpBandwidth, Ranges.scaleUpBandwidth)
      for (precision, rate) in part.compute {
        expect(part.id, "compute.\(precision.rawValue)", rate, Ranges.compute(precision))
      }
      expect(part.id, "price", part.price?.amount, Ranges.price)
      expect(part.id, "price.low", part.price?.low, Ranges.price)
      expect(part.id, "price.high", part.price?.high, Ranges.price)
    }
    for system in catalog.systems {
      expect(system.id, "power", system.power, AcceleratorSystem.Ranges.power)
      if let part = catalog.accelerators.first(where: { $0.id == system.accelerator }), let tdp = part.tdp,
        system.power < tdp * Double(system.acceleratorCount)
      {
        problems.append(
          "\(catalog.files[system.id] ?? system.id): power \(system.power.formatted()) is below its accelerators' TDP (\(system.acceleratorCount) x \(tdp.formatted()))"
        )
      }
    }
    for country in catalog.countries {
      expect(country.id, "dc_load", country.dcLoad.power, Country.Ranges.dcLoad)
      expect(country.id, "additions", country.additions, Country.Ranges.additions)
      for (year, additions) in country.additionsByYear {
        expect(country.id, "additions.\(year)", additions, Country.Ranges.additions)
      }
      expect(country.id, "electricity_price", country.electricityPrice, Country.Ranges.electricityPrice)
      expect(country.id, "carbon_intensity", country.carbonIntensity, Country.Ranges.carbonIntensity)
    }
    for option in catalog.generation {
      expect(option.id, "capex", option.capex, GenerationOption.Ranges.capex)
      expect(option.id, "operating_cost", option.operatingCost, GenerationOption.Ranges.operatingCost)
      expect(option.id, "emissions", option.emissions, GenerationOption.Ranges.emissions)
      expect(option.id, "lead_time", option.leadTime, GenerationOption.Ranges.leadTime)
    }
    for item in catalog.equipment { expect(item.id, "lead_time", item.leadTime, Equipment.Ranges.leadTime) }
    for site in catalog.sites {
      for (year, power) in site.interconnect {
        expect(site.id, "interconnect.\(year)", power, Site.Ranges.interconnect)
      }
      for hall in site.halls { expect(site.id, "halls.\(hall.id).rack_power", hall.rackPower, Site.Ranges.rackPower) }
    }
    self.problems = problems

    var warnings: [String] = []
    func unusedSupports(_ id: String, _ provenance: Provenance) {
      for path in provenance.danglingSupports {
        warnings.append("\(catalog.files[id] ?? id): a source supports '\(path)', which the file does not give")
      }
    }
    for rule in catalog.exportRules.all { unusedSupports(rule.id, rule.provenance) }
    for part in catalog.accelerators { unusedSupports(part.id, part.provenance) }
    for system in catalog.systems { unusedSupports(system.id, system.provenance) }
    for country in catalog.countries { unusedSupports(country.id, country.provenance) }
    for site in catalog.sites { unusedSupports(site.id, site.provenance) }
    for model in catalog.models { unusedSupports(model.id, model.provenance) }
    for outlook in catalog.production {
      unusedSupports(outlook.id, outlook.provenance)
      let countryIDs = catalog.countries.map(\.id)
      for country in (outlook.deployment ?? [:]).keys.sorted() where !countryIDs.contains(country) {
        warnings.append(
          "\(outlook.provenance.location(of: "deployment.\(country)")): deployment names country '\(country)', which the data has no file for; its share is not placed"
            + NearestNames.suggestion(for: country, among: countryIDs))
      }
    }
    for limit in catalog.supplyLimits { unusedSupports(limit.id, limit.provenance) }
    for option in catalog.generation { unusedSupports(option.id, option.provenance) }
    for item in catalog.equipment { unusedSupports(item.id, item.provenance) }
    unusedSupports(CatalogLoader.mfuFile, catalog.mfu.provenance)
    unusedSupports(CatalogLoader.profilesFile, catalog.profiles.provenance)
    unusedSupports(CatalogLoader.calibrationFile, catalog.measurements.provenance)
    self.warnings = warnings
  }
}

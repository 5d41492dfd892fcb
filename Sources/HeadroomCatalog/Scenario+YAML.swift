import Foundation
import HeadroomModel
import Yams

extension ScenarioLoader {
  /// Reads a merged scenario tree, checking every id against the catalog.
  func read(_ node: Node, file: String) throws(CatalogError) -> Scenario {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    _ = item.node("extends")
    guard var horizon = try item.mapping("horizon") else {
      throw item.error("horizon", nil, "missing field: {from: 2025, to: 2035}")
    }
    guard let from = try horizon.int("from", in: 2000...2100, numeric: false),
      let to = try horizon.int("to", in: 2000...2100, numeric: false)
    else { throw horizon.error("from", nil, "a horizon needs 'from' and 'to' years") }
    try horizon.rejectUnknownKeys(allowed: ["from", "to"])
    guard from <= to else {
      throw horizon.error(
        "to", horizon.node("to"), "the horizon starts in \(from) but ends in \(to): it must not end before it starts")
    }
    guard to - from <= 60 else { throw horizon.error("to", horizon.node("to"), "a horizon of at most 60 years") }

    let rulesText = try item.optionalString("rules") ?? "in-force"
    let rules: Scenario.Rules
    if rulesText == "in-force" {
      rules = .inForce
    } else {
      guard catalog.exportRules[rulesText] != nil else {
        throw item.error(
          "rules", item.node("rules"),
          "unknown rule set"
            + NearestNames.suggestion(for: rulesText, among: catalog.exportRules.all.map(\.id) + ["in-force"]))
      }
      rules = .fixed(rulesText)
    }
    guard let lifetime = try item.number("lifetime", Scenario.Ranges.lifetime) else {
      throw item.error("lifetime", nil, "missing field (years an accelerator stays in service, e.g. 5)")
    }
    guard let aiShare = try item.number("ai_share_of_dc_growth", Scenario.Ranges.share) else {
      throw item.error(
        "ai_share_of_dc_growth", nil, "missing field (share of data-centre power growth AI can use, 0-1)")
    }
    let threshold = try item.number("wall_threshold", Scenario.Ranges.threshold) ?? 0.1
    let split = try item.choice("split", Scenario.SplitPolicy.self) ?? .maxMin
    let loadFactor = try item.number("dc_load_factor", Scenario.Ranges.loadFactor) ?? 1
    let referenceModel = try item.string("reference_model")
    guard catalog.models.contains(where: { $0.id == referenceModel }) || catalog.models.isEmpty else {
      throw item.error(
        "reference_model", item.node("reference_model"),
        "unknown model" + NearestNames.suggestion(for: referenceModel, among: catalog.models.map(\.id)))
    }
    let uptake = try item.number("licence_uptake", Scenario.Ranges.share) ?? 1

    let acceleratorIDs = catalog.accelerators.map(\.id)
    func checkAccelerator(_ id: String, _ mapping: YAMLMapping) throws(CatalogError) {
      guard acceleratorIDs.contains(id) else {
        throw mapping.error(
          id, nil, "unknown accelerator id '\(id)'" + NearestNames.suggestion(for: id, among: acceleratorIDs))
      }
    }
    let countryIDs = catalog.countries.map(\.id)
    func checkCountry(_ id: String, _ mapping: YAMLMapping) throws(CatalogError) {
      guard countryIDs.contains(id) else {
        throw mapping.error(id, nil, "unknown country '\(id)'" + NearestNames.suggestion(for: id, among: countryIDs))
      }
    }
    func shares(_ mapping: inout YAMLMapping) throws(CatalogError) -> [String: Double] {
      var result: [String: Double] = [:]
      for key in mapping.keys {
        try checkCountry(key, mapping)
        result[key] = try mapping.number(key, Scenario.Ranges.share)
      }
      // Aggregates (EU27) overlap their members, which appear on their own: they are not counted.
      let aggregates = Set(catalog.countries.filter { !$0.members.isEmpty }.map(\.id))
      let total = result.filter { !aggregates.contains($0.key) }.values.reduce(0, +)
      guard total <= 1 + 1e-9 else {
        throw mapping.error(
          mapping.keys.last ?? "", nil,
          "shares of one production that sum to at most 1 over countries that are not aggregates (these sum to \(NumberText.plain(total, 6)))"
        )
      }
      return result
    }
    /// kind → year → units, for installed stocks and unlicensed arrivals.
    func unitsByKindAndYear(_ block: inout YAMLMapping, latest: Int?) throws(CatalogError) -> [String: [Int: Double]] {
      var result: [String: [Int: Double]] = [:]
      for kind in block.keys {
        try checkAccelerator(kind, block)
        guard let years = try block.yearNumbers(kind, Scenario.Ranges.units) else { continue }
        if let latest, let late = years.keys.first(where: { $0 > latest }) {
          throw block.error(
            kind, nil,
            "a vintage of \(late) is after the base year \(latest): the installed stock is what was in service at the end of the base year"
          )
        }
        result[kind] = years
      }
      return result
    }

    var production: [Scenario.Production] = []
    if var block = try item.mapping("production") {
      for kind in block.keys {
        try checkAccelerator(kind, block)
        guard var entry = try block.mapping(kind) else { continue }
        let byYear = try entry.yearNumbers("units", Scenario.Ranges.units) ?? [:]
        var allocation: [String: Double]?
        if var shareBlock = try entry.mapping("allocation") { allocation = try shares(&shareBlock) }
        guard !byYear.isEmpty || allocation != nil else {
          throw entry.error(kind, nil, "units by year (e.g. {2026: 5000000}) or an allocation, or both")
        }
        try entry.rejectUnknownKeys(allowed: ["units", "allocation"])
        production.append(.init(accelerator: kind, unitsByYear: byYear, allocation: allocation))
      }
    }
    var supplyScales: [String: Double] = [:]
    if var block = try item.mapping("supply_scales") {
      let limitIDs = catalog.supplyLimits.map(\.id)
      for id in block.keys {
        guard limitIDs.contains(id) else {
          throw block.error(id, nil, "unknown supply limit id" + NearestNames.suggestion(for: id, among: limitIDs))
        }
        supplyScales[id] = try block.number(id, Scenario.Ranges.supplyScale)
      }
    }
    let discountRate = try item.number("discount_rate", Scenario.Ranges.discountRate) ?? 0.07
    var allocation: [String: Double] = [:]
    if var block = try item.mapping("allocation") { allocation = try shares(&block) }

    guard var demandBlock = try item.mapping("demand") else {
      throw item.error("demand", nil, "missing field: {case: trend} (a file in Scenarios/demand/)")
    }
    var demand = try demandCase(try demandBlock.string("case"), block: demandBlock)
    try demand.apply(scenarioBlock: &demandBlock)
    try demandBlock.rejectUnknownKeys(allowed: ["case", "growth", "training_share", "efficiency"])

    guard var countryBlock = try item.mapping("countries") else {
      throw item.error("countries", nil, "missing field: the countries to model, each with its installed base")
    }
    var countries: [Scenario.CountrySettings] = []
    for code in countryBlock.keys {
      try checkCountry(code, countryBlock)
      guard var entry = try countryBlock.mapping(code) else { continue }
      var installed: [String: [Int: Double]] = [:]
      if var block = try entry.mapping("installed") { installed = try unitsByKindAndYear(&block, latest: from) }
      var unlicensed: [String: [Int: Double]] = [:]
      if var block = try entry.mapping("unlicensed") { unlicensed = try unitsByKindAndYear(&block, latest: nil) }
      var policy: [String: ExportPolicy.Decision] = [:]
      if var block = try entry.mapping("policy") {
        for kind in block.keys {
          try checkAccelerator(kind, block)
          policy[kind] = try block.choice(kind, ExportPolicy.Decision.self)
        }
      }
      if var block = try entry.mapping("demand") {
        demand.countries[code] = try DemandCase.CountryDemand.read(&block, over: demand.countries[code] ?? .init())
      }
      let settings = Scenario.CountrySettings(
        country: code, installed: installed, unlicensed: unlicensed,
        licenceUptake: try entry.number("licence_uptake", Scenario.Ranges.share),
        powerScale: try entry.number("power_scale", Scenario.Ranges.powerScale) ?? 1,
        domesticScale: try entry.number("domestic_scale", Scenario.Ranges.domesticScale) ?? 1,
        policy: policy, policyFrom: try entry.int("policy_from", in: 2000...2100, numeric: false))
      try entry.rejectUnknownKeys(allowed: Self.countryKeys)
      countries.append(settings)
    }
    guard !countries.isEmpty else { throw item.error("countries", nil, "expected at least one country") }
    var behindTheMeter = Scenario.BehindTheMeter()
    if var block = try item.mapping("behind_the_meter") {
      behindTheMeter.allowed = try block.bool("allowed") ?? true
      if var shares = try block.mapping("shares") {
        for code in shares.keys {
          try checkCountry(code, shares)
          behindTheMeter.shares[code] = try shares.number(code, Scenario.Ranges.share)
        }
      }
      if var scales = try block.mapping("scales") {
        let optionIDs = catalog.generation.map(\.id)
        for id in scales.keys {
          guard optionIDs.contains(id) else {
            throw scales.error(
              id, nil, "unknown generation option '\(id)'" + NearestNames.suggestion(for: id, among: optionIDs))
          }
          behindTheMeter.scales[id] = try scales.number(id, Scenario.Ranges.supplyScale)
        }
      }
      try block.rejectUnknownKeys(allowed: ["allowed", "shares", "scales"])
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: Self.topKeys)
    return Scenario(
      id: id, name: name, firstYear: from, lastYear: to, rules: rules, lifetime: Int(lifetime),
      wallThreshold: threshold,
      split: split, referenceModel: referenceModel, demand: demand, aiShareOfGrowth: aiShare, dcLoadFactor: loadFactor,
      production: production, supplyScales: supplyScales, discountRate: discountRate, licenceUptake: uptake,
      allocation: allocation, countries: countries, behindTheMeter: behindTheMeter, provenance: provenance)
  }

  /// The ids of the demand cases in the data folders' `Scenarios/demand/`, sorted.
  public var demandCaseIDs: [String] { folders.ids(in: "Scenarios/demand") }

  /// A demand case read from `Scenarios/demand/<id>.yaml`, its countries checked against the catalog.
  public func loadDemandCase(_ id: String) throws(CatalogError) -> DemandCase {
    let found = folders.locate("Scenarios/demand/\(id).yaml")
    let relative = found.map { folders.display($0.url) } ?? "Scenarios/demand/\(id).yaml"
    var item = try YAMLMapping(
      try CatalogLoader(folders: folders).parse(relative, absolute: found?.url), file: relative, log: FieldLog())
    let demand = try DemandCase.read(&item)
    guard demand.id == id else {
      throw item.error("id", item.node("id"), "the id must equal the file name ('\(id)')")
    }
    let countryIDs = catalog.countries.map(\.id)
    if let unknown = demand.countries.keys.sorted().first(where: { !countryIDs.contains($0) }) {
      throw CatalogError(
        file: relative, line: demand.provenance.lines["countries.\(unknown)"], field: "countries.\(unknown)",
        expected: "unknown country '\(unknown)'" + NearestNames.suggestion(for: unknown, among: countryIDs))
    }
    return demand
  }

  /// The demand case a scenario names (errors about the file name the case file).
  func demandCase(_ id: String, block: YAMLMapping) throws(CatalogError) -> DemandCase {
    let known = demandCaseIDs
    guard !id.contains("/"), known.contains(id) else {
      throw block.error(
        "case", nil,
        "unknown demand case '\(id)'" + NearestNames.suggestion(for: id, among: known)
          + (known.isEmpty ? "" : "; known cases: \(known.joined(separator: ", "))"))
    }
    return try loadDemandCase(id)
  }
}

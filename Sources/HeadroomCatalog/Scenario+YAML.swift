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
    guard let lifetime = try item.int("lifetime", in: 1...30) else {
      throw item.error("lifetime", nil, "missing field (years an accelerator stays in service, e.g. 5)")
    }
    guard let aiShare = try item.number("ai_share_of_dc_growth", in: 0...1, what: "a share") else {
      throw item.error(
        "ai_share_of_dc_growth", nil, "missing field (share of data-centre power growth AI can use, 0-1)")
    }
    let loadFactor = try item.number("dc_load_factor", in: 0.05...1, what: "a share (average load over capacity)") ?? 1
    let referenceModel = try item.string("reference_model")
    let defaultGrowth = try item.number("demand_growth", in: 0.1...20, what: "a growth factor per year (e.g. 2.3)") ?? 1
    let defaultTraining = try item.number("training_share", in: 0...1, what: "a share") ?? 0.5
    let defaultUptake = try item.number("licence_uptake", in: 0...1, what: "a share") ?? 1

    let acceleratorIDs = catalog.accelerators.map(\.id)
    func checkAccelerator(_ id: String, _ mapping: YAMLMapping, _ key: String) throws(CatalogError) {
      guard acceleratorIDs.contains(id) else {
        throw mapping.error(
          key, nil, "unknown accelerator id '\(id)'" + NearestNames.suggestion(for: id, among: acceleratorIDs))
      }
    }
    let countryIDs = catalog.countries.map(\.id)
    func checkCountry(_ id: String, _ mapping: YAMLMapping, _ key: String) throws(CatalogError) {
      guard countryIDs.contains(id) else {
        throw mapping.error(key, nil, "unknown country '\(id)'" + NearestNames.suggestion(for: id, among: countryIDs))
      }
    }
    func shares(_ mapping: inout YAMLMapping) throws(CatalogError) -> [String: Double] {
      var result: [String: Double] = [:]
      for key in mapping.keys {
        try checkCountry(key, mapping, key)
        result[key] = try mapping.number(key, in: 0...1, what: "a share")
      }
      return result
    }

    var production: [Scenario.Production] = []
    if var block = try item.mapping("production") {
      for kind in block.keys {
        try checkAccelerator(kind, block, kind)
        guard var entry = try block.mapping(kind) else { continue }
        guard var units = try entry.mapping("units") else {
          throw entry.error("units", nil, "missing field: units by year, e.g. {2026: 5000000}")
        }
        var byYear: [Int: Double] = [:]
        for key in units.keys {
          guard let year = Int(key), (2000...2100).contains(year) else {
            throw units.error(key, nil, "expected a year as the key")
          }
          byYear[year] = try units.number(key, in: 0...1e10, what: "a count of accelerators")
        }
        var allocation: [String: Double]?
        if var shareBlock = try entry.mapping("allocation") { allocation = try shares(&shareBlock) }
        try entry.rejectUnknownKeys(allowed: ["units", "allocation"])
        production.append(.init(accelerator: kind, unitsByYear: byYear, allocation: allocation))
      }
    }
    let productionGrowth =
      try item.number("production_growth", in: 0.1...10, what: "a growth factor per year (e.g. 1.3)") ?? 1
    let discountRate = try item.number("discount_rate", in: 0...0.5, what: "a rate per year (e.g. 0.07)") ?? 0.07
    var allocation: [String: Double] = [:]
    if var block = try item.mapping("allocation") { allocation = try shares(&block) }

    guard var countryBlock = try item.mapping("countries") else {
      throw item.error("countries", nil, "missing field: the countries to model, each with its installed base")
    }
    var countries: [Scenario.CountrySettings] = []
    for code in countryBlock.keys {
      try checkCountry(code, countryBlock, code)
      guard var entry = try countryBlock.mapping(code) else { continue }
      var installed: [String: Double] = [:]
      if var block = try entry.mapping("installed") {
        for kind in block.keys {
          try checkAccelerator(kind, block, kind)
          installed[kind] = try block.number(kind, in: 0...1e10, what: "a count of accelerators")
        }
      }
      var policy: [String: ExportPolicy.Decision] = [:]
      if var block = try entry.mapping("policy") {
        for kind in block.keys {
          try checkAccelerator(kind, block, kind)
          policy[kind] = try block.choice(kind, ExportPolicy.Decision.self)
        }
      }
      let settings = Scenario.CountrySettings(
        country: code, installed: installed,
        demandGrowth: try entry.number("demand_growth", in: 0.1...20, what: "a growth factor per year (e.g. 2.3)")
          ?? defaultGrowth,
        trainingShare: try entry.number("training_share", in: 0...1, what: "a share") ?? defaultTraining,
        licenceUptake: try entry.number("licence_uptake", in: 0...1, what: "a share") ?? defaultUptake,
        powerScale: try entry.number("power_scale", in: 0...10, what: "a multiplier") ?? 1,
        domesticScale: try entry.number("domestic_scale", in: 0...100, what: "a multiplier") ?? 1,
        policy: policy, policyFrom: try entry.int("policy_from", in: 2000...2100, numeric: false))
      try entry.rejectUnknownKeys(allowed: Self.countryKeys)
      countries.append(settings)
    }
    guard !countries.isEmpty else { throw item.error("countries", nil, "expected at least one country") }
    guard catalog.models.contains(where: { $0.id == referenceModel }) || catalog.models.isEmpty else {
      throw item.error(
        "reference_model", item.node("reference_model"),
        "unknown model" + NearestNames.suggestion(for: referenceModel, among: catalog.models.map(\.id)))
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: Self.topKeys)
    return Scenario(
      id: id, name: name, firstYear: from, lastYear: to, rules: rules, lifetime: lifetime,
      aiShareOfGrowth: aiShare, dcLoadFactor: loadFactor, referenceModel: referenceModel, production: production,
      productionGrowth: productionGrowth, discountRate: discountRate, allocation: allocation,
      countries: countries, provenance: provenance)
  }
}

import HeadroomModel
import Yams

extension Country {
  static let yamlKeys = [
    "id", "name", "members", "export_groups", "diffusion_tier", "dc_load", "generation_capacity",
    "additions", "dc_share_of_additions", "dc_load_projection", "limits", "electricity_price",
    "carbon_intensity", "pue", "installed_accelerators", "sources", "interconnection",
    "regions", "transmission_capacity",
  ]
  static let knownGroups = ["A:1", "A:5", "A:6", "D:1", "D:2", "D:3", "D:4", "D:5", "E:1", "E:2"]

  /// Reads a country from its YAML file (see `Grids/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> Country {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let members = try item.strings("members") ?? []
    var groups: [String] = []
    for node in try item.sequence("export_groups") ?? [] {
      guard case .scalar(let scalar) = node else {
        throw item.error("export_groups", node, "expected a list of EAR country groups, e.g. [D:4]")
      }
      guard knownGroups.contains(scalar.string) else {
        let suggestion = NearestNames.suggestion(for: scalar.string, among: knownGroups)
        throw item.error(
          "export_groups", node,
          "unknown country group\(suggestion); expected one of \(knownGroups.joined(separator: ", "))")
      }
      groups.append(scalar.string)
    }
    let tier = try item.int("diffusion_tier", in: 1...3, numeric: false)
    guard let dcLoad = try YearPower.read(&item, "dc_load", in: Ranges.dcLoad) else {
      throw item.error("dc_load", nil, "missing field: {year: 2024, power: 21 GW}")
    }
    let capacity = try YearPower.read(&item, "generation_capacity")
    // Additions: one figure, or a by-year series of sourced projections.
    var additionsByYear: [Int: Power] = [:]
    var additions: Power?
    if case .mapping(let mapping) = item.node("additions"), !mapping.keys.contains(where: { $0.string == "value" }) {
      additionsByYear = try item.yearSeries("additions", Power.self, positive: false, in: Ranges.additions) ?? [:]
      additions = additionsByYear.keys.min().flatMap { additionsByYear[$0] }
    } else {
      additions = try item.quantity("additions", Power.self, positive: false, in: Ranges.additions)
    }
    guard let additions else {
      throw item.error(
        "additions", nil,
        "missing field (generation capacity added per year, e.g. '49 GW' or {2025: 64 GW, 2026: 86 GW})")
    }
    guard let share = try item.number("dc_share_of_additions", in: 0...1, what: "a share") else {
      throw item.error("dc_share_of_additions", nil, "missing field (a share from 0 to 1; mark it as an assumption)")
    }
    var projections: [YearPower] = []
    for (index, node) in (try item.sequence("dc_load_projection") ?? []).enumerated() {
      var entry = try YAMLMapping(node, file: file, path: "dc_load_projection.\(index)", log: item.log)
      guard let year = try entry.int("year", in: 1990...2100, numeric: false) else {
        throw entry.error("year", nil, "missing field (a year)")
      }
      let power = try entry.requiredQuantity("power", Power.self)
      try entry.rejectUnknownKeys(allowed: ["year", "power"])
      projections.append(YearPower(year: year, power: power))
    }
    var limits: [Limit] = []
    for (index, node) in (try item.sequence("limits") ?? []).enumerated() {
      limits.append(try Limit.read(node, file: file, path: "limits.\(index)", log: item.log))
    }
    let interconnection = try Interconnection.read(&item, "interconnection")
    var regions: [Region] = []
    for node in try item.sequence("regions") ?? [] {
      let region = try Region.read(node, file: file, log: item.log)
      if regions.contains(where: { $0.id == region.id }) {
        throw item.error("regions", node, "duplicate region id '\(region.id)'")
      }
      regions.append(region)
    }
    let transmission = try item.yearSeries("transmission_capacity", Power.self) ?? [:]
    let price = try item.quantity("electricity_price", EnergyPrice.self, in: Ranges.electricityPrice)
    let carbon = try item.quantity(
      "carbon_intensity", CarbonIntensity.self, positive: false, in: Ranges.carbonIntensity)
    guard let pue = try item.number("pue", in: 1...3, what: "a power usage effectiveness") else {
      throw item.error("pue", nil, "missing field (typical PUE of new AI capacity, e.g. 1.2)")
    }
    var installed: InstalledBase?
    if var block = try item.mapping("installed_accelerators") {
      guard let year = try block.int("year", in: 1990...2100, numeric: false),
        let count = try block.number("h100e", in: 0...1e10, what: "a count of H100-equivalents")
      else { throw block.error("h100e", nil, "expected year and h100e") }
      try block.rejectUnknownKeys(allowed: ["year", "h100e"])
      installed = InstalledBase(year: year, h100Equivalents: count)
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return Country(
      id: id, name: name, members: members, exportGroups: groups, diffusionTier: tier,
      dcLoad: dcLoad, generationCapacity: capacity, additions: additions, dcShareOfAdditions: share,
      projections: projections, limits: limits, additionsByYear: additionsByYear, interconnection: interconnection,
      regions: regions, transmissionCapacity: transmission, electricityPrice: price, carbonIntensity: carbon,
      pue: pue, installedBase: installed, provenance: provenance)
  }
}

extension Country.YearPower {
  static func read(_ item: inout YAMLMapping, _ key: String, in range: SaneRange? = nil) throws(CatalogError)
    -> Country.YearPower?
  {
    guard var block = try item.mapping(key) else { return nil }
    guard let year = try block.int("year", in: 1990...2100, numeric: false) else {
      throw block.error("year", nil, "missing field (the base year)")
    }
    let power = try block.requiredQuantity("power", Power.self, in: range)
    try block.rejectUnknownKeys(allowed: ["year", "power"])
    return .init(year: year, power: power)
  }
}

extension Country.Limit {
  static func read(_ node: Node, file: String, path: String, log: FieldLog) throws(CatalogError)
    -> Country.Limit
  {
    var entry = try YAMLMapping(node, file: file, path: path, log: log)
    let name = try entry.string("name")
    guard let kind = try entry.choice("kind", Kind.self) else {
      throw entry.error("kind", nil, "missing field: moratorium | cap | wait | condition")
    }
    let region = try entry.optionalString("region")
    guard let from = try entry.day("from") else {
      throw entry.error("from", nil, "missing field (start date, YYYY-MM-DD)")
    }
    let until = try entry.day("until")
    if let until, until < from {
      throw entry.error("until", entry.node("until"), "the end date is before the start (from: \(from))")
    }
    let blocked = try entry.number("blocked_share", in: 0...1, what: "a share")
    let cap = try entry.quantity("cap", Power.self)
    let delayNode = entry.node("delay")
    let delay = try entry.quantity("delay", TimeSpan.self, positive: false)
    if let delay, delay.seconds < 0 {
      throw entry.error("delay", delayNode, "expected a delay of zero or more (e.g. '1 year')")
    }
    if let delay { try entry.check("delay", delay, in: Country.Ranges.limitDelay) }
    let note = try entry.optionalString("note")
    try entry.rejectUnknownKeys(
      allowed: ["name", "kind", "region", "from", "until", "blocked_share", "cap", "delay", "note"])
    return .init(
      name: name, kind: kind, region: region, from: from, until: until, blockedShare: blocked,
      cap: cap, delay: delay, note: note)
  }
}

extension Country.Interconnection {
  /// Reads `{time_to_energise: 3 years, queue: 226 GW, queue_date: 2025-11-18}` under a key.
  static func read(_ item: inout YAMLMapping, _ key: String) throws(CatalogError) -> Country.Interconnection? {
    guard var block = try item.mapping(key) else { return nil }
    let node = block.node("time_to_energise")
    guard let time = try block.quantity("time_to_energise", TimeSpan.self, positive: false) else {
      throw block.error(
        "time_to_energise", nil, "missing field (typical time from request to energisation, e.g. '3 years')")
    }
    guard time.seconds >= 0 else {
      throw block.error("time_to_energise", node, "expected a duration of zero or more (e.g. '3 years')")
    }
    try block.check("time_to_energise", time, in: Country.Ranges.timeToEnergise)
    let queue = try block.quantity("queue", Power.self)
    let date = try block.day("queue_date")
    if queue != nil && date == nil {
      throw block.error("queue_date", nil, "missing field: the day the queue figure refers to (YYYY-MM-DD)")
    }
    try block.rejectUnknownKeys(allowed: ["time_to_energise", "queue", "queue_date"])
    return .init(timeToEnergise: time, queue: queue, queueDate: date)
  }
}

extension Country.Region {
  static let yamlKeys = ["id", "name", "dc_capacity", "dc_additions", "interconnection", "limits"]

  /// Reads one entry of a country's `regions` list; field paths name the region (`regions.US-ERCOT.queue`).
  static func read(_ node: Node, file: String, log: FieldLog) throws(CatalogError) -> Country.Region {
    var probe = try YAMLMapping(node, file: file, path: "regions", log: FieldLog())
    let id = (try? probe.string("id")) ?? "?"
    var entry = try YAMLMapping(node, file: file, path: "regions.\(id)", log: log)
    _ = try entry.string("id")
    let name = try entry.string("name")
    guard let capacity = try Country.YearPower.read(&entry, "dc_capacity") else {
      throw entry.error("dc_capacity", nil, "missing field: connected data-centre capacity {year: 2025, power: 9 GW}")
    }
    guard let additions = try entry.yearSeries("dc_additions", Power.self), !additions.isEmpty else {
      throw entry.error(
        "dc_additions", nil, "missing field: connected data-centre capacity added by year, e.g. {2026: 4 GW}")
    }
    let interconnection = try Country.Interconnection.read(&entry, "interconnection")
    var limits: [Country.Limit] = []
    for (index, limitNode) in (try entry.sequence("limits") ?? []).enumerated() {
      limits.append(try Country.Limit.read(limitNode, file: file, path: "regions.\(id).limits.\(index)", log: log))
    }
    try entry.rejectUnknownKeys(allowed: yamlKeys)
    return .init(
      id: id, name: name, dcCapacity: capacity, dcAdditions: additions, interconnection: interconnection,
      limits: limits)
  }
}

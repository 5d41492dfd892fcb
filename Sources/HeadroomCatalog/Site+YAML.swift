import HeadroomModel
import Yams

extension Site {
  static let yamlKeys = [
    "id", "name", "country", "interconnect", "onsite_generation", "pue", "redundancy",
    "redundant_modules", "derating", "halls", "sources", "region", "grid_requested", "equipment_ordered",
    "behind_the_meter",
  ]

  /// Reads a site from its YAML file (see `Grids/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> Site {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let country = try item.string("country")
    guard let interconnect = try item.yearSeries("interconnect", Power.self, in: Ranges.interconnect),
      !interconnect.isEmpty
    else {
      throw item.error("interconnect", nil, "missing field: grid interconnect by year, e.g. {2026: 300 MW}")
    }
    var onsite: [Int: Power] = [:]
    if let node = item.node("onsite_generation") {
      if case .mapping = node {
        onsite = try item.yearSeries("onsite_generation", Power.self) ?? [:]
      } else if let power = try item.quantity("onsite_generation", Power.self, positive: false) {
        onsite = [interconnect.keys.min()!: power]
      }
    }
    guard let pue = try item.number("pue", in: 1...3, what: "a power usage effectiveness") else {
      throw item.error("pue", nil, "missing field (e.g. 1.2)")
    }
    let redundancyText = try item.optionalString("redundancy") ?? "N"
    let modules = try item.int("redundant_modules", in: 1...64, numeric: false)
    let redundancy: Redundancy
    switch redundancyText {
    case "N": redundancy = .n
    case "2N": redundancy = .twoN
    case "N+1":
      guard let modules else {
        throw item.error("redundant_modules", nil, "N+1 needs 'redundant_modules' (N active modules, e.g. 4)")
      }
      redundancy = .nPlusOne(modules: modules)
    default:
      throw item.error("redundancy", item.node("redundancy"), "expected N, N+1 or 2N")
    }
    guard let derating = try item.number("derating", in: 0.01...1, what: "a share of nameplate") else {
      throw item.error("derating", nil, "missing field (continuous-load derating, e.g. 0.8)")
    }
    guard let hallNodes = try item.sequence("halls"), !hallNodes.isEmpty else {
      throw item.error("halls", nil, "missing field: a list of halls")
    }
    var halls: [Hall] = []
    for node in hallNodes {
      var probe = try YAMLMapping(node, file: file, path: "halls", log: FieldLog())
      let hallID = (try? probe.string("id")) ?? "\(halls.count)"
      var hall = try YAMLMapping(node, file: file, path: "halls.\(hallID)", log: item.log)
      _ = try hall.string("id")
      guard let racks = try hall.int("racks", in: 1...1_000_000) else {
        throw hall.error("racks", nil, "missing field (rack positions, e.g. 400)")
      }
      let rackPower = try hall.requiredQuantity("rack_power", Power.self, in: Ranges.rackPower)
      guard let cooling = try hall.choice("cooling", AcceleratorSystem.Cooling.self) else {
        throw hall.error("cooling", nil, "missing field: air | liquid")
      }
      let floor = try hall.quantity("floor_area", Area.self)
      let perRack = try hall.quantity("area_per_rack", Area.self)
      try hall.rejectUnknownKeys(
        allowed: ["id", "racks", "rack_power", "cooling", "floor_area", "area_per_rack"])
      if halls.contains(where: { $0.id == hallID }) {
        throw hall.error("id", nil, "duplicate hall id '\(hallID)'")
      }
      halls.append(
        Hall(
          id: hallID, racks: racks, rackPower: rackPower, cooling: cooling, floorArea: floor,
          areaPerRack: perRack))
    }
    let region = try item.optionalString("region")
    let requested = try item.day("grid_requested")
    let ordered = try item.day("equipment_ordered")
    var btm: BehindTheMeter?
    if var block = try item.mapping("behind_the_meter") {
      let options = try block.strings("options")
      let permit = try block.quantity("air_permit", Power.self, positive: false)
      let orderedOn = try block.day("ordered")
      try block.rejectUnknownKeys(allowed: ["options", "air_permit", "ordered"])
      btm = BehindTheMeter(options: options, airPermit: permit, ordered: orderedOn)
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return Site(
      id: id, name: name, country: country, interconnect: interconnect, onsiteGeneration: onsite,
      pue: pue, redundancy: redundancy, derating: derating, halls: halls, region: region, gridRequested: requested,
      equipmentOrdered: ordered, behindTheMeter: btm, provenance: provenance)
  }
}

import HeadroomModel
import Yams

extension AcceleratorSystem {
  static let yamlKeys = [
    "id", "name", "vendor", "status", "announced", "accelerator", "accelerators", "power", "typical_power",
    "rack_units",
    "whole_rack", "racks", "cooling", "price", "sources",
  ]

  /// Reads a system from its YAML file (see `Hardware/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> AcceleratorSystem {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let vendor = try item.string("vendor")
    let (status, announced) = try Accelerator.readStatus(from: &item)
    let accelerator = try item.string("accelerator")
    guard let count = try item.int("accelerators", in: 1...100_000) else {
      throw item.error("accelerators", nil, "missing field (accelerators per system, e.g. 8)")
    }
    let power = try item.requiredQuantity("power", Power.self, in: Ranges.power)
    let typical = try item.quantity("typical_power", Power.self)
    let rackUnits = try item.int("rack_units", in: 1...60)
    let wholeRack = try item.bool("whole_rack") ?? false
    let racks = try item.int("racks", in: 1...1000, numeric: false)
    if racks != nil && !wholeRack {
      throw item.error("racks", nil, "'racks' applies to rack-scale systems: add 'whole_rack: true'")
    }
    let footprint: Footprint
    switch (rackUnits, wholeRack) {
    case (let units?, false): footprint = .rackUnits(units)
    case (nil, true): footprint = .wholeRacks(racks ?? 1)
    case (_?, true):
      throw item.error("whole_rack", nil, "give either 'rack_units' or 'whole_rack: true', not both")
    case (nil, false):
      throw item.error("rack_units", nil, "missing field: 'rack_units' (e.g. 8) or 'whole_rack: true'")
    }
    guard let cooling = try item.choice("cooling", Cooling.self) else {
      throw item.error("cooling", nil, "missing field: air | liquid")
    }
    let price = try Price.read(from: &item, allowed: [.system], default: .system)
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    if status == .announced {
      try Accelerator.requireEstimates(provenance, item: item, exempt: ["accelerators", "rack_units"])
    }
    return AcceleratorSystem(
      id: id, name: name, vendor: vendor, status: status, announced: announced, accelerator: accelerator,
      acceleratorCount: count,
      power: power, typicalPower: typical, footprint: footprint, cooling: cooling, price: price,
      provenance: provenance)
  }
}

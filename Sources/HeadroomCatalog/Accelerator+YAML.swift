import HeadroomModel
import Yams

extension Accelerator {
  static let yamlKeys = [
    "id", "name", "vendor", "year", "process", "datacenter", "origin", "form", "compute", "memory",
    "memory_bandwidth", "scale_up_bandwidth", "tdp", "die_area", "price", "sources",
  ]

  /// Reads an accelerator from its YAML file (see `Hardware/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> Accelerator {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let vendor = try item.string("vendor")
    guard let year = try item.int("year", in: 1990...2100) else {
      throw item.error("year", nil, "missing field (first volume year, e.g. 2023)")
    }
    let process = try item.optionalString("process")
    guard let datacenter = try item.bool("datacenter") else {
      throw item.error("datacenter", nil, "missing field: true if designed or marketed for data centres")
    }
    let origin = try item.string("origin")
    let form = try item.optionalString("form")
    guard var computeMap = try item.mapping("compute") else {
      throw item.error("compute", nil, "missing field: dense peak rates per precision, e.g. 'bf16: 989 TFLOP/s'")
    }
    var compute: [Precision: ComputeRate] = [:]
    for key in computeMap.keys {
      guard let precision = Precision(rawValue: key) else {
        _ = computeMap.node(key)
        throw computeMap.error(
          key, nil,
          "unknown precision; expected one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      compute[precision] = try computeMap.quantity(key, ComputeRate.self)
    }
    guard !compute.isEmpty else {
      throw item.error("compute", nil, "expected at least one precision with its dense peak rate")
    }
    let memory = try item.quantity("memory", Bytes.self)
    let memoryBandwidth = try item.quantity("memory_bandwidth", Bandwidth.self)
    let scaleUp = try item.quantity("scale_up_bandwidth", Bandwidth.self)
    let tdp = try item.quantity("tdp", Power.self)
    let dieArea = try item.quantity("die_area", Area.self)
    let price = try Price.read(from: &item)
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return Accelerator(
      id: id, name: name, vendor: vendor, year: year, process: process, datacenter: datacenter,
      origin: origin, form: form, compute: compute, memory: memory, memoryBandwidth: memoryBandwidth,
      scaleUpBandwidth: scaleUp, tdp: tdp, dieArea: dieArea, price: price, provenance: provenance)
  }
}

extension Price {
  /// Reads an optional `price: {amount, year, kind}`; the whole block counts as the numeric field `price`.
  static func read(from item: inout YAMLMapping) throws(CatalogError) -> Price? {
    guard var block = try item.mapping("price") else { return nil }
    let amount = try block.requiredQuantity("amount", Money.self)
    guard let year = try block.int("year", in: 1990...2100, numeric: false) else {
      throw block.error("year", nil, "missing field (the year the price was quoted)")
    }
    guard let kind = try block.choice("kind", Price.Kind.self) else {
      throw block.error("kind", nil, "missing field: list | street | imputed")
    }
    try block.rejectUnknownKeys(allowed: ["amount", "year", "kind"])
    return Price(amount: amount, year: year, kind: kind)
  }
}

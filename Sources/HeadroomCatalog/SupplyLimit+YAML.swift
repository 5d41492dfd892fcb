import HeadroomModel
import Yams

extension SupplyLimit {
  static let yamlKeys = [
    "id", "name", "unit", "kind", "as_of", "note", "capacity", "stock", "after_last_year", "usage", "sources",
  ]

  /// Reads a supply limit (see `Hardware/README.md`): `capacity` by year in `unit`, or a `stock` with
  /// optional yearly additions in `capacity`; `usage` maps accelerator ids to units used per package.
  static func read(_ node: Node, file: String) throws(CatalogError) -> SupplyLimit {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let unit = try item.string("unit")
    let kind = try item.choice("kind", Kind.self) ?? .annual
    guard let asOf = try item.day("as_of") else {
      throw item.error(
        "as_of", nil, "missing field: the day the limit was compiled (YYYY-MM-DD); its estimates are as of that day")
    }
    _ = try item.optionalString("note")
    let capacity = try item.numberSeries("capacity", in: 0...1e15, what: "a capacity in the limit's unit") ?? [:]
    let stock = try item.number("stock", in: 0...1e15, what: "a stock in the limit's unit")
    switch kind {
    case .annual:
      if stock != nil {
        throw item.error("stock", nil, "'stock' applies to 'kind: stock'; an annual limit gives 'capacity' by year")
      }
      if capacity.isEmpty {
        throw item.error("capacity", nil, "missing field: the capacity by year, e.g. '2026: 1200000'")
      }
    case .stock:
      if stock == nil {
        throw item.error("stock", nil, "missing field: the stock available from the first checked year")
      }
    }
    let continuation = try SeriesContinuation.read(from: &item, allowLimit: false)
    guard var usageMap = try item.mapping("usage") else {
      throw item.error("usage", nil, "missing field: accelerator ids with the units one package uses")
    }
    var usage: [String: Double] = [:]
    for accelerator in usageMap.keys {
      usage[accelerator] = try usageMap.number(accelerator, in: 0...1e6, what: "units of the limit per package")
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return SupplyLimit(
      id: id, name: name, unit: unit, kind: kind, asOf: asOf, capacity: capacity, stock: stock,
      continuation: continuation, usage: usage, provenance: provenance)
  }
}

import HeadroomModel
import Yams

extension Equipment {
  /// Reads a long-lead equipment item from its YAML file (see `Grids/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> Equipment {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let leadNode = item.node("lead_time")
    guard let lead = try item.quantity("lead_time", TimeSpan.self, positive: false) else {
      throw item.error("lead_time", nil, "missing field (from order to delivery, e.g. '128 weeks')")
    }
    guard lead.seconds >= 0 else {
      throw item.error("lead_time", leadNode, "expected a lead time of zero or more (e.g. '128 weeks')")
    }
    try item.check("lead_time", lead, in: Ranges.leadTime)
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: ["id", "name", "lead_time", "sources"])
    return Equipment(id: id, name: name, leadTime: lead, provenance: provenance)
  }
}

import HeadroomModel
import Yams

extension DefaultMFU {
  static let yamlKeys = ["default", "accelerators", "sources"]

  /// Reads `Scenarios/mfu.yaml`: fallbacks per precision under `default`, figures per accelerator and
  /// precision under `accelerators`, and the sources behind them.
  static func read(_ node: Node, file: String) throws(CatalogError) -> DefaultMFU {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    func precisions(_ block: inout YAMLMapping) throws(CatalogError) -> [Precision: Double] {
      var result: [Precision: Double] = [:]
      for key in block.keys {
        guard let precision = Precision(rawValue: key) else {
          _ = block.node(key)
          throw block.error(
            key, nil, "unknown precision; expected one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        result[precision] = try block.number(key, in: 0.001...1, what: "an MFU")
      }
      return result
    }
    var fallback: [Precision: Double] = [:]
    if var block = try item.mapping("default") { fallback = try precisions(&block) }
    var byAccelerator: [String: [Precision: Double]] = [:]
    if var block = try item.mapping("accelerators") {
      for id in block.keys {
        guard var entries = try block.mapping(id) else { continue }
        byAccelerator[id] = try precisions(&entries)
      }
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return DefaultMFU(byAccelerator: byAccelerator, fallback: fallback, provenance: provenance)
  }
}

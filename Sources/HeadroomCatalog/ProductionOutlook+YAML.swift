import HeadroomModel
import Yams

extension ProductionOutlook {
  static let yamlKeys = ["id", "vendor", "as_of", "note", "after_last_year", "deployment", "kinds", "sources"]

  /// Reads a production outlook (see `Hardware/README.md`): `kinds` maps accelerator ids to packages by
  /// year; `deployment` (optional) shares a captive fleet out to countries.
  static func read(_ node: Node, file: String) throws(CatalogError) -> ProductionOutlook {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let vendor = try item.string("vendor")
    guard let asOf = try item.day("as_of") else {
      throw item.error(
        "as_of", nil, "missing field: the day the outlook was compiled (YYYY-MM-DD); its estimates are as of that day")
    }
    _ = try item.optionalString("note")
    let continuation = try SeriesContinuation.read(from: &item, allowLimit: true)
    var deployment: [String: Double]?
    if var block = try item.mapping("deployment") {
      var shares: [String: Double] = [:]
      for country in block.keys {
        shares[country] = try block.number(country, in: 0...1, what: "a share of each year's units")
      }
      let total = shares.values.reduce(0, +)
      if total > 1 + 1e-9 {
        throw item.error(
          "deployment", nil, "the deployment shares sum to \(NumberText.plain(total, 4)); expected at most 1")
      }
      deployment = shares
    }
    guard var kinds = try item.mapping("kinds") else {
      throw item.error(
        "kinds", nil, "missing field: accelerator ids with packages by year, e.g. 'gb200: {2025: 1700000}'")
    }
    var lines: [Line] = []
    for accelerator in kinds.keys {
      guard let units = try kinds.numberSeries(accelerator, in: 0...1e10, what: "accelerator packages") else {
        continue
      }
      lines.append(Line(accelerator: accelerator, units: units))
    }
    guard !lines.isEmpty else {
      throw item.error("kinds", nil, "expected at least one accelerator id with packages by year")
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return ProductionOutlook(
      id: id, vendor: vendor, asOf: asOf, lines: lines, continuation: continuation, deployment: deployment,
      provenance: provenance)
  }
}

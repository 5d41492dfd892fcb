import HeadroomModel

extension SeriesContinuation {
  /// Reads `after_last_year: {rule: hold | growth | limit, factor: 1.1, limit: <id>, note: why}`.
  ///
  /// The rule must say why (`note`); a growth factor counts as a figure and needs a source or an
  /// `assumption: true` long form. Absent, the series holds its last stated value.
  static func read(from item: inout YAMLMapping, allowLimit: Bool) throws(CatalogError) -> SeriesContinuation {
    guard var block = try item.mapping("after_last_year") else { return .hold }
    let rules = allowLimit ? "hold | growth | limit" : "hold | growth"
    guard let rule = try block.optionalString("rule") else {
      throw block.error("rule", nil, "missing field: \(rules)")
    }
    guard try block.optionalString("note") != nil else {
      throw block.error("note", nil, "missing field: say why the series continues this way after its last stated year")
    }
    let result: SeriesContinuation
    switch rule {
    case "hold":
      result = .hold
    case "growth":
      guard let factor = try block.number("factor", in: 0...10, what: "a yearly growth factor (1.1 = +10 % a year)")
      else {
        throw block.error("factor", nil, "missing field: the yearly growth factor, e.g. 1.1")
      }
      result = .growth(factor)
    case "limit" where allowLimit:
      guard let limit = try block.optionalString("limit") else {
        throw block.error("limit", nil, "missing field: the id of the supply limit whose capacity the series follows")
      }
      result = .followLimit(limit)
    default:
      throw block.error("rule", block.node("rule"), "expected one of \(rules)")
    }
    try block.rejectUnknownKeys(allowed: ["rule", "factor", "limit", "note"])
    return result
  }
}

extension YAMLMapping {
  /// A by-year series of plain numbers (`{2025: 3000000, 2026: {value: 5400000, estimate: true, note: …}}`).
  mutating func numberSeries(_ key: String, in range: ClosedRange<Double>, what: String) throws(CatalogError)
    -> [Int: Double]?
  {
    guard var series = try mapping(key) else { return nil }
    var result: [Int: Double] = [:]
    for yearKey in series.keys {
      guard let year = Int(yearKey), (1990...2100).contains(year) else {
        _ = series.node(yearKey)
        throw series.error(yearKey, nil, "expected a year (e.g. 2026) as the key")
      }
      result[year] = try series.number(yearKey, in: range, what: what)
    }
    return result
  }
}

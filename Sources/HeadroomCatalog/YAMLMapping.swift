import HeadroomModel
import Yams

/// A YAML mapping being read field by field, that remembers which keys were read so that an unknown
/// key is an error, and that names file, line and field path in every error.
struct YAMLMapping {
  let file: String
  let path: String
  let node: Node
  private let pairs: [(key: String, keyLine: Int?, value: Node)]
  /// Shared record of numeric fields and estimate marks for the whole item.
  let log: FieldLog
  private var readKeys: Set<String> = []

  init(_ node: Node, file: String, path: String = "", log: FieldLog) throws(CatalogError) {
    guard case .mapping(let mapping) = node else {
      throw CatalogError(
        file: file, line: node.mark?.line, field: path.isEmpty ? nil : path,
        value: node.string, expected: "expected a mapping of keys to values")
    }
    self.file = file
    self.path = path
    self.node = node
    self.log = log
    self.pairs = mapping.map { (key: $0.key.string ?? "", keyLine: $0.key.mark?.line, value: $0.value) }
  }

  /// The line of the mapping itself.
  var line: Int? { node.mark?.line }

  func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

  func error(_ key: String, _ node: Node?, _ expected: String) -> CatalogError {
    CatalogError(
      file: file, line: node?.mark?.line ?? line, field: fieldPath(key), value: node?.string,
      expected: expected)
  }

  /// The keys present, in file order.
  var keys: [String] { pairs.map(\.key) }

  /// The raw node under a key, marking the key as read.
  mutating func node(_ key: String) -> Node? {
    readKeys.insert(key)
    guard let pair = pairs.first(where: { $0.key == key }) else { return nil }
    log.present(fieldPath(key), line: pair.keyLine ?? pair.value.mark?.line)
    return pair.value
  }

  /// Throws for the first key that was never read, listing the keys this item accepts.
  func rejectUnknownKeys(allowed: [String]) throws(CatalogError) {
    for pair in pairs where !readKeys.contains(pair.key) {
      let suggestion = NearestNames.suggestion(for: pair.key, among: allowed)
      throw CatalogError(
        file: file, line: pair.keyLine ?? pair.value.mark?.line, field: fieldPath(pair.key), value: nil,
        expected: "unknown field\(suggestion); allowed here: \(allowed.joined(separator: ", "))")
    }
  }

  // MARK: Scalars

  mutating func string(_ key: String) throws(CatalogError) -> String {
    guard let value = try optionalString(key) else {
      throw error(key, nil, "missing field (text)")
    }
    return value
  }

  mutating func optionalString(_ key: String) throws(CatalogError) -> String? {
    guard let node = node(key) else { return nil }
    guard case .scalar(let scalar) = node, !scalar.string.isEmpty else {
      throw error(key, node, "expected text")
    }
    return scalar.string
  }

  mutating func bool(_ key: String) throws(CatalogError) -> Bool? {
    guard let node = node(key) else { return nil }
    switch node.string {
    case "true": return true
    case "false": return false
    default: throw error(key, node, "expected true or false")
    }
  }

  /// A whole number, recorded as a numeric field (it needs a source).
  mutating func int(_ key: String, in range: ClosedRange<Int>, numeric: Bool = true) throws(CatalogError)
    -> Int?
  {
    guard let node = node(key) else { return nil }
    let (valueNode, _) = try longForm(key, node)
    guard let text = valueNode.string, let value = Int(text.replacingUnderscores()), range.contains(value)
    else {
      throw error(key, valueNode, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    if numeric { log.numeric(fieldPath(key), line: node.mark?.line) }
    return value
  }

  /// A plain number (a fraction or a count), short or long form, recorded as a numeric field.
  mutating func number(_ key: String, in range: ClosedRange<Double>, what: String) throws(CatalogError)
    -> Double?
  {
    guard let node = node(key) else { return nil }
    let (valueNode, _) = try longForm(key, node)
    guard let text = valueNode.string, let value = Double(text.replacingUnderscores()), value.isFinite,
      range.contains(value)
    else {
      throw error(
        key, valueNode, "expected \(what), a number from \(range.lowerBound) to \(range.upperBound)")
    }
    log.numeric(fieldPath(key), line: node.mark?.line)
    return value
  }

  /// A quantity with its unit, short (`700 W`) or long form (`{value: 700 W, estimate: true, note: …}`),
  /// positive unless told otherwise and inside its sane range when one is given.
  mutating func quantity<Q: Quantity>(_ key: String, _ type: Q.Type, positive: Bool = true, in range: SaneRange? = nil)
    throws(CatalogError) -> Q?
  {
    guard let node = node(key) else { return nil }
    let (valueNode, _) = try longForm(key, node)
    guard case .scalar(let scalar) = valueNode else {
      throw error(
        key, valueNode, "expected \(UnitDimension.withArticle(Q.dimension.name)), e.g. '\(Q.dimension.example)'")
    }
    let quantity: Q
    do {
      quantity = try Q(parsing: scalar.string)
    } catch let problem {
      var expected =
        "expected \(UnitDimension.withArticle(Q.dimension.name)) with its unit, e.g. '\(Q.dimension.example)'"
      if let actual = problem.actualDimension {
        expected += " ('\(scalar.string)' is \(UnitDimension.withArticle(actual)))"
      } else {
        expected += " (\(problem.reason))"
      }
      throw error(key, valueNode, expected)
    }
    if positive && !(quantity.baseValue > 0) {
      throw error(key, valueNode, "expected a positive \(Q.dimension.name)")
    }
    if let range, !range.contains(quantity) {
      throw error(
        key, valueNode, "expected \(UnitDimension.withArticle(Q.dimension.name)) within the sane range \(range)")
    }
    log.numeric(fieldPath(key), line: node.mark?.line)
    return quantity
  }

  /// Throws unless a quantity already read lies in its sane range (for fields whose reader checks
  /// something first, such as a lead time's sign).
  mutating func check<Q: Quantity>(_ key: String, _ value: Q, in range: SaneRange) throws(CatalogError) {
    guard !range.contains(value) else { return }
    var valueNode = node(key)
    if case .mapping(let mapping)? = valueNode { valueNode = mapping.first { $0.key.string == "value" }?.value }
    throw error(
      key, valueNode, "expected \(UnitDimension.withArticle(Q.dimension.name)) within the sane range \(range)")
  }

  mutating func requiredQuantity<Q: Quantity>(_ key: String, _ type: Q.Type, in range: SaneRange? = nil)
    throws(CatalogError) -> Q
  {
    guard let value = try quantity(key, type, in: range) else {
      throw error(
        key, nil, "missing field (\(UnitDimension.withArticle(Q.dimension.name)), e.g. '\(Q.dimension.example)')")
    }
    return value
  }

  /// Unwraps the long form `{value:, estimate: true | assumption: true | private: true, note:}`, recording
  /// the mark (`private: true` marks the user's own figure: a quote or a contract with no public source).
  private func longForm(_ key: String, _ node: Node) throws(CatalogError) -> (Node, Provenance.Mark?) {
    guard case .mapping = node else { return (node, nil) }
    var inner = try YAMLMapping(node, file: file, path: fieldPath(key), log: log)
    guard let value = inner.node("value") else {
      throw error(
        key, node,
        "a long-form value needs 'value', and 'estimate: true', 'assumption: true' or 'private: true' with a 'note'")
    }
    let estimate = try inner.bool("estimate") ?? false
    let assumption = try inner.bool("assumption") ?? false
    let isPrivate = try inner.bool("private") ?? false
    let note = try inner.optionalString("note")
    try inner.rejectUnknownKeys(allowed: ["value", "estimate", "assumption", "private", "note"])
    let kinds = [estimate, assumption, isPrivate].filter { $0 }.count
    guard kinds > 0 else {
      throw error(key, node, "a long-form value must say 'estimate: true', 'assumption: true' or 'private: true'")
    }
    guard kinds == 1 else {
      throw error(key, node, "a long-form value is one of estimate, assumption or private, not several")
    }
    guard let note else {
      throw error(
        key, node,
        isPrivate
          ? "a private figure needs a 'note' saying where it comes from (e.g. 'our quote from X, 2026-03')"
          : "an estimate or assumption needs a 'note' saying why")
    }
    let mark = Provenance.Mark(kind: isPrivate ? .private : assumption ? .assumption : .estimate, note: note)
    log.mark(fieldPath(key), mark)
    return (value, mark)
  }

  // MARK: Nested

  mutating func mapping(_ key: String) throws(CatalogError) -> YAMLMapping? {
    guard let node = node(key) else { return nil }
    return try YAMLMapping(node, file: file, path: fieldPath(key), log: log)
  }

  mutating func sequence(_ key: String) throws(CatalogError) -> [Node]? {
    guard let node = node(key) else { return nil }
    guard case .sequence(let sequence) = node else {
      throw error(key, node, "expected a list")
    }
    return Array(sequence)
  }

  /// A list of text items (`[D:1, D:4]`).
  mutating func strings(_ key: String) throws(CatalogError) -> [String]? {
    guard let nodes = try sequence(key) else { return nil }
    var result: [String] = []
    for node in nodes {
      guard case .scalar(let scalar) = node else { throw error(key, node, "expected a list of text items") }
      result.append(scalar.string)
    }
    return result
  }

  /// A day written `YYYY-MM-DD`.
  mutating func day(_ key: String) throws(CatalogError) -> Day? {
    guard let node = node(key) else { return nil }
    guard let text = node.string else { throw error(key, node, "expected a date as YYYY-MM-DD") }
    guard let day = Day(parsing: text) else {
      throw error(key, node, "not a calendar date: \(Day.problem(parsing: text) ?? "expected YYYY-MM-DD")")
    }
    return day
  }

  /// A by-year series of quantities (`{2025: 200 MW, 2026: 1.2 GW}`), each in the sane range when one is given.
  mutating func yearSeries<Q: Quantity>(
    _ key: String, _ type: Q.Type, positive: Bool = true, in range: SaneRange? = nil
  ) throws(CatalogError) -> [Int: Q]? {
    guard var series = try mapping(key) else { return nil }
    var result: [Int: Q] = [:]
    for yearKey in series.keys {
      guard let year = Int(yearKey), (1990...2100).contains(year) else {
        throw series.error(yearKey, nil, "expected a year (e.g. 2026) as the key")
      }
      result[year] = try series.quantity(yearKey, type, positive: positive, in: range)
    }
    return result
  }

  /// Typed value of an enumeration, listing the accepted values on error.
  mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(CatalogError)
    -> E? where E.RawValue == String
  {
    guard let text = try optionalString(key) else { return nil }
    guard let value = E(rawValue: text) else {
      let allowed = E.allCases.map(\.rawValue).joined(separator: " | ")
      throw error(key, node(key), "expected one of \(allowed)")
    }
    return value
  }
}

/// Numeric fields seen and estimate marks found while reading one item.
final class FieldLog {
  private(set) var numericFields: [String] = []
  /// Every field path present in the file, numeric or not.
  private(set) var presentFields: Set<String> = []
  /// The line of each field present.
  private(set) var lines: [String: Int] = [:]
  private(set) var marks: [String: Provenance.Mark] = [:]

  func numeric(_ path: String, line: Int?) { numericFields.append(path) }
  func present(_ path: String, line: Int?) {
    presentFields.insert(path)
    if let line { lines[path] = line }
  }
  func mark(_ path: String, _ mark: Provenance.Mark) { marks[path] = mark }
}

extension String {
  func replacingUnderscores() -> String { filter { $0 != "_" } }
}

extension YAMLMapping {
  /// A plain number in a scenario field's range (``Scenario/FieldRange``), recorded as a numeric field.
  mutating func number(_ key: String, _ range: Scenario.FieldRange) throws(CatalogError) -> Double? {
    guard let value = try number(key, in: range.range, what: range.what) else { return nil }
    if range.whole && value != value.rounded() {
      throw error(key, node(key), "expected \(range.what), a whole number")
    }
    return value
  }

  /// A mapping of years to numbers in a range: `{2026: 5000000, 2027: 6000000}`.
  mutating func yearNumbers(_ key: String, _ range: Scenario.FieldRange) throws(CatalogError) -> [Int: Double]? {
    guard var block = try mapping(key) else { return nil }
    var result: [Int: Double] = [:]
    for yearText in block.keys {
      guard let year = Int(yearText), (2000...2100).contains(year) else {
        throw block.error(yearText, nil, "expected a year (2000-2100) as the key")
      }
      result[year] = try block.number(yearText, range)
    }
    return result
  }
}

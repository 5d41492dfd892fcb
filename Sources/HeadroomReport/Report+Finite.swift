import HeadroomModel

/// Finds numbers in a report that are not finite, so that a command stops with an error instead of
/// printing `inf W`, `$nan` or a JSON `null` where a figure belongs.
///
/// A non-finite figure means an input was out of range (a TDP of `1e308 W` times a count) or a
/// division by zero; the command cannot know which input, but it can refuse to print nonsense and
/// say where in the result it appeared. Library code should check its derived numbers first (with
/// `Double.finite(_:)` and `Int(checking:field:)` from HeadroomModel) and name the input.
extension Report {
  /// Where the report holds a number that is not finite: JSON paths (`years[3].powerGW`) and table
  /// cells (`table 'Walls', row 2, column 'cost'`), with the value as written; empty when all are finite.
  public var nonFiniteNumbers: [String] {
    var found = json.nonFiniteNumbers().map { "\($0.path) = \(NumberText.readable($0.value))" }
    for table in data {
      for (rowIndex, row) in table.rows.enumerated() {
        for (column, value) in zip(table.columns, row) {
          if case .number(let number) = value, !number.isFinite {
            found.append("\(column) of row \(rowIndex + 1) in data table '\(table.name)' = \(number)")
          }
        }
      }
    }
    for (index, table) in tables.enumerated() {
      let name = table.title.map { "'\($0)'" } ?? "\(index + 1)"
      for (rowIndex, row) in table.rows.enumerated() {
        for (column, cell) in zip(table.columns, row) where Self.mentionsNonFinite(cell) {
          let label = row.first.map { "'\($0)'" } ?? "\(rowIndex + 1)"
          found.append("\(column.name) of \(label) in table \(name) = '\(cell)'")
        }
      }
    }
    return found
  }

  /// Whether cell text holds `inf`, `infinity` or `nan` as a word (`inf W`, `$nan`), not inside one.
  static func mentionsNonFinite(_ text: String) -> Bool {
    var word = ""
    for character in text.lowercased() + " " {
      if character.isLetter {
        word.append(character)
      } else {
        if word == "inf" || word == "infinity" || word == "nan" { return true }
        word = ""
      }
    }
    return false
  }
}

extension JSONValue {
  /// The numbers that are not finite, with their paths from the root (`countries[0].costMUSD`).
  public func nonFiniteNumbers(path: String = "") -> [(path: String, value: Double)] {
    switch self {
    case .number(let value): return value.isFinite ? [] : [(path.isEmpty ? "(value)" : path, value)]
    case .array(let items):
      return items.enumerated().flatMap { $0.element.nonFiniteNumbers(path: "\(path)[\($0.offset)]") }
    case .object(let pairs):
      return pairs.flatMap { $0.1.nonFiniteNumbers(path: path.isEmpty ? $0.0 : "\(path).\($0.0)") }
    case .null, .bool, .string: return []
    }
  }
}

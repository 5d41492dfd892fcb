/// A table of raw values for programs: one row per item, an id column on every row, numbers as
/// numbers, and each column's unit in its name.
///
/// Columns are keys of the JSON vocabulary (``JSONVocabulary``): `powerAvailableGW` holds gigawatts and is
/// written `power_available_gw` in CSV. Cells are scalar ``JSONValue``s: numbers, strings, booleans, or
/// `null` for a missing value (an empty CSV cell). A report's data tables are separate from its text tables
/// (``Table``), which hold formatted cells for people.
public struct DataTable: Sendable, Hashable {
  /// The name `--table` chooses the table by (`years`, `builds`).
  public var name: String
  /// What one row is, in a few words (`one row per country and year`), for the README and `--table` errors.
  public var rowMeaning: String
  /// Column keys in the JSON vocabulary; the first ones identify the row.
  public var columns: [String]
  public var rows: [[JSONValue]]
  /// Whether the CSV header is the columns as given (a SQL query's own names) rather than their snake case.
  public var verbatimHeaders: Bool

  public init(
    name: String, rowMeaning: String, columns: [String], rows: [[JSONValue]] = [], verbatimHeaders: Bool = false
  ) {
    self.name = name
    self.rowMeaning = rowMeaning
    self.columns = columns
    self.rows = rows
    self.verbatimHeaders = verbatimHeaders
  }

  /// A table whose columns are the keys of its records, in the order of the first record's (or `columns`
  /// when there are no records).
  public init(name: String, rowMeaning: String, columns: [String], records: [[(String, JSONValue)]]) {
    self.init(name: name, rowMeaning: rowMeaning, columns: columns)
    for record in records { append(record) }
  }

  /// Adds a row given as key-value pairs; the keys must be the table's columns, in order.
  public mutating func append(_ record: [(String, JSONValue)]) {
    precondition(
      record.map(\.0) == columns, "table \(name): record keys \(record.map(\.0)) are not the columns \(columns)")
    rows.append(record.map(\.1))
  }

  /// The CSV header of each column (`power_available_gw`).
  public var headers: [String] { verbatimHeaders ? columns : columns.map(JSONVocabulary.snakeCase) }

  /// The unit of each column, from its key's suffix; nil for identifiers, words and counts.
  public var units: [JSONVocabulary.Suffix?] { columns.map(JSONVocabulary.suffix(of:)) }
}

extension DataTable {
  /// The table as RFC 4180 CSV: the header line, then one line per row; numbers as plain numbers, missing values
  /// as empty cells; cells with commas, quotes or line breaks are quoted.
  public func renderCSV() -> String {
    var lines = [headers.map(Self.escape).joined(separator: ",")]
    for row in rows { lines.append(row.map { Self.escape(Self.cell($0)) }.joined(separator: ",")) }
    return lines.joined(separator: "\n") + "\n"
  }

  /// A value as a CSV cell.
  static func cell(_ value: JSONValue) -> String {
    switch value {
    case .null: return ""
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number): return JSONValue.format(number)
    case .string(let text): return text
    case .array(let items): return items.map(cell).joined(separator: "; ")
    case .object: return value.rendered()
    }
  }

  static func escape(_ cell: String) -> String {
    guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
    return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

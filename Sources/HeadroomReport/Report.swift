/// A command's result in every output format: text tables for people, one JSON document and data tables
/// of raw values for programs.
public struct Report: Sendable {
  /// Formatted tables (`table` and `markdown` output).
  public var tables: [Table]
  public var json: JSONValue
  /// Raw values (`csv` output), the main one first; `--table <name>` chooses another.
  public var data: [DataTable]

  public init(tables: [Table], json: JSONValue, data: [DataTable] = []) {
    self.tables = tables
    self.json = json
    self.data = data
  }

  /// The result written in a format, text tables fitted to `layout` (default: no limit); CSV is the main data
  /// table.
  public func render(_ format: OutputFormat, layout: TextLayout = .unlimited) -> String {
    // The main table always exists when `data` is not empty, so this cannot throw.
    (try? render(format, table: nil, layout: layout)) ?? ""
  }

  /// The result written in a format, CSV from the data table named `table` (nil: the main one), text tables
  /// fitted to `layout`.
  public func render(_ format: OutputFormat, table: String?, layout: TextLayout = .unlimited) throws(ReportError)
    -> String
  {
    switch format {
    case .table: return tables.map { $0.renderText(layout: layout) }.joined(separator: "\n")
    case .json: return json.rendered() + "\n"
    case .csv: return try dataTable(table).renderCSV()
    case .markdown: return tables.map { $0.renderMarkdown() }.joined(separator: "\n")
    }
  }

  /// The data table of a name, or the main one (the first) for nil.
  public func dataTable(_ name: String?) throws(ReportError) -> DataTable {
    guard let name else {
      guard let main = data.first else { throw ReportError.noDataTable }
      return main
    }
    guard let table = data.first(where: { $0.name == name }) else {
      throw ReportError.unknownTable(name, known: data.map { "\($0.name) (\($0.rowMeaning))" })
    }
    return table
  }
}

/// Why a report cannot be written as asked.
public enum ReportError: Error, Sendable, Hashable, CustomStringConvertible {
  case unknownTable(String, known: [String])
  case noDataTable

  public var description: String {
    switch self {
    case .unknownTable(let name, let known):
      return "--table \(name): no such table; this command writes " + known.joined(separator: ", ")
    case .noDataTable: return "this command has no table of raw values to write as CSV"
    }
  }
}

/// A command's result in every output format: tables for people, one JSON document for programs.
public struct Report: Sendable {
  public var tables: [Table]
  public var json: JSONValue

  public init(tables: [Table], json: JSONValue) {
    self.tables = tables
    self.json = json
  }

  /// The result written in a format; text tables are fitted to `layout` (default: no limit).
  public func render(_ format: OutputFormat, layout: TextLayout = .unlimited) -> String {
    switch format {
    case .table: tables.map { $0.renderText(layout: layout) }.joined(separator: "\n")
    case .json: json.rendered() + "\n"
    case .csv: tables.map { $0.renderCSV() }.joined(separator: "\n")
    case .markdown: tables.map { $0.renderMarkdown() }.joined(separator: "\n")
    }
  }
}

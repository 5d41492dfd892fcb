/// A rectangular result: named columns, rows of already-formatted cells, and notes below it.
public struct Table: Sendable, Hashable {
  /// A column heading and how its cells line up.
  public struct Column: Sendable, Hashable {
    public enum Alignment: Sendable, Hashable { case left, right }
    public var name: String
    public var alignment: Alignment

    public init(_ name: String, _ alignment: Alignment = .left) {
      self.name = name
      self.alignment = alignment
    }
  }

  /// A heading printed above the table (not part of CSV output).
  public var title: String?
  public var columns: [Column]
  public var rows: [[String]]
  /// Lines printed under the table: sources, assumptions, how to read it.
  public var notes: [String]
  /// How many leading columns identify a row (repeated in each part when a text table is split to fit
  /// a terminal): 1 by default, 2 for tables keyed by country and year.
  public var keyColumns = 1

  public init(title: String? = nil, columns: [Column], rows: [[String]] = [], notes: [String] = []) {
    self.title = title
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }

  /// Adds a row; it must have one cell per column.
  public mutating func append(_ row: [String]) {
    precondition(row.count == columns.count, "row has \(row.count) cells for \(columns.count) columns")
    rows.append(row)
  }
}

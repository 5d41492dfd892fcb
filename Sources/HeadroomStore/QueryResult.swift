/// The result of a read-only query: the column names SQLite gives, and the rows.
public struct QueryResult: Sendable, Hashable {
  /// One SQLite value.
  public enum Value: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    /// A BLOB, by size (its bytes are not shown).
    case blob(bytes: Int)

    /// The value as text: integers plainly, reals as Swift prints them (integral ones below 10^15
    /// without a fraction), `NULL`, and `<blob N bytes>`.
    public var description: String {
      switch self {
      case .null: "NULL"
      case .integer(let value): String(value)
      case .real(let value):
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
      case .text(let value): value
      case .blob(let bytes): "<blob \(bytes) bytes>"
      }
    }
  }

  /// Column names as SQLite reports them (aliases included).
  public var columns: [String]
  public var rows: [[Value]]

  public init(columns: [String], rows: [[Value]]) {
    self.columns = columns
    self.rows = rows
  }
}

import GRDB

/// A row of `source_fields`: a dotted field path (`compute.bf16`, `tdp`, `halls`) a source supports.
///
/// A source supporting `compute` covers every `compute.*` field of its item.
public struct SourceFieldRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "source_fields"

  public var sourceId: Int64
  public var field: String

  enum CodingKeys: String, CodingKey {
    case sourceId = "source_id"
    case field
  }

  /// The table's columns.
  public enum Columns {
    public static let sourceId = Column(CodingKeys.sourceId)
    public static let field = Column(CodingKeys.field)
  }
}

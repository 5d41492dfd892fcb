import GRDB

/// A row of `field_marks`: a field its data file marks as an `estimate` or an `assumption`, with why.
public struct FieldMarkRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "field_marks"

  public var itemKind: String
  public var itemId: String
  public var field: String
  public var kind: String
  public var note: String

  enum CodingKeys: String, CodingKey {
    case itemKind = "item_kind"
    case itemId = "item_id"
    case field, kind, note
  }

  /// The table's columns.
  public enum Columns {
    public static let itemKind = Column(CodingKeys.itemKind)
    public static let itemId = Column(CodingKeys.itemId)
    public static let field = Column(CodingKeys.field)
    public static let kind = Column(CodingKeys.kind)
  }
}

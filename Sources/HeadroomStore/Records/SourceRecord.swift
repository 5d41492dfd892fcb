import GRDB
import HeadroomModel

/// A row of `sources`: one source entry of a catalog item (its URL, confidence and note).
///
/// `item_kind` is `accelerator`, `system`, `export_rule`, `country`, `site`, `model` or `mfu`;
/// `item_id` the item's id; `position` the entry's order in the item's file. The fields it supports are
/// rows of `source_fields`.
public struct SourceRecord: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
  public static let databaseTableName = "sources"

  /// Assigned by SQLite on insert.
  public var id: Int64?
  public var itemKind: String
  public var itemId: String
  public var position: Int
  public var url: String
  /// `primary`, `secondary` or `estimate`.
  public var confidence: String
  public var note: String?

  enum CodingKeys: String, CodingKey {
    case id
    case itemKind = "item_kind"
    case itemId = "item_id"
    case position, url, confidence, note
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let itemKind = Column(CodingKeys.itemKind)
    public static let itemId = Column(CodingKeys.itemId)
    public static let url = Column(CodingKeys.url)
    public static let confidence = Column(CodingKeys.confidence)
  }

  public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SourceRecord {
  /// The row for a source entry of an item.
  public init(kind: String, item: String, position: Int, _ source: Source) {
    self.init(
      id: nil, itemKind: kind, itemId: item, position: position, url: source.url,
      confidence: source.confidence.rawValue, note: source.note)
  }
}

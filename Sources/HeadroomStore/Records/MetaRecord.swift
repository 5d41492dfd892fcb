import GRDB

/// A row of `headroom_meta`: a fact about the last catalog import.
///
/// Keys: `catalog_data_hash` (``DataHash`` of the data folders), `catalog_built_at` (UTC timestamp),
/// `catalog_data_root` (the data folder imported). The schema version is `PRAGMA user_version`.
public struct MetaRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "headroom_meta"

  public var key: String
  public var value: String

  /// The table's columns.
  public enum Columns {
    public static let key = Column("key")
    public static let value = Column("value")
  }
}

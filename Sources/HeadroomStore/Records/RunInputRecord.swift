import GRDB

/// A row of `run_inputs`: one `--set path=value` override of a run, in the order given.
public struct RunInputRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_inputs"

  public var runId: Int64
  public var position: Int
  public var path: String
  public var value: String

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case position, path, value
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let position = Column(CodingKeys.position)
    public static let path = Column(CodingKeys.path)
  }
}

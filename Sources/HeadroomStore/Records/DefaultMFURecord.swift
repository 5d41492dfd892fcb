import GRDB

/// A row of `default_mfu`: a default model FLOPs utilisation (0…1) for an accelerator at a precision;
/// `accelerator_id` NULL is the precision's fallback for parts with no published run.
public struct DefaultMFURecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "default_mfu"

  public var acceleratorId: String?
  public var precision: String
  public var mfu: Double

  enum CodingKeys: String, CodingKey {
    case acceleratorId = "accelerator_id"
    case precision, mfu
  }

  /// The table's columns.
  public enum Columns {
    public static let acceleratorId = Column(CodingKeys.acceleratorId)
    public static let precision = Column(CodingKeys.precision)
    public static let mfu = Column(CodingKeys.mfu)
  }
}

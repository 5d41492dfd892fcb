import GRDB

/// A row of `run_sweep_drivers`: an input that moves one wall of one country in a sweep (schema v4).
///
/// `rank` 1 is the strongest; `measure` is `spearman` (rank correlation, -1…1, positive: a higher input
/// makes the wall later) or `sobol total` (total-order Sobol index, 0…1); `value` the measure's value.
public struct RunSweepDriverRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_sweep_drivers"

  public var runId: Int64
  public var country: String
  public var wall: String
  public var rank: Int
  public var input: String
  public var measure: String
  public var value: Double

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case country, wall, rank, input, measure, value
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let country = Column(CodingKeys.country)
    public static let wall = Column(CodingKeys.wall)
    public static let rank = Column(CodingKeys.rank)
  }
}

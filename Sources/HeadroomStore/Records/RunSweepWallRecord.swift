import GRDB

/// A row of `run_sweep_walls`: one wall of one country over a sweep's samples (schema v4).
///
/// `wall` is `power wall`, `chip wall` or `first short`; `p5_year`, `p50_year`, `p95_year` the
/// nearest-rank percentiles of the wall year (NULL: no wall within the horizon at that percentile);
/// `none_share` the share of samples with no such wall, 0…1.
public struct RunSweepWallRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_sweep_walls"

  public var runId: Int64
  public var country: String
  public var wall: String
  public var p5Year: Int?
  public var p50Year: Int?
  public var p95Year: Int?
  public var noneShare: Double

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case country, wall
    case p5Year = "p5_year"
    case p50Year = "p50_year"
    case p95Year = "p95_year"
    case noneShare = "none_share"
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let country = Column(CodingKeys.country)
    public static let wall = Column(CodingKeys.wall)
  }
}

import GRDB

/// A row of `run_country_results`: a country's walls in a run.
///
/// `power_wall_year` is the first year demand goes unmet with chips unlimited, `chip_wall_year` the
/// first with power unlimited, `first_short_year` the first in the joint model (NULL: none within the
/// horizon); `binding_wall` is `none`, `power`, `chip` or `both`; `cost_musd` the country's cost-phase
/// objective in millions of USD.
public struct RunCountryResultRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_country_results"

  public var runId: Int64
  public var country: String
  public var powerWallYear: Int?
  public var chipWallYear: Int?
  public var firstShortYear: Int?
  public var bindingWall: String
  public var costMusd: Double?

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case country
    case powerWallYear = "power_wall_year"
    case chipWallYear = "chip_wall_year"
    case firstShortYear = "first_short_year"
    case bindingWall = "binding_wall"
    case costMusd = "cost_musd"
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let country = Column(CodingKeys.country)
    public static let powerWallYear = Column(CodingKeys.powerWallYear)
    public static let chipWallYear = Column(CodingKeys.chipWallYear)
  }
}

import GRDB

/// A row of `run_year_results`: one country and year of a run.
///
/// Demand and served are in PFLOP/s; power in MW; accelerators are counts; `unmet_share` is 0…1.
/// `power_shadow_price` is the dual of the power row (PFLOP/s served per extra MW),
/// `chip_shadow_price` that of the fleet row (PFLOP/s served per extra accelerator); NULL when the
/// run has no duals.
public struct RunYearResultRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_year_results"

  public var runId: Int64
  public var country: String
  public var year: Int
  public var demandPflops: Double
  public var servedPflops: Double
  public var unmetShare: Double
  public var powerUsedMw: Double
  public var powerAvailableMw: Double
  public var acceleratorsRunning: Double
  public var acceleratorsAvailable: Double
  public var powerShadowPrice: Double?
  public var chipShadowPrice: Double?

  enum CodingKeys: String, CodingKey {
    case runId = "run_id", country, year, demandPflops = "demand_pflops", servedPflops = "served_pflops"
    case unmetShare = "unmet_share", powerUsedMw = "power_used_mw", powerAvailableMw = "power_available_mw"
    case acceleratorsRunning = "accelerators_running", acceleratorsAvailable = "accelerators_available"
    case powerShadowPrice = "power_shadow_price", chipShadowPrice = "chip_shadow_price"
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let country = Column(CodingKeys.country)
    public static let year = Column(CodingKeys.year)
  }
}

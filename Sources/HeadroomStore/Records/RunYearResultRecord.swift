import GRDB

/// A row of `run_year_results` (schema v2): one country and year of a walls run.
///
/// Demand, supply and gaps in H100-equivalents (`_h100e`), power at the meter in GW (`_gw`), shares
/// 0…1; `power_shadow_h100e_per_mw` is how many more H100e one more MW would serve,
/// `chip_shadow_h100e_per_1000` how many 1,000 more of `chip_shadow_kind` would (NULL without duals).
/// Runs saved under schema v1 keep their rows in `run_year_results_v1`.
public struct RunYearResultRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_year_results"

  public var runId: Int64
  public var country: String
  public var year: Int
  public var demandH100e: Double
  public var trainingServedShare: Double
  public var inferenceServedShare: Double
  public var demandGw: Double
  public var powerAvailableGw: Double
  public var powerUsedGw: Double
  public var chipsObtainableH100e: Double
  public var fleetH100e: Double
  public var gapH100e: Double
  public var powerGapGw: Double
  public var chipGapH100e: Double
  public var binding: String
  public var powerShadowH100ePerMw: Double?
  public var chipShadowH100ePer1000: Double?
  public var chipShadowKind: String?

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case country, year, binding
    case demandH100e = "demand_h100e"
    case trainingServedShare = "training_served_share"
    case inferenceServedShare = "inference_served_share"
    case demandGw = "demand_gw"
    case powerAvailableGw = "power_available_gw"
    case powerUsedGw = "power_used_gw"
    case chipsObtainableH100e = "chips_obtainable_h100e"
    case fleetH100e = "fleet_h100e"
    case gapH100e = "gap_h100e"
    case powerGapGw = "power_gap_gw"
    case chipGapH100e = "chip_gap_h100e"
    case powerShadowH100ePerMw = "power_shadow_h100e_per_mw"
    case chipShadowH100ePer1000 = "chip_shadow_h100e_per_1000"
    case chipShadowKind = "chip_shadow_kind"
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let country = Column(CodingKeys.country)
    public static let year = Column(CodingKeys.year)
  }
}

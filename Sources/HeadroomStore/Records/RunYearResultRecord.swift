import GRDB

/// A row of `run_year_results`: one country and year of a run.
///
/// Training demand and served are in PFLOP/s (sustained); inference in millions of reference-model
/// tokens per second (`_mtok_per_s`); power in MW; accelerators are units; `unmet_share` is 0…1.
/// `power_shadow_price` is the dual of the power row (share of demand one more MW would serve),
/// `chip_shadow_price` that of the fleet row (share of demand 10,000 more of `chip_shadow_kind` would
/// serve); NULL when the run has no duals.
public struct RunYearResultRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_year_results"

  public var runId: Int64
  public var country: String
  public var year: Int
  public var trainingDemandPflops: Double
  public var trainingServedPflops: Double
  public var inferenceDemandMtokPerS: Double
  public var inferenceServedMtokPerS: Double
  public var unmetShare: Double
  public var powerUsedMw: Double
  public var powerAvailableMw: Double
  public var acceleratorsRunning: Double
  public var acceleratorsAvailable: Double
  public var acceleratorsBought: Double?
  public var powerShadowPrice: Double?
  public var chipShadowPrice: Double?
  public var chipShadowKind: String?

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case country, year
    case trainingDemandPflops = "training_demand_pflops"
    case trainingServedPflops = "training_served_pflops"
    case inferenceDemandMtokPerS = "inference_demand_mtok_per_s"
    case inferenceServedMtokPerS = "inference_served_mtok_per_s"
    case unmetShare = "unmet_share"
    case powerUsedMw = "power_used_mw"
    case powerAvailableMw = "power_available_mw"
    case acceleratorsRunning = "accelerators_running"
    case acceleratorsAvailable = "accelerators_available"
    case acceleratorsBought = "accelerators_bought"
    case powerShadowPrice = "power_shadow_price"
    case chipShadowPrice = "chip_shadow_price"
    case chipShadowKind = "chip_shadow_kind"
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let country = Column(CodingKeys.country)
    public static let year = Column(CodingKeys.year)
  }
}

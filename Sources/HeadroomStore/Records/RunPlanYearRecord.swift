import GRDB

/// A row of `run_plan_years`: one year of a saved site plan (schema v4).
///
/// Power in MW of IT load; costs in millions of USD (undiscounted, that year's); `served_share` the
/// share of the year's workload demand served, 0…1; `binding` the limit that binds, in words.
public struct RunPlanYearRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "run_plan_years"

  public var runId: Int64
  public var year: Int
  public var systemsBought: Int
  public var accelerators: Int
  public var itPowerUsedMw: Double
  public var itPowerAvailableMw: Double
  public var racksUsed: Int
  public var capexMusd: Double
  public var energyMusd: Double
  public var servedShare: Double
  public var binding: String

  enum CodingKeys: String, CodingKey {
    case runId = "run_id"
    case year
    case systemsBought = "systems_bought"
    case accelerators
    case itPowerUsedMw = "it_power_used_mw"
    case itPowerAvailableMw = "it_power_available_mw"
    case racksUsed = "racks_used"
    case capexMusd = "capex_musd"
    case energyMusd = "energy_musd"
    case servedShare = "served_share"
    case binding
  }

  /// The table's columns.
  public enum Columns {
    public static let runId = Column(CodingKeys.runId)
    public static let year = Column(CodingKeys.year)
  }
}

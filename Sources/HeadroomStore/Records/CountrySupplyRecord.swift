import GRDB
import HeadroomModel

/// A row of `country_supply`: the average power a country can give data centres in one year, in MW.
///
/// Computed at import by `Country.dataCentrePower(from:to:)`: base load plus each later year's
/// additions × data-centre share × (1 − blocked share), held under caps. `added_mw` is what the year
/// added; `limits_in_force` is `; `-separated; `capped_by` names the cap that held the year down.
public struct CountrySupplyRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "country_supply"

  public var countryId: String
  public var year: Int
  public var powerMw: Double
  public var addedMw: Double
  public var limitsInForce: String?
  public var cappedBy: String?

  enum CodingKeys: String, CodingKey {
    case countryId = "country_id"
    case year
    case powerMw = "power_mw"
    case addedMw = "added_mw"
    case limitsInForce = "limits_in_force"
    case cappedBy = "capped_by"
  }

  /// The table's columns.
  public enum Columns {
    public static let countryId = Column(CodingKeys.countryId)
    public static let year = Column(CodingKeys.year)
    public static let powerMw = Column(CodingKeys.powerMw)
  }
}

extension CountrySupplyRecord {
  /// The row for one year of a country's supply series.
  public init(country: String, _ entry: Country.SupplyYear) {
    self.init(
      countryId: country, year: entry.year, powerMw: entry.available.megawatts,
      addedMw: entry.added.megawatts,
      limitsInForce: entry.limitsInForce.isEmpty ? nil : entry.limitsInForce.joined(separator: "; "),
      cappedBy: entry.cappedBy)
  }
}

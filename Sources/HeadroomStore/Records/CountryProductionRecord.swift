import GRDB

/// A row of `country_production`: accelerators of one kind made in a country in a year (units).
public struct CountryProductionRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "country_production"

  public var countryId: String
  public var acceleratorId: String
  public var year: Int
  public var units: Double

  enum CodingKeys: String, CodingKey {
    case countryId = "country_id"
    case acceleratorId = "accelerator_id"
    case year, units
  }

  /// The table's columns.
  public enum Columns {
    public static let countryId = Column(CodingKeys.countryId)
    public static let acceleratorId = Column(CodingKeys.acceleratorId)
    public static let year = Column(CodingKeys.year)
  }
}

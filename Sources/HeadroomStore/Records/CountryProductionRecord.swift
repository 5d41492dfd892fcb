import GRDB

/// A row of `country_production`: accelerators of one kind placed in a country in a year by the data
/// (`Hardware/production/`: a captive fleet's deployment share, or a part designed in that country).
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

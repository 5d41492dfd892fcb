import GRDB
import HeadroomModel

/// A row of `country_limits`: a moratorium, cap, connection wait or condition, with its dates.
///
/// `blocked_share` is the share of data-centre additions it blocks (0…1); `cap_mw` a ceiling on total
/// data-centre load while in force.
public struct CountryLimitRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "country_limits"

  public var countryId: String
  /// Order in the country's file, from 0.
  public var position: Int
  public var name: String
  public var kind: String
  public var region: String?
  public var fromDate: String
  public var untilDate: String?
  public var blockedShare: Double?
  public var capMw: Double?
  public var note: String?

  enum CodingKeys: String, CodingKey {
    case countryId = "country_id"
    case position, name, kind, region
    case fromDate = "from_date"
    case untilDate = "until_date"
    case blockedShare = "blocked_share"
    case capMw = "cap_mw"
    case note
  }

  /// The table's columns.
  public enum Columns {
    public static let countryId = Column(CodingKeys.countryId)
    public static let kind = Column(CodingKeys.kind)
  }
}

extension CountryLimitRecord {
  /// The row for one limit of a country.
  public init(country: String, position: Int, _ limit: Country.Limit) {
    self.init(
      countryId: country, position: position, name: limit.name, kind: limit.kind.rawValue,
      region: limit.region, fromDate: limit.from.description, untilDate: limit.until?.description,
      blockedShare: limit.blockedShare, capMw: limit.cap?.megawatts, note: limit.note)
  }
}

import GRDB
import HeadroomModel

/// A row of `sites`: a data-centre site, its efficiency and electrical redundancy.
///
/// `redundancy` is `N`, `N+1 (k+1)` or `2N`; `redundancy_factor` the installed capacity per unit of
/// usable capacity (1, (k+1)/k, 2); `derating` the share of nameplate supply usable continuously.
public struct SiteRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "sites"

  public var id: String
  public var name: String
  public var countryId: String
  public var pue: Double
  public var redundancy: String
  public var redundancyFactor: Double
  public var derating: Double
  public var file: String?

  enum CodingKeys: String, CodingKey {
    case id, name
    case countryId = "country_id"
    case pue, redundancy
    case redundancyFactor = "redundancy_factor"
    case derating, file
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let countryId = Column(CodingKeys.countryId)
  }
}

extension SiteRecord {
  /// The row for a catalog site.
  public init(_ site: Site, file: String?) {
    self.init(
      id: site.id, name: site.name, countryId: site.country, pue: site.pue,
      redundancy: site.redundancy.description, redundancyFactor: site.redundancy.factor,
      derating: site.derating, file: file)
  }
}

import GRDB
import HeadroomModel

/// A row of `halls`: a data hall of a site, its racks, rack power (kW), cooling and floor space (m²).
public struct HallRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "halls"

  public var siteId: String
  public var id: String
  public var racks: Int
  public var rackPowerKw: Double
  public var cooling: String
  public var floorAreaM2: Double?
  public var areaPerRackM2: Double?

  enum CodingKeys: String, CodingKey {
    case siteId = "site_id"
    case id, racks
    case rackPowerKw = "rack_power_kw"
    case cooling
    case floorAreaM2 = "floor_area_m2"
    case areaPerRackM2 = "area_per_rack_m2"
  }

  /// The table's columns.
  public enum Columns {
    public static let siteId = Column(CodingKeys.siteId)
    public static let id = Column(CodingKeys.id)
    public static let racks = Column(CodingKeys.racks)
    public static let rackPowerKw = Column(CodingKeys.rackPowerKw)
  }
}

extension HallRecord {
  /// The row for a hall of a site.
  public init(site: String, _ hall: Site.Hall) {
    self.init(
      siteId: site, id: hall.id, racks: hall.racks, rackPowerKw: hall.rackPower.in("kW"),
      cooling: hall.cooling.rawValue, floorAreaM2: hall.floorArea?.squareMetres,
      areaPerRackM2: hall.areaPerRack?.squareMetres)
  }
}

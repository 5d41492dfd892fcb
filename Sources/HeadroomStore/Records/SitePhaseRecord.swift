import GRDB
import HeadroomModel

/// A row of `site_phases`: a site's power in a year its file states (phased energisation), in MW.
///
/// `interconnect_mw` and `onsite_generation_mw` are the values in force that year (a year keeps the
/// latest stated value); `supply_mw` is their sum; `it_power_mw` = supply × derating / redundancy / PUE.
public struct SitePhaseRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "site_phases"

  public var siteId: String
  public var year: Int
  public var interconnectMw: Double?
  public var onsiteGenerationMw: Double?
  public var supplyMw: Double?
  public var itPowerMw: Double?

  enum CodingKeys: String, CodingKey {
    case siteId = "site_id"
    case year
    case interconnectMw = "interconnect_mw"
    case onsiteGenerationMw = "onsite_generation_mw"
    case supplyMw = "supply_mw"
    case itPowerMw = "it_power_mw"
  }

  /// The table's columns.
  public enum Columns {
    public static let siteId = Column(CodingKeys.siteId)
    public static let year = Column(CodingKeys.year)
  }

  /// One row per year the interconnect or on-site series states, in order.
  public static func phases(of site: Site) -> [SitePhaseRecord] {
    func value(_ series: [Int: Power], in year: Int) -> Power? {
      series.keys.filter { $0 <= year }.max().flatMap { series[$0] }
    }
    let years = Set(site.interconnect.keys).union(site.onsiteGeneration.keys).sorted()
    return years.map { year in
      SitePhaseRecord(
        siteId: site.id, year: year, interconnectMw: value(site.interconnect, in: year)?.megawatts,
        onsiteGenerationMw: value(site.onsiteGeneration, in: year)?.megawatts,
        supplyMw: site.supply(in: year)?.megawatts, itPowerMw: site.itPower(in: year)?.megawatts)
    }
  }
}

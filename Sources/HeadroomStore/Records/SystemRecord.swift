import GRDB
import HeadroomModel

/// A row of `systems`: a server or rack-scale system, its power at the wall in watts.
///
/// `rack_units` is set for a server inside a rack, `racks` for a system that fills whole racks.
public struct SystemRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "systems"

  public var id: String
  public var name: String
  public var vendor: String
  public var acceleratorId: String
  public var acceleratorCount: Int
  public var powerW: Double
  public var typicalPowerW: Double?
  public var rackUnits: Int?
  public var racks: Int?
  public var cooling: String
  public var priceUsd: Double?
  public var priceYear: Int?
  public var priceKind: String?
  public var file: String?

  enum CodingKeys: String, CodingKey {
    case id, name, vendor
    case acceleratorId = "accelerator_id"
    case acceleratorCount = "accelerator_count"
    case powerW = "power_w"
    case typicalPowerW = "typical_power_w"
    case rackUnits = "rack_units"
    case racks
    case cooling
    case priceUsd = "price_usd"
    case priceYear = "price_year"
    case priceKind = "price_kind"
    case file
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let acceleratorId = Column(CodingKeys.acceleratorId)
    public static let acceleratorCount = Column(CodingKeys.acceleratorCount)
    public static let powerW = Column(CodingKeys.powerW)
    public static let cooling = Column(CodingKeys.cooling)
  }
}

extension SystemRecord {
  /// The row for a catalog system.
  public init(_ system: AcceleratorSystem, file: String?) {
    var rackUnits: Int?
    var racks: Int?
    switch system.footprint {
    case .rackUnits(let units): rackUnits = units
    case .wholeRacks(let count): racks = count
    }
    self.init(
      id: system.id, name: system.name, vendor: system.vendor, acceleratorId: system.accelerator,
      acceleratorCount: system.acceleratorCount, powerW: system.power.watts,
      typicalPowerW: system.typicalPower?.watts, rackUnits: rackUnits, racks: racks,
      cooling: system.cooling.rawValue, priceUsd: system.price?.amount.dollars,
      priceYear: system.price?.year, priceKind: system.price?.kind.rawValue, file: file)
  }
}

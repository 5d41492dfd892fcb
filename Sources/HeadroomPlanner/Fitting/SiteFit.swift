import HeadroomModel

/// How many systems of one kind fit a site in a year, which limit binds, and the headroom on the others.
public struct SiteFit: Sendable, Hashable {
  /// A limit on how many systems fit.
  public enum Limit: String, Sendable, Hashable, CaseIterable {
    /// Racks × systems per rack, where the rack's power allowance sets systems per rack.
    case rackPower = "rack power"
    /// Racks × systems per rack, where rack units set systems per rack (or one rack-scale system needs several racks).
    case rackCount = "rack count"
    /// Floor area / area per rack gives fewer rack positions than the hall lists.
    case floorSpace = "floor space"
    /// Site IT power (supply × derating / redundancy / PUE) / system power.
    case sitePower = "site power"
    /// No hall can cool the system.
    case cooling = "cooling type"
  }

  /// The fit in one hall.
  public struct HallFit: Sendable, Hashable {
    public var hall: String
    /// Why the system cannot go in this hall at all (cooling or rack power), nil when it can.
    public var excluded: String?
    /// Rack positions usable: the hall's racks, or fewer when floor space is short.
    public var usableRacks: Int
    /// Systems per rack: servers sharing a rack, 1 for a one-rack system, 0 for a multi-rack system.
    public var systemsPerRack: Int
    /// Racks one system takes (1 for servers that share racks).
    public var racksPerSystem: Int
    /// Systems this hall takes before the site-wide power limit.
    public var systems: Int
    /// What limits the hall: rack power, rack count or floor space.
    public var binding: Limit?
  }

  public var site: String
  public var system: String
  /// The system's power at the wall (IT).
  public var systemPower: Power
  public var year: Int
  /// Systems that fit.
  public var systems: Int
  /// Accelerators in those systems.
  public var accelerators: Int
  /// The limit that binds (the smallest).
  public var binding: Limit
  /// Systems each limit would allow on its own (nil when a limit does not apply).
  public var capacityByLimit: [Limit: Int]
  /// IT power the site can deliver in the year.
  public var itPower: Power
  /// IT power the fitted systems draw at their maximum.
  public var itPowerUsed: Power
  /// Facility power at the meter for the fitted systems (IT × PUE).
  public var facilityPowerUsed: Power
  /// Rack positions used and available over compatible halls.
  public var racksUsed: Int
  public var racksAvailable: Int
  public var halls: [HallFit]

  /// Systems more that each non-binding limit would allow (its capacity minus the fit).
  public var headroom: [Limit: Int] {
    capacityByLimit.filter { $0.key != binding }.mapValues { max(0, $0 - systems) }
  }
}

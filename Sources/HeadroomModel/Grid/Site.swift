/// A data-centre site: its grid connection by year, efficiency, redundancy and halls.
public struct Site: Sendable, Hashable, Identifiable {
  /// Electrical redundancy of the IT supply.
  public enum Redundancy: Sendable, Hashable, CustomStringConvertible {
    case n
    /// N active modules plus one spare.
    case nPlusOne(modules: Int)
    case twoN

    /// Installed capacity per unit of usable capacity: 1 for N, (n+1)/n for N+1, 2 for 2N.
    public var factor: Double {
      switch self {
      case .n: 1
      case .nPlusOne(let modules): Double(modules + 1) / Double(modules)
      case .twoN: 2
      }
    }

    public var description: String {
      switch self {
      case .n: "N"
      case .nPlusOne(let modules): "N+1 (\(modules)+1)"
      case .twoN: "2N"
      }
    }
  }

  /// A data hall: racks, rack power, cooling and floor space.
  public struct Hall: Sendable, Hashable, Identifiable {
    public var id: String
    public var racks: Int
    /// Power one rack can be fed and cooled at.
    public var rackPower: Power
    public var cooling: AcceleratorSystem.Cooling
    /// White-space floor area.
    public var floorArea: Area?
    /// Floor area one rack takes with its share of aisles and clearances.
    public var areaPerRack: Area?

    public init(
      id: String, racks: Int, rackPower: Power, cooling: AcceleratorSystem.Cooling,
      floorArea: Area? = nil, areaPerRack: Area? = nil
    ) {
      self.id = id
      self.racks = racks
      self.rackPower = rackPower
      self.cooling = cooling
      self.floorArea = floorArea
      self.areaPerRack = areaPerRack
    }
  }

  public var id: String
  public var name: String
  /// ISO code of the country the site is in.
  public var country: String
  /// Grid interconnect power by year; a year after the last keeps the last value.
  public var interconnect: [Int: Power]
  /// Firm on-site generation by year (same rule as ``interconnect``).
  public var onsiteGeneration: [Int: Power]
  public var pue: Double
  public var redundancy: Redundancy
  /// Share of nameplate supply usable continuously, 0…1.
  public var derating: Double
  public var halls: [Hall]
  /// The grid region of the country the site connects in (`US-ERCOT`), nil for the country as a whole.
  public var region: String?
  /// When the site asked for its grid connection: its phases energise no earlier than this plus the
  /// region's (else the country's) time to energise. Nil: the interconnect years are taken as given.
  public var gridRequested: Day?
  /// When the long-lead electrical equipment (transformers, switchgear) was ordered: no phase energises
  /// before it arrives. Nil: not a constraint.
  public var equipmentOrdered: Day?
  /// What a site plan may build behind the meter, nil for nothing.
  public var behindTheMeter: BehindTheMeter?
  public var provenance: Provenance

  public init(
    id: String, name: String, country: String, interconnect: [Int: Power],
    onsiteGeneration: [Int: Power] = [:], pue: Double, redundancy: Redundancy, derating: Double,
    halls: [Hall], region: String? = nil, gridRequested: Day? = nil, equipmentOrdered: Day? = nil,
    behindTheMeter: BehindTheMeter? = nil, provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.country = country
    self.interconnect = interconnect
    self.onsiteGeneration = onsiteGeneration
    self.pue = pue
    self.redundancy = redundancy
    self.derating = derating
    self.halls = halls
    self.region = region
    self.gridRequested = gridRequested
    self.equipmentOrdered = equipmentOrdered
    self.behindTheMeter = behindTheMeter
    self.provenance = provenance
  }

  /// The years with a stated interconnect figure, in order.
  public var phaseYears: [Int] { interconnect.keys.sorted() }

  /// The racks of all its halls.
  public var racks: Int { halls.map(\.racks).reduce(0, +) }

  /// The value of a by-year series in a year: the latest stated year at or before it, nil before the first.
  static func value(of series: [Int: Power], in year: Int) -> Power? {
    series.keys.filter { $0 <= year }.max().flatMap { series[$0] }
  }

  /// Grid plus on-site supply in a year; nil before the first phase.
  public func supply(in year: Int) -> Power? {
    guard let grid = Self.value(of: interconnect, in: year) else { return nil }
    return grid + (Self.value(of: onsiteGeneration, in: year) ?? .zero)
  }

  /// IT power the site can deliver continuously in a year: supply × derating / redundancy / PUE.
  public func itPower(in year: Int) -> Power? {
    supply(in: year).map { $0 * derating / redundancy.factor / pue }
  }
}

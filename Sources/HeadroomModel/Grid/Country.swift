/// A country (or aggregate region) as a source of data-centre power and a destination for chips.
public struct Country: Sendable, Hashable, Identifiable {
  /// A power figure for a given year.
  public struct YearPower: Sendable, Hashable {
    public var year: Int
    public var power: Power
    public init(year: Int, power: Power) {
      self.year = year
      self.power = power
    }
  }

  /// A cap, moratorium, connection wait or condition on data-centre connections, with dates.
  public struct Limit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
      case moratorium, cap, wait, condition
    }
    public var name: String
    public var kind: Kind
    public var region: String?
    public var from: Day
    public var until: Day?
    /// Share of the country's data-centre additions blocked while in force, 0…1.
    public var blockedShare: Double?
    /// Ceiling on total data-centre load while in force.
    public var cap: Power?
    /// Extra wait for connections requested while in force (a queue rule such as a batch study), whole years
    /// when applied to a supply series.
    public var delay: TimeSpan?
    public var note: String?

    public init(
      name: String, kind: Kind, region: String? = nil, from: Day, until: Day? = nil,
      blockedShare: Double? = nil, cap: Power? = nil, delay: TimeSpan? = nil, note: String? = nil
    ) {
      self.name = name
      self.kind = kind
      self.region = region
      self.from = from
      self.until = until
      self.blockedShare = blockedShare
      self.cap = cap
      self.delay = delay
      self.note = note
    }

    /// Whether the limit is in force on a day: from its start, until (not including) its end.
    public func isInForce(on day: Day) -> Bool {
      from <= day && (until.map { day < $0 } ?? true)
    }

    /// Whether the limit applies at any time during a calendar year.
    public func applies(in year: Int) -> Bool {
      from.year <= year && (until.map { $0 > Day(year: year) } ?? true)
    }
  }

  /// The installed AI accelerator base in a year, in H100-equivalents.
  public struct InstalledBase: Sendable, Hashable {
    public var year: Int
    public var h100Equivalents: Double
    public init(year: Int, h100Equivalents: Double) {
      self.year = year
      self.h100Equivalents = h100Equivalents
    }
  }

  /// ISO 3166-1 alpha-2 code, or `EU27` for the aggregate.
  public var id: String
  public var name: String
  /// For aggregates: the member codes.
  public var members: [String]
  /// EAR country groups (`D:1`, `D:4`, `D:5`, `A:5`, `A:6`).
  public var exportGroups: [String]
  /// Jan 2025 AI Diffusion tier.
  public var diffusionTier: Int?
  /// Average data-centre load in a base year.
  public var dcLoad: YearPower
  public var generationCapacity: YearPower?
  /// Generation capacity added per year (nameplate): the figure for years without their own in
  /// ``additionsByYear`` (its first stated value when the file gives a series).
  public var additions: Power
  /// Generation capacity added per year by year, from sourced projections; empty when the file gives one figure.
  /// A year after the last stated keeps its value, a year before the first takes the first.
  public var additionsByYear: [Int: Power]
  /// The large-load interconnection process: queue and typical time to energise.
  public var interconnection: Interconnection?
  /// Sub-national grid areas a site can name (`US-ERCOT`), each with its own data-centre supply.
  public var regions: [Region]
  /// Inter-regional transmission capacity by year (China's west-to-east corridors), for reporting build rates.
  public var transmissionCapacity: [Int: Power]
  /// Share of the additions data centres can get, 0…1 (an assumption).
  public var dcShareOfAdditions: Double
  /// Published projections of data-centre load, for checking.
  public var projections: [YearPower]
  public var limits: [Limit]
  public var electricityPrice: EnergyPrice?
  public var carbonIntensity: CarbonIntensity?
  /// Typical PUE of new AI capacity.
  public var pue: Double
  /// Installed AI accelerator base, with its year.
  public var installedBase: InstalledBase?
  public var provenance: Provenance

  public init(
    id: String, name: String, members: [String] = [], exportGroups: [String],
    diffusionTier: Int?, dcLoad: YearPower, generationCapacity: YearPower? = nil,
    additions: Power, dcShareOfAdditions: Double, projections: [YearPower] = [],
    limits: [Limit] = [], additionsByYear: [Int: Power] = [:], interconnection: Interconnection? = nil,
    regions: [Region] = [], transmissionCapacity: [Int: Power] = [:], electricityPrice: EnergyPrice? = nil,
    carbonIntensity: CarbonIntensity? = nil, pue: Double,
    installedBase: InstalledBase? = nil, provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.members = members
    self.exportGroups = exportGroups
    self.diffusionTier = diffusionTier
    self.dcLoad = dcLoad
    self.generationCapacity = generationCapacity
    self.additions = additions
    self.dcShareOfAdditions = dcShareOfAdditions
    self.projections = projections
    self.limits = limits
    self.additionsByYear = additionsByYear
    self.interconnection = interconnection
    self.regions = regions
    self.transmissionCapacity = transmissionCapacity
    self.electricityPrice = electricityPrice
    self.carbonIntensity = carbonIntensity
    self.pue = pue
    self.installedBase = installedBase
    self.provenance = provenance
  }

  /// Generation capacity added in a year: the by-year series where given (latest stated year at or before,
  /// the first stated before it), else ``additions``.
  public func additions(in year: Int) -> Power {
    Self.value(of: additionsByYear, in: year) ?? additions
  }

  /// A region by id (case-insensitive), nil when the country has none of that name.
  public func region(_ id: String) -> Region? {
    regions.first { $0.id.uppercased() == id.uppercased() }
  }

  /// The value of a by-year series in a year: the latest stated year at or before it, the first stated value
  /// before the first year, nil for an empty series.
  static func value(of series: [Int: Power], in year: Int) -> Power? {
    guard let first = series.keys.min() else { return nil }
    let key = series.keys.filter { $0 <= year }.max() ?? first
    return series[key]
  }

  /// The country as export rules see it.
  public var destination: Destination {
    Destination(iso: id, groups: exportGroups, diffusionTier: diffusionTier)
  }
}

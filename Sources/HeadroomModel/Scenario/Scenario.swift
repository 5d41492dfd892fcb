/// A walls scenario: the horizon, the export rules, demand, chip supply and the assumptions that turn
/// countries' grids and fleets into a multi-year model.
///
/// Read from `Scenarios/<id>.yaml` (a what-if file may `extend` another and override parts of it;
/// `--set path=value` overrides any field; `sweep --vary` changes numeric fields through
/// ``Scenario/parameter(_:)``). Every figure cites a source or is marked as an assumption.
public struct Scenario: Sendable, Hashable, Codable {
  /// Which export rules apply each year.
  public enum Rules: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The enforced rule set in force on 1 July of each year (``Scenario/ruleDay(in:)``).
    case inForce
    /// One rule set for every year (e.g. the rescinded AI Diffusion rule, as a counterfactual).
    case fixed(String)

    public var description: String {
      switch self {
      case .inForce: "in-force"
      case .fixed(let id): id
      }
    }
  }

  /// How a shortage is shared between training and inference in a year.
  public enum SplitPolicy: String, Sendable, Hashable, Codable, CaseIterable {
    /// Maximise the smaller of the two served shares, then the total served (the default).
    case maxMin = "max-min"
    /// Serve both workloads at the same share.
    case proportional
    /// Serve training first, then inference with what is left.
    case trainingFirst = "training-first"
    /// Serve inference first, then training with what is left.
    case inferenceFirst = "inference-first"
  }

  /// A scenario's word on one kind's production: units that replace the catalog's outlook in the
  /// years listed, and who gets them.
  public struct Production: Sendable, Hashable, Codable {
    public var accelerator: String
    /// Year → units, replacing the catalog's production outlook (`Hardware/production/`) in those years.
    public var unitsByYear: [Int: Double]
    /// Country → share of these units, when only the listed countries receive them; nil means the
    /// outlook's deployment (captive parts), the designer's country (parts designed outside the US) or
    /// the scenario's global ``Scenario/allocation``.
    public var allocation: [String: Double]?

    public init(accelerator: String, unitsByYear: [Int: Double], allocation: [String: Double]? = nil) {
      self.accelerator = accelerator
      self.unitsByYear = unitsByYear
      self.allocation = allocation
    }

    /// A country's share of these units.
    public func share(of country: String, global: [String: Double]) -> Double {
      allocation.map { $0[country] ?? 0 } ?? global[country] ?? 0
    }
  }

  /// The per-country part of a scenario.
  public struct CountrySettings: Sendable, Hashable, Codable {
    public var country: String
    /// The stock in service at the end of the base year: kind → year installed → units.
    public var installed: [String: [Int: Double]]
    /// Units that arrive outside licences (smuggled or transshipped): kind → year → units. Those
    /// arriving in or before the base year are part of the stock; later ones add to that year's supply.
    public var unlicensed: [String: [Int: Double]]
    /// Share of licensed supply that ships, 0…1; nil for the scenario's ``Scenario/licenceUptake``.
    public var licenceUptake: Double?
    /// Multiplies the country's yearly data-centre power growth (a what-if on the grid).
    public var powerScale: Double
    /// Multiplies the supply of parts designed in the country (domestic production).
    public var domesticScale: Double
    /// Accelerator id → policy that replaces the rules' decision for this country from ``policyFrom``.
    public var policy: [String: ExportPolicy.Decision]
    public var policyFrom: Int?

    public init(
      country: String, installed: [String: [Int: Double]], unlicensed: [String: [Int: Double]] = [:],
      licenceUptake: Double? = nil, powerScale: Double = 1, domesticScale: Double = 1,
      policy: [String: ExportPolicy.Decision] = [:], policyFrom: Int? = nil
    ) {
      self.country = country
      self.installed = installed
      self.unlicensed = unlicensed
      self.licenceUptake = licenceUptake
      self.powerScale = powerScale
      self.domesticScale = domesticScale
      self.policy = policy
      self.policyFrom = policyFrom
    }

    /// Units of a kind in the base-year stock (installed, and unlicensed arrivals up to `baseYear`)
    /// still in service in each of `years`: a vintage v serves from v through v + lifetime − 1 (summed
    /// over vintages in order).
    public func surviving(_ kind: String, in years: [Int], lifetime: Int, baseYear: Int) -> [Double] {
      let installed = self.installed[kind]
      let arrived = unlicensed[kind]
      guard installed != nil || arrived != nil else { return Array(repeating: 0, count: years.count) }
      let stock = (installed ?? [:]).merging((arrived ?? [:]).filter { $0.key <= baseYear }) { $0 + $1 }
        .sorted { $0.key < $1.key }
      return years.map { year in
        stock.reduce(0) { sum, entry in entry.key <= year && year < entry.key + lifetime ? sum + entry.value : sum }
      }
    }
  }

  public var id: String
  public var name: String
  public var firstYear: Int
  public var lastYear: Int
  public var rules: Rules
  /// Years an accelerator stays in service after the year it is installed.
  public var lifetime: Int
  /// Share of demand a gap must exceed for a year to count as a wall (default 0.1).
  public var wallThreshold: Double
  /// How a shortage is split between training and inference.
  public var split: SplitPolicy
  /// The model whose tokens/s measure inference equivalence between accelerators.
  public var referenceModel: String
  /// Demand, per country and year.
  public var demand: DemandCase
  /// Share of each year's data-centre power growth that AI accelerators can use, 0…1.
  public var aiShareOfGrowth: Double
  /// Average data-centre load over connected capacity, 0…1: turns the grids' average-load growth into
  /// capacity that accelerators (counted at full draw) can connect to.
  public var dcLoadFactor: Double
  public var production: [Production]
  /// Supply limit id → factor on its capacity (`Hardware/supply/`; 1 when absent).
  public var supplyScales: [String: Double]
  /// Discount rate for the cost phase (present value of capex and energy), per year.
  public var discountRate: Double
  /// Share of licensed supply that ships, for countries without their own.
  public var licenceUptake: Double
  /// Country → share of production without its own allocation.
  public var allocation: [String: Double]
  public var countries: [CountrySettings]
  /// Behind-the-meter generation the walls may build.
  public var behindTheMeter: BehindTheMeter
  public var provenance: Provenance

  public init(
    id: String, name: String, firstYear: Int, lastYear: Int, rules: Rules, lifetime: Int,
    wallThreshold: Double = 0.1, split: SplitPolicy = .maxMin, referenceModel: String, demand: DemandCase,
    aiShareOfGrowth: Double, dcLoadFactor: Double = 1, production: [Production] = [],
    supplyScales: [String: Double] = [:],
    discountRate: Double = 0.07, licenceUptake: Double = 1, allocation: [String: Double],
    countries: [CountrySettings], behindTheMeter: BehindTheMeter = .init(), provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.rules = rules
    self.lifetime = lifetime
    self.wallThreshold = wallThreshold
    self.split = split
    self.referenceModel = referenceModel
    self.demand = demand
    self.aiShareOfGrowth = aiShareOfGrowth
    self.dcLoadFactor = dcLoadFactor
    self.production = production
    self.supplyScales = supplyScales
    self.discountRate = discountRate
    self.licenceUptake = licenceUptake
    self.allocation = allocation
    self.countries = countries
    self.behindTheMeter = behindTheMeter
    self.provenance = provenance
  }

  /// The years of the horizon.
  public var years: ClosedRange<Int> { firstYear...lastYear }

  /// The day whose rules apply to a year's purchases under ``Rules/inForce``: 1 July, mid-year.
  public static func ruleDay(in year: Int) -> Day { Day(year: year, month: 7, day: 1) }

  /// A country's settings, when the scenario models it.
  public func settings(for country: String) -> CountrySettings? { countries.first { $0.country == country } }

  /// The first production share list whose shares sum above 1 over countries that are not aggregates
  /// (aggregates such as EU27 overlap their members), with its sum; nil when every list is valid.
  public func overAllocated(aggregates: Set<String>) -> (list: String, total: Double)? {
    let lists =
      [("allocation", allocation)]
      + production.compactMap { p in p.allocation.map { ("production.\(p.accelerator).allocation", $0) } }
    for (name, shares) in lists {
      let total = shares.filter { !aggregates.contains($0.key) }.values.reduce(0, +)
      if total > 1 + 1e-9 { return (name, total) }
    }
    return nil
  }

  /// A country's licence uptake (its own, else the scenario's).
  public func licenceUptake(for country: CountrySettings) -> Double { country.licenceUptake ?? licenceUptake }
}

/// A walls scenario: the horizon, the export rules, demand, chip supply and the assumptions that turn
/// countries' grids and fleets into a multi-year model.
///
/// Read from `Scenarios/<id>.yaml` (a what-if file may `extend` another and override parts of it;
/// `--set path=value` overrides any field). Every figure cites a source or is marked as an assumption.
public struct Scenario: Sendable, Hashable {
  /// Which export rules apply each year.
  public enum Rules: Sendable, Hashable, CustomStringConvertible {
    /// The enforced rule set in force on 1 July of each year.
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

  /// Units of one kind produced each year for sale to countries, and who gets them.
  public struct Production: Sendable, Hashable {
    public var accelerator: String
    public var unitsByYear: [Int: Double]
    /// Country → share of these units; nil means the scenario's global ``Scenario/allocation``.
    public var allocation: [String: Double]?

    public init(accelerator: String, unitsByYear: [Int: Double], allocation: [String: Double]? = nil) {
      self.accelerator = accelerator
      self.unitsByYear = unitsByYear
      self.allocation = allocation
    }
  }

  /// The per-country part of a scenario.
  public struct CountrySettings: Sendable, Hashable {
    public var country: String
    /// Accelerators in service at the start of the horizon, by kind (units).
    public var installed: [String: Double]
    /// Demand multiplies by this each year (e.g. 2.3).
    public var demandGrowth: Double
    /// Share of base-year demand that is training (the rest is inference), 0…1.
    public var trainingShare: Double
    /// Share of licensed supply that actually ships, 0…1.
    public var licenceUptake: Double
    /// Multiplies the country's yearly data-centre power growth (a what-if on the grid).
    public var powerScale: Double
    /// Multiplies the country's domestic accelerator production.
    public var domesticScale: Double
    /// Accelerator id → policy that replaces the rules' decision for this country from ``policyFrom``.
    public var policy: [String: ExportPolicy.Decision]
    public var policyFrom: Int?

    public init(
      country: String, installed: [String: Double], demandGrowth: Double, trainingShare: Double,
      licenceUptake: Double, powerScale: Double = 1, domesticScale: Double = 1,
      policy: [String: ExportPolicy.Decision] = [:], policyFrom: Int? = nil
    ) {
      self.country = country
      self.installed = installed
      self.demandGrowth = demandGrowth
      self.trainingShare = trainingShare
      self.licenceUptake = licenceUptake
      self.powerScale = powerScale
      self.domesticScale = domesticScale
      self.policy = policy
      self.policyFrom = policyFrom
    }
  }

  public var id: String
  public var name: String
  public var firstYear: Int
  public var lastYear: Int
  public var rules: Rules
  /// Years an accelerator stays in service after purchase.
  public var lifetime: Int
  /// Share of each year's data-centre power growth that AI accelerators can use, 0…1.
  public var aiShareOfGrowth: Double
  /// Average data-centre load over connected capacity, 0…1: turns the grids' average-load growth into
  /// capacity that accelerators (counted at full draw) can connect to.
  public var dcLoadFactor: Double
  /// The reference model inference demand is measured in (tokens/s of it).
  public var referenceModel: String
  public var production: [Production]
  /// Discount rate for the cost phase (present value of capex and energy), per year.
  public var discountRate: Double
  /// Production after its last stated year multiplies by this each year (also domestic production).
  public var productionGrowth: Double
  /// Country → share of production without its own allocation.
  public var allocation: [String: Double]
  public var countries: [CountrySettings]
  public var provenance: Provenance

  public init(
    id: String, name: String, firstYear: Int, lastYear: Int, rules: Rules, lifetime: Int,
    aiShareOfGrowth: Double, dcLoadFactor: Double = 1, referenceModel: String, production: [Production],
    productionGrowth: Double = 1, discountRate: Double = 0.07, allocation: [String: Double],
    countries: [CountrySettings], provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.rules = rules
    self.lifetime = lifetime
    self.aiShareOfGrowth = aiShareOfGrowth
    self.dcLoadFactor = dcLoadFactor
    self.referenceModel = referenceModel
    self.production = production
    self.productionGrowth = productionGrowth
    self.discountRate = discountRate
    self.allocation = allocation
    self.countries = countries
    self.provenance = provenance
  }

  /// Units in a year of a by-year series: the stated value, or the last stated value grown by
  /// ``productionGrowth`` per year after it; zero before the first stated year.
  public func units(_ series: [Int: Double], in year: Int) -> Double {
    if let value = series[year] { return value }
    guard let last = series.keys.filter({ $0 < year }).max(), let value = series[last] else { return 0 }
    var result = value
    for _ in last..<year { result *= productionGrowth }
    return result
  }

  /// The years of the horizon.
  public var years: ClosedRange<Int> { firstYear...lastYear }
}

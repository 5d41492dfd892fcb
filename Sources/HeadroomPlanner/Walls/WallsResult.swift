import HeadroomModel

/// What the walls model found: per country, its power wall, chip wall and binding wall, and year by
/// year the demand, what was served, the gaps, power and chips used and available, and shadow prices.
///
/// Quantities are typed: demand, supply and gaps in ``H100Equivalents``, power in ``Power`` (at the
/// meter), money in ``Money``; shares are fractions 0…1. Shadow prices have one unit per kind: H100e
/// served per MW for power, H100e served per 1,000 units of the named accelerator for chips.
public struct WallsResult: Sendable, Hashable, Codable {
  /// Which limit binds in the joint model, read from the duals of its power and fleet rows.
  public enum Binding: String, Sendable, Hashable, Codable, CaseIterable {
    case power, chip, both, none
  }

  /// One year of one country.
  public struct Year: Sendable, Hashable, Codable {
    public var year: Int
    /// Demand per workload.
    public var trainingDemand: H100Equivalents
    public var inferenceDemand: H100Equivalents
    /// Share of each workload's demand served in the joint model, 0…1.
    public var trainingServedShare: Double
    public var inferenceServedShare: Double
    /// Power the demand would draw at the meter if served by the year's most power-efficient
    /// obtainable accelerators (a floor: older fleets draw more).
    public var demandPower: Power
    public var powerAvailable: Power
    public var powerUsed: Power
    /// What the country could own that year (surviving stock plus everything obtainable in service), nominal H100e.
    public var chipsObtainable: H100Equivalents
    /// What it owns in the joint model (stock plus purchases in service), nominal H100e.
    public var fleet: H100Equivalents
    /// What runs, nominal H100e.
    public var running: H100Equivalents
    /// Accelerators bought that year, units.
    public var acceleratorsBought: Double
    /// Units running per kind, per workload (training, inference), in the joint model.
    public var runningUnits: [String: [Double]]
    /// Unmet demand in the joint model.
    public var gap: H100Equivalents
    /// The power that would close the gap left with chips unlimited (the power side of the gap).
    public var powerGap: Power
    /// The demand left unmet with power unlimited (the chip side of the gap).
    public var chipGap: H100Equivalents
    /// Which limit binds this year in the joint model.
    public var binding: Binding
    /// H100e more served per MW more power.
    public var powerShadowPrice: Double
    /// H100e more served per 1,000 more units of ``chipShadowKind``.
    public var chipShadowPrice: Double
    /// The best obtainable kind that year (most H100e per unit), the one the chip shadow price is quoted for.
    public var chipShadowKind: String?
    /// Firm behind-the-meter power in service (nameplate × availability); zero when none is built.
    public var onSitePower: Power = .zero
    /// Behind-the-meter nameplate in service, by generation option id.
    public var onSiteBuilt: [String: Power] = [:]
    /// CO2 from the behind-the-meter generation running at its firm output all year.
    public var onSiteEmissions: Mass = .zero

    /// Total demand.
    public var demand: H100Equivalents { trainingDemand + inferenceDemand }
    /// Share of total demand served, 0…1.
    public var servedShare: Double { Self.servedShare(gap: gap, demand: demand) }
    /// The share of `demand` served when `gap` of it is unmet, 0…1 (1 without demand).
    static func servedShare(gap: H100Equivalents, demand: H100Equivalents) -> Double {
      demand.value > 0 ? 1 - gap / demand : 1
    }
    /// Share of total demand unmet, 0…1.
    public var gapShare: Double { 1 - servedShare }
  }

  /// One country.
  public struct Country: Sendable, Hashable, Codable {
    public var country: String
    /// First year whose gap with chips unlimited exceeds the threshold; nil within the horizon.
    public var powerWallYear: Int?
    /// First year whose gap with power unlimited exceeds the threshold; nil within the horizon.
    public var chipWallYear: Int?
    /// First year whose gap in the joint model exceeds the threshold.
    public var firstShortYear: Int?
    /// The binding limit in ``firstShortYear`` (none without one).
    public var bindingWall: Binding
    /// Cost-phase objective: present value of capex plus energy over the horizon.
    public var cost: Money
    public var years: [Year]
    /// Units bought over the horizon by kind (non-zero only).
    public var purchases: [String: Double]
    /// Capital cost of the behind-the-meter generation built over the horizon (not discounted).
    public var onSiteCapex: Money = .zero
  }

  public var scenario: String
  public var scenarioName: String
  public var demandCase: String
  /// Share of demand a gap must exceed for a year to count as a wall.
  public var wallThreshold: Double
  public var split: Scenario.SplitPolicy
  public var firstYear: Int
  public var lastYear: Int
  public var countries: [Country]
  /// Sum of the countries' cost-phase optima: the optimum of the whole cost-phase LP.
  public var objective: Money
  public var discountRate: Double
  public var solver: SolverIdentity
  /// Notes on inputs: excluded kinds, imputed prices, clipped production.
  public var notes: [String]
}

/// The solver that produced a result: its name and library version.
public struct SolverIdentity: Sendable, Hashable, Codable {
  public var name: String
  public var version: String

  public init(name: String, version: String) {
    self.name = name
    self.version = version
  }
}

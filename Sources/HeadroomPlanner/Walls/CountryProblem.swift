import HeadroomModel

/// One country's walls problem once supply is allocated: what it may buy each year, what it already
/// owns, what it must serve and the power it has, in the model's scaled units.
///
/// Units: accelerators in thousands, power in MW, training in PFLOP/s, inference in millions of
/// tokens/s, money in millions of USD (so the LP is not fighting ten-decade ranges).
public struct CountryProblem: Sendable {
  public var country: String
  public var years: [Int]
  public var kinds: [WallsKind]
  /// [year index][kind index] → thousands of units the country can obtain that year.
  public var supply: [[Double]]
  /// [year index][kind index] → thousands of units of the starting fleet still in service.
  public var surviving: [[Double]]
  /// Years a purchase stays in service.
  public var lifetime: Int
  /// [year index] → demand per workload.
  public var demand: [[Workload: Double]]
  /// [year index] → MW available to AI accelerators.
  public var powerAvailable: [Double]
  /// Energy price, in millions of USD per MW-year of load (USD/MWh x 8,766 h / 1e6).
  public var energyCostPerMegawattYear: Double
  /// Discount rate of the cost phase, per year.
  public var discountRate: Double
  /// Cumulative purchase caps (AI Diffusion counterfactual), in H100-equivalents.
  public var caps: [WallsCap]
  /// [kind] → H100-equivalents per unit (TPP / 15,832), for the caps.
  public var h100Equivalents: [Double]

  public init(
    country: String, years: [Int], kinds: [WallsKind], supply: [[Double]], surviving: [[Double]],
    lifetime: Int, demand: [[Workload: Double]], powerAvailable: [Double], energyCostPerMegawattYear: Double,
    caps: [WallsCap] = [], h100Equivalents: [Double] = [], discountRate: Double = 0.07
  ) {
    self.discountRate = discountRate
    self.caps = caps
    self.h100Equivalents = h100Equivalents
    self.country = country
    self.years = years
    self.kinds = kinds
    self.supply = supply
    self.surviving = surviving
    self.lifetime = lifetime
    self.demand = demand
    self.powerAvailable = powerAvailable
    self.energyCostPerMegawattYear = energyCostPerMegawattYear
  }
}

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

extension CountryProblem {
  /// Year indices whose purchases are still in service in year index `y`.
  public func window(of y: Int) -> ClosedRange<Int> { max(0, y - lifetime + 1)...y }

  /// The most of a kind the country can own in year index `y`: the surviving starting fleet plus
  /// everything it could have bought that is still in service, in thousands.
  public func potentialFleet(year y: Int, kind k: Int) -> Double {
    surviving[y][k] + window(of: y).map { supply[$0][k] }.reduce(0, +)
  }

  /// Whether, with chips unlimited, the country may buy any quantity of kind `k` in year index `t`:
  /// the kinds obtainable that year, or the starting fleet's kinds when nothing is obtainable.
  public func isObtainable(year t: Int, kind k: Int) -> Bool {
    supply[t].contains { $0 > 0 } ? supply[t][k] > 0 : surviving[0][k] > 0
  }

  /// Whether, with chips unlimited, the country may own any quantity of kind `k` in year index `y`.
  public func isObtainableWithoutLimit(year y: Int, kind k: Int) -> Bool {
    window(of: y).contains { isObtainable(year: $0, kind: k) }
  }

  /// Whether the years of a variant are independent, so that it can be solved one year at a time.
  ///
  /// In the first phase buying is free, so the optimum buys everything it may and each year's
  /// service depends on that year alone; only cumulative purchase caps link years (and the
  /// chips-unlimited variant drops them).
  public func yearsAreIndependent(_ variant: WallsVariant) -> Bool {
    variant == .chipsUnlimited || caps.isEmpty
  }

  /// Year index `y` as a one-year problem of its own, with everything the country could own that
  /// year folded into its fleet: valid for the first phase when ``yearsAreIndependent(_:)``.
  public func yearSlice(_ y: Int, variant: WallsVariant) -> CountryProblem {
    let potential = kinds.indices.map { potentialFleet(year: y, kind: $0) }
    // With chips unlimited, a positive supply marks the kinds the slice may buy without limit.
    let supply = kinds.indices.map { k in
      variant == .chipsUnlimited && isObtainableWithoutLimit(year: y, kind: k) ? 1.0 : 0
    }
    return CountryProblem(
      country: country, years: [years[y]], kinds: kinds, supply: [supply], surviving: [potential], lifetime: 1,
      demand: [demand[y]], powerAvailable: [powerAvailable[y]], energyCostPerMegawattYear: energyCostPerMegawattYear,
      caps: [], h100Equivalents: h100Equivalents, discountRate: discountRate)
  }
}

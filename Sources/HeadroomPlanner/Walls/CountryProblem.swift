import HeadroomModel

/// One country's walls problem once supply is allocated: what it may buy each year, what it already
/// owns, what it must serve and the power it has, in the model's scaled units.
///
/// Units: accelerators in thousands, power in MW, demand in thousands of H100e (per workload), money
/// in millions of USD (so the LP is not fighting ten-decade ranges).
public struct CountryProblem: Sendable {
  public var country: String
  public var years: [Int]
  public var kinds: [WallsKind]
  /// [year index][kind index] → thousands of units the country can obtain that year.
  public var supply: [[Double]]
  /// [year index][kind index] → thousands of units of the base-year stock still in service.
  public var surviving: [[Double]]
  /// Years a purchase stays in service.
  public var lifetime: Int
  /// [year index][workload index] → demand in thousands of H100e.
  public var demand: [[Double]]
  /// [year index] → MW available to AI accelerators.
  public var powerAvailable: [Double]
  /// Energy price, in millions of USD per MW-year of load.
  public var energyCostPerMegawattYear: Double
  /// Discount rate of the cost phase, per year.
  public var discountRate: Double
  /// How a shortage is split between the workloads.
  public var split: Scenario.SplitPolicy
  /// Cumulative purchase caps (AI Diffusion counterfactual), in H100-equivalents by the TPP convention.
  public var caps: [WallsCap]
  /// [kind] → H100-equivalents per unit by the TPP convention (TPP / 15,832), for the caps.
  public var tppH100Equivalents: [Double]
  /// Behind-the-meter generation the country may build (none when the scenario forbids it).
  public var onSite: [WallsOnSite]

  public init(
    country: String, years: [Int], kinds: [WallsKind], supply: [[Double]], surviving: [[Double]], lifetime: Int,
    demand: [[Double]], powerAvailable: [Double], energyCostPerMegawattYear: Double, discountRate: Double = 0.07,
    split: Scenario.SplitPolicy = .maxMin, caps: [WallsCap] = [], tppH100Equivalents: [Double] = [],
    onSite: [WallsOnSite] = []
  ) {
    self.country = country
    self.years = years
    self.kinds = kinds
    self.supply = supply
    self.surviving = surviving
    self.lifetime = lifetime
    self.demand = demand
    self.powerAvailable = powerAvailable
    self.energyCostPerMegawattYear = energyCostPerMegawattYear
    self.discountRate = discountRate
    self.split = split
    self.caps = caps
    self.tppH100Equivalents = tppH100Equivalents
    self.onSite = onSite
  }
}

extension CountryProblem {
  /// Year indices whose purchases are still in service in year index `y`.
  public func window(of y: Int) -> ClosedRange<Int> { max(0, y - lifetime + 1)...y }

  /// The most of a kind the country can own in year index `y`: the surviving base-year stock plus
  /// everything it could have bought that is still in service, in thousands.
  public func potentialFleet(year y: Int, kind k: Int) -> Double {
    surviving[y][k] + window(of: y).map { supply[$0][k] }.reduce(0, +)
  }

  /// Total demand of year index `y`, in thousands of H100e.
  public func totalDemand(_ y: Int) -> Double { demand[y].reduce(0, +) }

  /// Whether, with chips unlimited, the country may buy any quantity of kind `k` in year index `t`:
  /// the kinds obtainable that year, or the base stock's kinds when nothing is obtainable.
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
      discountRate: discountRate, split: split, caps: [], tppH100Equivalents: tppH100Equivalents,
      onSite: onSite.map { option in
        var slice = option
        slice.buildable = [option.buildable[y]]
        return slice
      })
  }

  /// The most firm on-site power the country can have in service in year index `y`, in MW.
  public func onSiteFirmPower(_ y: Int) -> Double {
    onSite.map { $0.buildable[y] * $0.firmShare }.reduce(0, +)
  }

  /// Power for accelerators in year index `y` with all the on-site generation that can be built, in MW.
  public func powerWithOnSite(_ y: Int) -> Double { powerAvailable[y] + onSiteFirmPower(y) }

  /// The stages phase 1 solves for a variant, in order.
  public func stages(_ variant: WallsVariant) -> [WallsStage] {
    guard variant == .joint else { return [.totalServed] }
    switch split {
    case .maxMin: return [.fairShare, .totalServed]
    case .proportional: return [.fairShare]
    case .trainingFirst: return [.workload(0), .workload(1)]
    case .inferenceFirst: return [.workload(1), .workload(0)]
    }
  }

  /// Whether the variant's LP carries the fair-share rows (served share of each workload ≥ z).
  public func hasFairShare(_ variant: WallsVariant) -> Bool {
    variant == .joint && (split == .maxMin || split == .proportional)
  }

  /// The least MW per thousand H100e of a workload among the kinds obtainable without limit in year
  /// index `y` (the most power-efficient way to serve it), or nil when no kind can serve it.
  public func bestMegawattsPerH100e(year y: Int, workload w: Int) -> Double? {
    kinds.indices.filter { k in
      kinds[k].runs && kinds[k].capability[w] > 0
        && (potentialFleet(year: y, kind: k) > 0 || isObtainableWithoutLimit(year: y, kind: k))
    }.map { kinds[$0].megawattsPerThousand / kinds[$0].capability[w] }.min()
  }

  /// Whether year index `y` of a variant serves all its demand, decided without an LP: every unit the
  /// country can own runs (power allowing), each kind on the workload where its comparative advantage
  /// lies (``WallsInput/servedByStock(_:trainingShare:)``), and that covers both workloads. When this is
  /// true the LP's answer is known (everything served, no limit binds); when false the LP decides.
  public func servesEverything(year y: Int, variant: WallsVariant) -> Bool {
    guard variant != .chipsUnlimited else { return false }
    let total = totalDemand(y)
    guard total > 0 else { return true }
    let stock = kinds.indices.filter { kinds[$0].runs }.map { k in
      (stock: potentialFleet(year: y, kind: k), capability: kinds[k].capability)
    }
    if variant == .joint {
      let draw = kinds.indices.filter { kinds[$0].runs }.map {
        potentialFleet(year: y, kind: $0) * kinds[$0].megawattsPerThousand
      }
      .reduce(0, +)
      guard draw <= powerWithOnSite(y) else { return false }
    }
    let served = WallsInput.servedByStock(stock, trainingShare: demand[y][0] / total)
    return served[0] >= demand[y][0] * (1 + 1e-9) && served[1] >= demand[y][1] * (1 + 1e-9)
  }
}

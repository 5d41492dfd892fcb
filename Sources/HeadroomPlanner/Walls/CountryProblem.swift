import HeadroomModel

/// One country's walls problem once supply is allocated: what it may buy each year, what it already
/// owns, what it must serve and the power it has, in the model's scaled units.
///
/// Units: accelerators in thousands, power in MW, demand in thousands of H100e (per workload), money
/// in millions of USD (so the LP is not fighting ten-decade ranges).
public struct CountryProblem: Sendable {
  public var country: String
  public var years: [Int]
  public var kinds: [WallsKind] {
    didSet {
      servingOrder = Self.servingOrder(kinds)
      advantageOrder = Self.advantageOrder(kinds)
    }
  }
  /// [workload index] → indices of the kinds that can serve the workload, the fewest MW per H100e first.
  public private(set) var servingOrder: [[Int]]
  /// Indices of the kinds that run, by comparative advantage for training (training over inference
  /// capability), highest first.
  public private(set) var advantageOrder: [Int]
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
    self.servingOrder = Self.servingOrder(kinds)
    self.advantageOrder = Self.advantageOrder(kinds)
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
    window(of: y).reduce(surviving[y][k]) { $0 + supply[$1][k] }
  }

  /// Total demand of year index `y`, in thousands of H100e.
  public func totalDemand(_ y: Int) -> Double { demand[y].reduce(0, +) }

  /// The unmet share of year index `y`'s total demand, from each workload's unmet share (0 for nil or
  /// without demand).
  public func unmetShare(_ unmet: [Double]?, year y: Int) -> Double {
    guard let unmet else { return 0 }
    let total = totalDemand(y)
    return total > 0 ? zip(unmet, demand[y]).map { $0 * $1 }.reduce(0, +) / total : 0
  }

  /// Whether, with chips unlimited, the country may buy any quantity of kind `k` in year index `t`:
  /// the kinds obtainable that year, or the base stock's kinds when nothing is obtainable.
  public func isObtainable(year t: Int, kind k: Int) -> Bool {
    supply[t].contains { $0 > 0 } ? supply[t][k] > 0 : surviving[0][k] > 0
  }

  /// [kind index] → whether, with chips unlimited, the country may own any quantity of the kind in year
  /// index `y`: it is obtainable (``isObtainable(year:kind:)``) in a year whose purchases are still in
  /// service then.
  public func obtainableWithoutLimit(year y: Int) -> [Bool] {
    var result = Array(repeating: false, count: kinds.count)
    for t in window(of: y) {
      let any = supply[t].contains { $0 > 0 }
      for k in kinds.indices where !result[k] { result[k] = any ? supply[t][k] > 0 : surviving[0][k] > 0 }
    }
    return result
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
    let supply =
      variant == .chipsUnlimited
      ? obtainableWithoutLimit(year: y).map { $0 ? 1.0 : 0 } : Array(repeating: 0, count: kinds.count)
    // A copy keeps the kinds (and their serving order) without sorting them again.
    var slice = self
    slice.years = [years[y]]
    slice.supply = [supply]
    slice.surviving = [potential]
    slice.lifetime = 1
    slice.demand = [demand[y]]
    slice.powerAvailable = [powerAvailable[y]]
    slice.caps = []
    slice.onSite = onSite.map { option in
      var one = option
      one.buildable = [option.buildable[y]]
      return one
    }
    return slice
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

  /// [workload index] → the least MW per thousand H100e of the workload among the kinds the country
  /// owns or can obtain without limit in year index `y` (the most power-efficient way to serve it), or
  /// nil when no kind can serve it.
  public func bestMegawattsPerH100e(year y: Int) -> [Double?] {
    let obtainable = obtainableWithoutLimit(year: y)
    return Workload.allCases.indices.map { w in
      // servingOrder lists the kinds that can run w, the fewest MW per H100e first.
      servingOrder[w].first { obtainable[$0] || potentialFleet(year: y, kind: $0) > 0 }.map {
        kinds[$0].megawattsPerThousand / kinds[$0].capability[w]
      }
    }
  }

  /// Whether year index `y` of a variant serves all its demand, decided without an LP: ``serves(_:year:variant:)``
  /// all but 1e-9 of each workload's demand. When this is true the LP's answer is known to within 1e-9 of
  /// demand (everything served, no limit binds); when false the LP decides.
  public func servesEverything(year y: Int, variant: WallsVariant) -> Bool {
    serves(1 - 1e-9, year: y, variant: variant)
  }

  /// Whether year index `y` of a variant can serve at least `share` of each workload's demand, shown
  /// without an LP: some way of running what the country can own (any quantity of a kind obtainable
  /// without limit when chips are unlimited) does so within the power it has (on-site generation
  /// included; any when power is unlimited). True is a proof (a feasible point of the LP); false
  /// proves nothing.
  ///
  /// The ways tried: everything runs, each kind where its comparative advantage lies
  /// (``WallsInput/servedByStock(_:trainingShare:)``), all scaled down to the power there is; or one
  /// workload is served first from its most power-efficient kinds (``servingOrder``) and the other from
  /// what is left (both orders).
  public func serves(_ share: Double, year y: Int, variant: WallsVariant) -> Bool {
    let total = totalDemand(y)
    guard total > 0 else { return true }
    let target = demand[y].map { $0 * share }
    let unlimited = variant == .chipsUnlimited ? obtainableWithoutLimit(year: y) : []
    let fleet = kinds.indices.map { k in
      guard kinds[k].runs else { return 0.0 }
      return variant == .chipsUnlimited && unlimited[k] ? Double.infinity : potentialFleet(year: y, kind: k)
    }
    let power = variant == .powerUnlimited ? Double.infinity : powerWithOnSite(y)
    if fleet.allSatisfy(\.isFinite) {
      let running = kinds.indices.filter { fleet[$0] > 0 }
      let draw = running.map { kinds[$0].megawattsPerThousand * fleet[$0] }.reduce(0, +)
      let served = WallsInput.servedByStock(
        running.map { (stock: fleet[$0], capability: kinds[$0].capability) }, trainingShare: demand[y][0] / total)
      let scale = draw > power ? power / draw : 1
      if served[0] * scale >= target[0] && served[1] * scale >= target[1] { return true }
    }
    return [[0, 1], [1, 0]].contains { order in
      powerToServe(target, in: order, fleet: fleet).map { $0 <= power } ?? false
    }
  }

  /// The MW drawn serving `target` (thousands of H100e per workload) one workload after the other,
  /// each from the kinds that serve it with the least power first, out of `fleet` (thousands of each
  /// kind); nil when the fleet cannot serve some workload's target.
  func powerToServe(_ target: [Double], in order: [Int], fleet: [Double]) -> Double? {
    var left = fleet
    var drawn = 0.0
    for w in order where target[w] > 0 {
      var need = target[w]
      for k in servingOrder[w] where need > 0 && left[k] > 0 {
        let kind = kinds[k]
        let units = min(left[k], need / kind.capability[w])
        need -= units * kind.capability[w]
        drawn += units * kind.megawattsPerThousand
        left[k] -= units
      }
      // Rounding may leave a few ulps of the target unserved: that much is served all the same.
      if need > target[w] * 1e-12 { return nil }
    }
    return drawn
  }

  /// A lower bound on the share of year index `y`'s total demand a variant leaves unmet, shown without
  /// an LP from two upper bounds on what it can serve (0…1; the LP's unmet share is at least this).
  ///
  /// - Power (unless unlimited): every thousand H100e of workload w served draws at least the least MW
  ///   per thousand H100e of w among the kinds the country can have (``bestMegawattsPerH100e(year:)``),
  ///   and all of it fits in the power with on-site generation: the cheapest workload is served first.
  /// - Chips (unless unlimited): the fleet serves at most ``mostServedByFleet(year:)``.
  public func unmetShareLowerBound(year y: Int, variant: WallsVariant) -> Double {
    let total = totalDemand(y)
    guard total > 0 else { return 0 }
    let workloads = Workload.allCases.indices
    var served = total
    if variant != .powerUnlimited {
      var power = powerWithOnSite(y)
      var withinPower = 0.0
      let best = bestMegawattsPerH100e(year: y)
      let cheapest = workloads.compactMap { w in best[w].map { (w, $0) } }
      for (w, megawatts) in cheapest.sorted(by: { $0.1 < $1.1 }) {
        let share = megawatts > 0 ? min(demand[y][w], max(0, power) / megawatts) : demand[y][w]
        withinPower += share
        power -= share * megawatts
      }
      served = min(served, withinPower)
    }
    if variant != .chipsUnlimited { served = min(served, mostServedByFleet(year: y)) }
    return max(0, 1 - served / total)
  }

  /// The most year index `y`'s fleet can serve of its demand with power unlimited, in thousands of
  /// H100e: every unit the country can own runs, and the best split of the fleet between the workloads
  /// lies on the frontier traced by moving kinds to training in order of comparative advantage
  /// (``advantageOrder``); the served total, min(training, its demand) + min(inference, its demand), is
  /// concave along it, so its most is at a kind's end or where a workload's demand is just met.
  public func mostServedByFleet(year y: Int) -> Double {
    let (needT, needI) = (demand[y][0], demand[y][1])
    func served(_ training: Double, _ inference: Double) -> Double {
      min(training, needT) + min(max(0, inference), needI)
    }
    let fleet = advantageOrder.map { potentialFleet(year: y, kind: $0) }
    var training = 0.0
    var inference = zip(advantageOrder, fleet).reduce(0) { $0 + $1.1 * kinds[$1.0].capability[1] }
    var most = served(training, inference)
    for (k, units) in zip(advantageOrder, fleet) where units > 0 {
      let gain = units * kinds[k].capability[0]
      let loss = units * kinds[k].capability[1]
      // Within this kind's move: where training just meets its demand, and where inference falls to its.
      if gain > 0 && training < needT && needT < training + gain {
        let part = (needT - training) / gain
        most = max(most, served(needT, inference - part * loss))
      }
      if loss > 0 && inference > needI && inference - loss < needI {
        let part = (inference - needI) / loss
        most = max(most, served(training + part * gain, needI))
      }
      training += gain
      inference -= loss
      most = max(most, served(training, inference))
    }
    return most
  }

  /// The kinds that run, by training over inference capability, highest first (ties in index order).
  static func advantageOrder(_ kinds: [WallsKind]) -> [Int] {
    kinds.indices.filter { kinds[$0].runs }.sorted { a, b in
      kinds[a].capability[0] * kinds[b].capability[1] > kinds[b].capability[0] * kinds[a].capability[1]
    }
  }

  /// [workload index] → the kinds that can run a workload, the fewest MW per H100e of it first.
  static func servingOrder(_ kinds: [WallsKind]) -> [[Int]] {
    Workload.allCases.indices.map { w in
      kinds.indices.filter { kinds[$0].runs && kinds[$0].capability[w] > 0 }.sorted { a, b in
        kinds[a].capability[w] * kinds[b].megawattsPerThousand > kinds[b].capability[w] * kinds[a].megawattsPerThousand
      }
    }
  }
}

import HeadroomModel

/// A walls LP's solution in the model's units (thousands of accelerators, MW, shares of demand),
/// whether it came from one LP over all years or from one LP per year.
///
/// Shadow prices come from the first stage of phase 1 (the one that decides how much is served);
/// the fixings (``runIsIdleAtEveryOptimum`` …) from the stage whose optimum the cost phase keeps.
public struct WallsSolution: Sendable {
  /// [year][workload index] share of demand served, 0…1 (kept apart from ``unmet`` so that a sliver
  /// of 1e-8 keeps its digits).
  public var servedShare: [[Double]]
  /// [year][workload index] unmet share of demand, 0…1 (1 − ``servedShare``).
  public var unmet: [[Double]] { servedShare.map { $0.map { 1 - $0 } } }
  /// [year] the fair share z reached (0 without fair-share rows).
  public var fairShare: [Double]
  /// [year][kind][workload index] thousands of accelerators running.
  public var run: [[[Double]]]
  /// [year][kind] thousands of accelerators bought.
  public var buy: [[Double]]
  /// [year][option] MW of behind-the-meter nameplate in service (empty without options or a power row).
  public var onSite: [[Double]]
  /// [year] thousands of H100e more served per MW more power available (0 without a power row).
  public var powerShadow: [Double]
  /// [year][kind] thousands of H100e more served per thousand more accelerators owned.
  public var fleetShadow: [[Double]]
  /// [year][kind][workload index] whether the LP proved that running this kind on this workload
  /// would worsen the objective (its reduced cost is clearly positive), so every optimum leaves it idle.
  public var runIsIdleAtEveryOptimum: [[[Bool]]]
  /// [year][kind] whether a thousand more of this kind owned that year would clearly improve the
  /// objective (its fleet row's dual is clearly negative), so every optimum uses the whole fleet.
  public var fleetIsFullAtEveryOptimum: [[Bool]]
  /// [year][kind] whether buying less of this kind that year would clearly worsen the objective (its
  /// reduced cost is clearly negative), so every optimum buys all the supply.
  public var buyIsFullAtEveryOptimum: [[Bool]]

  public init(
    servedShare: [[Double]], fairShare: [Double], run: [[[Double]]], buy: [[Double]], onSite: [[Double]] = [],
    powerShadow: [Double],
    fleetShadow: [[Double]], runIsIdleAtEveryOptimum: [[[Bool]]], fleetIsFullAtEveryOptimum: [[Bool]],
    buyIsFullAtEveryOptimum: [[Bool]]
  ) {
    self.servedShare = servedShare
    self.fairShare = fairShare
    self.run = run
    self.buy = buy
    self.onSite = onSite
    self.powerShadow = powerShadow
    self.fleetShadow = fleetShadow
    self.runIsIdleAtEveryOptimum = runIsIdleAtEveryOptimum
    self.fleetIsFullAtEveryOptimum = fleetIsFullAtEveryOptimum
    self.buyIsFullAtEveryOptimum = buyIsFullAtEveryOptimum
  }

  /// The solution of a whole problem from the solutions of its one-year slices
  /// (``CountryProblem/yearSlice(_:variant:)``), which buy all the supply.
  ///
  /// Without caps, a purchase's reduced cost in the whole-horizon LP is the sum of the duals of the
  /// fleet rows it feeds, all ≤ 0: clearly negative when any of them is.
  public init(years: [WallsSolution], of problem: CountryProblem) {
    let fleetIsFull = years.map { $0.fleetIsFullAtEveryOptimum[0] }
    self.init(
      servedShare: years.map { $0.servedShare[0] }, fairShare: years.map { $0.fairShare[0] },
      run: years.map { $0.run[0] },
      buy: problem.supply, onSite: Self.builtByYear(years.map { $0.onSite.first ?? [] }),
      powerShadow: years.map { $0.powerShadow[0] }, fleetShadow: years.map { $0.fleetShadow[0] },
      runIsIdleAtEveryOptimum: years.map { $0.runIsIdleAtEveryOptimum[0] }, fleetIsFullAtEveryOptimum: fleetIsFull,
      buyIsFullAtEveryOptimum: problem.years.indices.map { t in
        problem.kinds.indices.map { k in
          (t..<min(t + problem.lifetime, problem.years.count)).contains { fleetIsFull[$0][k] }
        }
      })
  }

  /// A build plan from one-year values: each year keeps at least what the years before it built.
  static func builtByYear(_ values: [[Double]]) -> [[Double]] {
    var result: [[Double]] = []
    for row in values {
      // A year solved without an LP (everything served) keeps what the year before it had.
      guard let last = result.last, last.count == row.count else {
        result.append(row.isEmpty ? (result.last ?? []) : row)
        continue
      }
      result.append(zip(row, last).map { max($0, $1) })
    }
    return result
  }

  /// A one-year solution that serves all demand with no limit binding (no LP was solved): every share
  /// 1, shadow prices 0, nothing proved about runs or purchases.
  static func servedInFull(kinds: Int) -> WallsSolution {
    let workloads = Workload.allCases.count
    return WallsSolution(
      servedShare: [Array(repeating: 1, count: workloads)], fairShare: [1],
      run: [Array(repeating: Array(repeating: 0, count: workloads), count: kinds)],
      buy: [Array(repeating: 0, count: kinds)], powerShadow: [0], fleetShadow: [Array(repeating: 0, count: kinds)],
      runIsIdleAtEveryOptimum: [Array(repeating: Array(repeating: false, count: workloads), count: kinds)],
      fleetIsFullAtEveryOptimum: [Array(repeating: false, count: kinds)],
      buyIsFullAtEveryOptimum: [Array(repeating: false, count: kinds)])
  }

  /// This solution with the shadow prices of another (an earlier stage's).
  func withShadows(of other: WallsSolution) -> WallsSolution {
    var result = self
    result.powerShadow = other.powerShadow
    result.fleetShadow = other.fleetShadow
    return result
  }

  /// The unmet share of a year over both workloads, weighted by their demand (0 without demand).
  public func gapShare(year y: Int, demand: [Double]) -> Double {
    let total = demand.reduce(0, +)
    guard total > 0 else { return 0 }
    return zip(servedShare[y], demand).map { (1 - $0) * $1 }.reduce(0, +) / total
  }
}

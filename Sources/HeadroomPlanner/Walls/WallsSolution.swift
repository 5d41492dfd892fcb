/// A walls LP's solution in the model's units (thousands of accelerators, MW, shares of demand),
/// whether it came from one LP over all years or from one LP per year.
///
/// Duals and reduced costs are derivatives of the LP's objective: for the first phase, of the sum of
/// unmet shares; they follow ``HeadroomSolver/Solution/duals`` (a binding `≤` capacity row of a
/// minimisation has a dual ≤ 0).
public struct WallsSolution: Sendable {
  /// [year][workload index] unmet share of demand, 0…1.
  public var unmet: [[Double]]
  /// [year][kind][workload index] thousands of accelerators running.
  public var run: [[[Double]]]
  /// [year][kind] thousands of accelerators bought.
  public var buy: [[Double]]
  /// [year] objective change per MW more power available (0 without a power row).
  public var powerDuals: [Double]
  /// [year][kind] objective change per thousand more accelerators owned.
  public var fleetDuals: [[Double]]
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
    unmet: [[Double]], run: [[[Double]]], buy: [[Double]], powerDuals: [Double], fleetDuals: [[Double]],
    runIsIdleAtEveryOptimum: [[[Bool]]], fleetIsFullAtEveryOptimum: [[Bool]], buyIsFullAtEveryOptimum: [[Bool]]
  ) {
    self.unmet = unmet
    self.run = run
    self.buy = buy
    self.powerDuals = powerDuals
    self.fleetDuals = fleetDuals
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
      unmet: years.map { $0.unmet[0] }, run: years.map { $0.run[0] }, buy: problem.supply,
      powerDuals: years.map { $0.powerDuals[0] }, fleetDuals: years.map { $0.fleetDuals[0] },
      runIsIdleAtEveryOptimum: years.map { $0.runIsIdleAtEveryOptimum[0] }, fleetIsFullAtEveryOptimum: fleetIsFull,
      buyIsFullAtEveryOptimum: problem.years.indices.map { t in
        problem.kinds.indices.map { k in
          (t..<min(t + problem.lifetime, problem.years.count)).contains { fleetIsFull[$0][k] }
        }
      })
  }
}

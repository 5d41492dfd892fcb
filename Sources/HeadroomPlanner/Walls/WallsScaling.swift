import Foundation

/// Per-year units for a country's walls LP, chosen so that its coefficients stay near 1.
///
/// Demand can grow by many orders of magnitude over a horizon while the fleet grows far less, so in
/// late years a thousand accelerators serve a tiny share of demand; written in plain units the demand
/// rows then carry coefficients of 1e-8 and CLP stops with a "optimal" answer that serves up to 10 %
/// less than it could (seen on the synthetic benchmark model; the baseline was unaffected). The walls
/// LP therefore measures, per year y:
/// - accelerators (buy, run) in units of ``fleet``[y] thousand: the largest fleet one kind can have;
/// - the power row in units of ``power``[y] MW: the power available;
/// - unmet demand of workload w in units of ``share``[y][w]: an estimate of the largest share of the
///   demand the year's fleet and power could serve (at most 1), so the demand row reads "served, as a
///   fraction of what could be served, plus unmet in the same unit ≥ 1 / share".
///
/// Every factor is a power of two, so scaling and unscaling are exact in floating point.
public struct WallsScaling: Sendable, Hashable {
  /// [year] thousands of accelerators per unit of a buy or run variable.
  public var fleet: [Double]
  /// [year] MW per unit of the power row.
  public var power: [Double]
  /// [year][workload index] share of demand per unit of an unmet variable, in (0, 1].
  public var share: [[Double]]

  /// The scales for one variant of a country's problem.
  public init(_ problem: CountryProblem, variant: WallsVariant) {
    let kinds = problem.kinds
    var fleet: [Double] = []
    var power: [Double] = []
    var share: [[Double]] = []
    for y in problem.years.indices {
      let potential = kinds.indices.map { problem.potentialFleet(year: y, kind: $0) }
      let runnable = kinds.indices.filter { kinds[$0].megawattsPerThousand > 0 }
      let present =
        variant == .chipsUnlimited
        ? runnable.filter { potential[$0] > 0 || problem.isObtainableWithoutLimit(year: y, kind: $0) }
        : runnable.filter { potential[$0] > 0 }
      let available = problem.powerAvailable[y]
      let largestFleet = present.map { potential[$0] }.max() ?? 0
      let powerLimitedFleet = present.map { available / kinds[$0].megawattsPerThousand }.max() ?? 0
      fleet.append(Self.powerOfTwo(variant == .chipsUnlimited ? powerLimitedFleet : largestFleet))
      power.append(Self.powerOfTwo(available))
      share.append(
        WallsProgram.workloads.map { workload in
          let demand = problem.demand[y][workload] ?? 0
          let capable = present.filter { kinds[$0].capability(workload) > 0 }
          let byFleet = capable.map { kinds[$0].capability(workload) * potential[$0] }.reduce(0, +)
          let byPower =
            available * (capable.map { kinds[$0].capability(workload) / kinds[$0].megawattsPerThousand }.max() ?? 0)
          let servable: Double
          switch variant {
          case .joint: servable = min(byFleet, byPower)
          case .chipsUnlimited: servable = byPower
          case .powerUnlimited: servable = byFleet
          }
          guard demand > 0, servable > 0 else { return 1 }
          return min(1, Self.powerOfTwo(servable / demand))
        })
    }
    self.fleet = fleet
    self.power = power
    self.share = share
  }

  /// The power of two nearest `value` (by logarithm); 1 for zero, negative or non-finite values.
  static func powerOfTwo(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 1 }
    return pow(2, log2(value).rounded())
  }
}

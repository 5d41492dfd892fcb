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
/// - demand served of workload w in units of ``served``[y][w] thousand H100e: an estimate of the most
///   the year's fleet and power could serve of it (at most its demand), so a served variable is about 1 at the optimum however far
///   demand outruns supply (measuring unmet demand instead puts values of 1e10 beside the feasibility
///   tolerance when only a sliver of demand can be served, and CLP then misreads a feasible year as
///   infeasible);
/// - the fair share z in units of ``fairShare``[y]: the smallest share of demand the year could serve.
///
/// Every factor is a power of two, so scaling and unscaling are exact in floating point.
public struct WallsScaling: Sendable, Hashable {
  /// [year] thousands of accelerators per unit of a buy or run variable.
  public var fleet: [Double]
  /// [year] MW per unit of the power row.
  public var power: [Double]
  /// [year][workload index] thousands of H100e per unit of a served variable.
  public var served: [[Double]]
  /// [year] share of demand per unit of the fair-share variable, in (0, 1]: the least servable share.
  public var fairShare: [Double]

  /// The scales for one variant of a country's problem.
  public init(_ problem: CountryProblem, variant: WallsVariant) {
    let kinds = problem.kinds
    var fleet: [Double] = []
    var power: [Double] = []
    var served: [[Double]] = []
    var fairShare: [Double] = []
    for y in problem.years.indices {
      let potential = kinds.indices.map { problem.potentialFleet(year: y, kind: $0) }
      let runnable = kinds.indices.filter { kinds[$0].megawattsPerThousand > 0 }
      let obtainable = variant == .chipsUnlimited ? problem.obtainableWithoutLimit(year: y) : []
      let present =
        variant == .chipsUnlimited
        ? runnable.filter { potential[$0] > 0 || obtainable[$0] }
        : runnable.filter { potential[$0] > 0 }
      let available = problem.powerWithOnSite(y)
      let largestFleet = present.map { potential[$0] }.max() ?? 0
      let powerLimitedFleet = present.map { available / kinds[$0].megawattsPerThousand }.max() ?? 0
      fleet.append(Self.powerOfTwo(variant == .chipsUnlimited ? powerLimitedFleet : largestFleet))
      power.append(Self.powerOfTwo(available))
      let servable: [Double] = WallsProgram.workloads.indices.map { w in
        let capable = present.filter { kinds[$0].capability[w] > 0 }
        let byFleet = capable.map { kinds[$0].capability[w] * potential[$0] }.reduce(0, +)
        let byPower =
          available * (capable.map { kinds[$0].capability[w] / kinds[$0].megawattsPerThousand }.max() ?? 0)
        switch variant {
        case .joint: return min(byFleet, byPower)
        case .chipsUnlimited: return byPower
        case .powerUnlimited: return byFleet
        }
      }
      served.append(
        WallsProgram.workloads.indices.map { w in
          let demand = problem.demand[y][w]
          return Self.powerOfTwo(servable[w] > 0 && demand > 0 ? min(servable[w], demand) : max(servable[w], demand))
        })
      let shares = WallsProgram.workloads.indices.filter { problem.demand[y][$0] > 0 }.map { w in
        servable[w] > 0 ? min(1, servable[w] / problem.demand[y][w]) : 1
      }
      fairShare.append(min(1, Self.powerOfTwo(shares.min() ?? 1)))
    }
    self.fleet = fleet
    self.power = power
    self.served = served
    self.fairShare = fairShare
  }

  /// The power of two nearest `value` (by logarithm); 1 for zero, negative or non-finite values.
  static func powerOfTwo(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 1 }
    return pow(2, log2(value).rounded())
  }
}

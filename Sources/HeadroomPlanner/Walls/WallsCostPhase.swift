import Foundation
import HeadroomSolver

/// A country's phase-2 LP: each served share held at its phase-1 value, discounted cost minimised
/// over what phase 1 proved every one of its optima must do.
///
/// Every phase-2 solution is an optimum of phase 1, so by complementary slackness it leaves idle
/// every run that phase 1's reduced costs price out, and it buys all the supply of a kind in any
/// year whose purchase phase 1's reduced costs show to be worth having (without caps: any year whose
/// purchases feed a fleet row with a non-zero phase-1 dual). Given phase 1's solution, the
/// program fixes those variables: the optimum is the same as with the served shares alone held (tests
/// check it on the baseline and on the synthetic model), and CLP solves it in a fifth of the time,
/// because about half of the LP is fixed before it starts.
public struct WallsCostPhase: Sendable {
  /// The cost-phase LP (the one `--export-mps` writes).
  public var program: LinearProgram
  /// How many variables phase 1's duals fixed.
  public let fixedCount: Int

  /// Builds the cost phase of a joint walls program.
  ///
  /// Cost = Σ_y (1 + r)^−(y − first) · (Σ buy · price + Σ run · MW · energy cost per MW-year + Σ_o
  /// (onSite[y,o] − onSite[y−1,o]) · capex_o + onSite[y,o] · firm_o · max(0, operating_o − grid energy
  /// cost)), the present value in millions of USD at the discount rate r; discounting also makes
  /// purchases come when needed rather than all in the first year. On-site energy is charged only where
  /// it costs more than the grid's (the load's energy is already priced at the grid's price), so the
  /// cost phase builds on-site power only where demand needs it, never to save on energy.
  ///
  /// - Parameters:
  ///   - servedShares: [year][workload index] phase-1 served shares.
  ///   - phaseOne: the phase-1 solution whose duals fix variables; nil to hold the served shares only.
  ///   - slack: how far below its phase-1 value a served amount may fall, relative to that value.
  public init(
    _ walls: WallsProgram, servedShares: [[Double]], phaseOne: WallsSolution? = nil, slack: Double = 1e-9
  ) {
    let problem = walls.problem
    let scaling = walls.scaling
    var program = walls.program
    program.name = "walls-\(problem.country)-cost"
    for (y, variables) in walls.served.enumerated() {
      for (w, variable) in variables.enumerated() {
        program.setObjectiveCoefficient(0, for: variable)
        let value = servedShares[y][w] * problem.demand[y][w] / scaling.served[y][w]
        program.setBounds(of: variable, lower: max(0, value * (1 - slack)), upper: program.upperBound(of: variable))
      }
    }
    for y in problem.years.indices {
      let factor = pow(1 + problem.discountRate, -Double(y)) * scaling.fleet[y]
      for (k, kind) in problem.kinds.enumerated() {
        program.setObjectiveCoefficient(kind.priceMillionsPerThousand * factor, for: walls.buy[y][k])
        for variable in walls.run[y][k] {
          program.setObjectiveCoefficient(
            kind.megawattsPerThousand * problem.energyCostPerMegawattYear * factor, for: variable)
        }
      }
    }
    // Capex on each year's additions, telescoped onto the in-service values (the monotone rows make
    // the differences the additions): value[y] · capex · (d[y] − d[y+1]), and value[last] · capex · d[last].
    if !walls.onSite.isEmpty {
      let last = problem.years.count - 1
      for y in problem.years.indices {
        let discount = pow(1 + problem.discountRate, -Double(y))
        let next = y < last ? pow(1 + problem.discountRate, -Double(y + 1)) : 0
        for (o, option) in problem.onSite.enumerated() {
          let extra = max(0, option.operatingMillionsPerMegawattYear - problem.energyCostPerMegawattYear)
          let perMegawatt = option.capexMillionsPerMegawatt * (discount - next) + option.firmShare * extra * discount
          program.setObjectiveCoefficient(perMegawatt * scaling.power[y], for: walls.onSite[y][o])
        }
      }
    }
    var fixedCount = 0
    if let phaseOne {
      func fix(_ variable: Variable, at value: Double) {
        guard program.lowerBound(of: variable) < program.upperBound(of: variable), value.isFinite else { return }
        program.setBounds(of: variable, lower: value, upper: value)
        fixedCount += 1
      }
      for y in problem.years.indices {
        for k in problem.kinds.indices {
          for (index, variable) in walls.run[y][k].enumerated() where phaseOne.runIsIdleAtEveryOptimum[y][k][index] {
            fix(variable, at: 0)
          }
          if phaseOne.buyIsFullAtEveryOptimum[y][k] {
            fix(walls.buy[y][k], at: program.upperBound(of: walls.buy[y][k]))
          }
        }
      }
    }
    self.program = program
    self.fixedCount = fixedCount
  }
}

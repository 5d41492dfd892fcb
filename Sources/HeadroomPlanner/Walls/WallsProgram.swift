import Foundation
import HeadroomSolver

/// The LP of one country's walls problem, with handles to read its solution.
///
/// In model units (thousands of accelerators, MW, shares of demand), per year y and kind k:
/// buy[y,k] ≤ supply[y,k], run[y,k,w] ≥ 0 and unmet[y,w] ∈ [0, 1], with rows
/// - fleet[y,k]: Σ_w run[y,k,w] − Σ buy[t,k] over the last `lifetime` years ≤ surviving starting fleet;
/// - power[y]: Σ_{k,w} run[y,k,w] · MW_k ≤ power available;
/// - demand[y,w]: Σ_k run[y,k,w] · capability_{k,w} / demand[y,w] + unmet[y,w] ≥ 1.
///
/// The LP itself is written in the per-year units of ``WallsScaling`` (buy and run in units of
/// `fleet[y]` thousand, the power row in units of `power[y]` MW, unmet in units of `share[y][w]`),
/// which keeps its coefficients near 1; ``values(of:)`` converts a solution back to model units.
///
/// Phase 1 minimises Σ unmet[y,w] (shares, so training and inference, and every year, weigh alike).
/// Buying is free in phase 1, so without purchase caps each year's unmet share is at its own minimum
/// and the years can be solved apart (``CountryProblem/yearSlice(_:variant:)``). Phase 2 holds each
/// unmet at its phase-1 value and minimises the cost: capex of purchases plus energy of what runs.
/// Unmet variables make every demand row elastic, so the LP always has a solution.
public struct WallsProgram: Sendable {
  public var program: LinearProgram
  public let problem: CountryProblem
  public let variant: WallsVariant
  public let scaling: WallsScaling
  /// [year] the factor that year's phase-1 objective is multiplied by (see `init`'s `weighYearsApart`).
  public let yearWeights: [Double]
  /// [year][kind]
  public let buy: [[Variable]]
  /// [year][kind][workload index]
  public let run: [[[Variable]]]
  /// [year][workload index]
  public let unmet: [[Variable]]
  /// [year][kind]
  public let fleet: [[Constraint]]
  /// [year]; nil when power is unlimited.
  public let power: [Constraint?]
  /// [year][workload index]
  public let demand: [[Constraint]]

  static let workloads = Workload.allCases

  /// A scaled dual or reduced cost beyond this is taken as proof that a bound or row binds at every
  /// optimum (CLP's own dual tolerance is 1e-7).
  static let clearlyNonzero = 1e-6

  /// Builds the phase-1 program (minimise unmet demand shares).
  ///
  /// - Parameters:
  ///   - named: whether variables and rows get names (`US.buy.2027.b300`); only exports need them,
  ///     and naming costs more than solving these small LPs.
  ///   - weighYearsApart: divide each year's objective by its largest share scale, so that a year
  ///     in which only a sliver of demand can be served still has objective coefficients near 1.
  ///     It leaves the optimum unchanged only when the years are independent, so use it for
  ///     one-year programs (``CountryProblem/yearSlice(_:variant:)``).
  public init(_ problem: CountryProblem, variant: WallsVariant, named: Bool = false, weighYearsApart: Bool = false) {
    self.problem = problem
    self.variant = variant
    let scaling = WallsScaling(problem, variant: variant)
    self.scaling = scaling
    let yearWeights = scaling.share.map { weighYearsApart ? 1 / ($0.max() ?? 1) : 1 }
    self.yearWeights = yearWeights
    let years = problem.years.indices
    let kinds = problem.kinds.indices
    var program = LinearProgram(name: "walls-\(problem.country)-\(variant.rawValue)", sense: .minimize)
    let count = years.count * kinds.count
    program.reserveCapacity(
      variables: count * 3 + years.count * 2, constraints: count + years.count * 3,
      entries: count * (3 + problem.lifetime) + count * 4)
    let prefix = problem.country
    func name(_ text: @autoclosure () -> String) -> String? { named ? text() : nil }
    var buy: [[Variable]] = []
    var run: [[[Variable]]] = []
    var unmet: [[Variable]] = []
    for y in years {
      let year = problem.years[y]
      let fleetScale = scaling.fleet[y]
      var buyRow: [Variable] = []
      var runRow: [[Variable]] = []
      for k in kinds {
        let id = problem.kinds[k].id
        // Chips unlimited: any quantity of the kinds obtainable that year.
        let unlimited = variant == .chipsUnlimited && problem.isObtainable(year: y, kind: k)
        let limit = unlimited ? .infinity : problem.supply[y][k] / fleetScale
        buyRow.append(program.addVariable(name("\(prefix).buy.\(year).\(id)"), upperBound: limit))
        runRow.append(Self.workloads.map { program.addVariable(name("\(prefix).run.\(year).\(id).\($0.rawValue)")) })
      }
      buy.append(buyRow)
      run.append(runRow)
      unmet.append(
        Self.workloads.enumerated().map { index, workload in
          let demand = problem.demand[y][workload] ?? 0
          let share = scaling.share[y][index]
          return program.addVariable(
            name("\(prefix).unmet.\(year).\(workload.rawValue)"), upperBound: demand > 0 ? 1 / share : 0,
            objective: share * yearWeights[y])
        })
    }
    var fleet: [[Constraint]] = []
    var power: [Constraint?] = []
    var demandRows: [[Constraint]] = []
    for y in years {
      let year = problem.years[y]
      let fleetScale = scaling.fleet[y]
      var fleetRow: [Constraint] = []
      for k in kinds {
        var terms = run[y][k].map { 1 * $0 }
        for t in problem.window(of: y) { terms.append(-(scaling.fleet[t] / fleetScale) * buy[t][k]) }
        fleetRow.append(
          program.addConstraint(
            name("\(prefix).fleet.\(year).\(problem.kinds[k].id)"), terms, .lessOrEqual,
            problem.surviving[y][k] / fleetScale))
      }
      fleet.append(fleetRow)
      if variant == .powerUnlimited {
        power.append(nil)
      } else {
        let powerScale = scaling.power[y]
        var terms: [LinearProgram.Term] = []
        for k in kinds where problem.kinds[k].megawattsPerThousand > 0 {
          let coefficient = problem.kinds[k].megawattsPerThousand * fleetScale / powerScale
          for variable in run[y][k] { terms.append(coefficient * variable) }
        }
        power.append(
          program.addConstraint(
            name("\(prefix).power.\(year)"), terms, .lessOrEqual, problem.powerAvailable[y] / powerScale))
      }
      demandRows.append(
        Self.workloads.enumerated().map { index, workload in
          // Σ run · capability / demand + unmet ≥ 1, divided by the share scale.
          let demand = problem.demand[y][workload] ?? 0
          let share = scaling.share[y][index]
          var terms: [LinearProgram.Term] = []
          if demand > 0 {
            for k in kinds {
              let capability = problem.kinds[k].capability(workload)
              if capability > 0 { terms.append(capability * fleetScale / (demand * share) * run[y][k][index]) }
            }
          }
          terms.append(1 * unmet[y][index])
          return program.addConstraint(
            name("\(prefix).demand.\(year).\(workload.rawValue)"), terms, .greaterOrEqual, demand > 0 ? 1 / share : 0)
        })
    }
    // Cumulative caps: Σ buy · H100e per unit ≤ cap, as a fraction of the cap. With chips unlimited
    // the caps go too: they limit chips.
    for (index, cap) in problem.caps.enumerated() where variant != .chipsUnlimited {
      let capThousands = cap.h100Equivalents / 1000
      let capScale = capThousands > 0 ? capThousands : 1
      var terms: [LinearProgram.Term] = []
      for (y, year) in problem.years.enumerated() where (cap.fromYear...cap.toYear).contains(year) {
        for (k, h100e) in problem.h100Equivalents.enumerated() where h100e > 0 && problem.supply[y][k] > 0 {
          terms.append(h100e * scaling.fleet[y] / capScale * buy[y][k])
        }
      }
      if !terms.isEmpty {
        program.addConstraint(name("\(prefix).cap.\(index)"), terms, .lessOrEqual, capThousands / capScale)
      }
    }
    // A kind that cannot do a workload (no capability) or draws no known power must not run it.
    for y in years {
      for k in kinds {
        let kind = problem.kinds[k]
        for (index, workload) in Self.workloads.enumerated()
        where kind.capability(workload) <= 0 || kind.megawattsPerThousand <= 0 {
          program.setBounds(of: run[y][k][index], lower: 0, upper: 0)
        }
      }
    }
    self.program = program
    self.buy = buy
    self.run = run
    self.unmet = unmet
    self.fleet = fleet
    self.power = power
    self.demand = demandRows
  }

  /// A solution of ``program`` (or of a program derived from it) in model units.
  public func values(of solution: Solution) -> WallsSolution {
    let primal = solution.primal
    let duals = solution.duals
    let reducedCosts = solution.reducedCosts
    let hasDuals = !duals.isEmpty
    let years = problem.years.indices
    let kinds = problem.kinds.indices
    return WallsSolution(
      unmet: years.map { y in
        unmet[y].enumerated().map { index, variable in max(0, primal[variable.index]) * scaling.share[y][index] }
      },
      run: years.map { y in kinds.map { k in run[y][k].map { max(0, primal[$0.index]) * scaling.fleet[y] } } },
      buy: years.map { y in kinds.map { k in max(0, primal[buy[y][k].index]) * scaling.fleet[y] } },
      powerDuals: years.map { y in
        guard hasDuals, let row = power[y] else { return 0 }
        return duals[row.index] / scaling.power[y] / yearWeights[y]
      },
      fleetDuals: years.map { y in
        kinds.map { k in hasDuals ? duals[fleet[y][k].index] / scaling.fleet[y] / yearWeights[y] : 0 }
      },
      runIsIdleAtEveryOptimum: years.map { y in
        kinds.map { k in run[y][k].map { hasDuals && reducedCosts[$0.index] > Self.clearlyNonzero } }
      },
      fleetIsFullAtEveryOptimum: years.map { y in
        kinds.map { k in hasDuals && duals[fleet[y][k].index] < -Self.clearlyNonzero }
      },
      buyIsFullAtEveryOptimum: years.map { y in
        kinds.map { k in hasDuals && reducedCosts[buy[y][k].index] < -Self.clearlyNonzero }
      })
  }
}

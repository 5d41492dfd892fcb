import Foundation
import HeadroomSolver

/// The LP of one country's walls problem, with handles to read its solution.
///
/// Variables per year y and kind k: buy[y,k] ≤ supply[y,k] (thousands), run[y,k,w] ≥ 0, and
/// unmet[y,w] ≥ 0. Rows per year:
/// - fleet[y,k]: Σ_w run[y,k,w] − Σ buy[t,k] over the last `lifetime` years ≤ surviving starting fleet;
/// - power[y]: Σ_{k,w} run[y,k,w] · MW_k ≤ power available;
/// - demand[y,w]: Σ_k run[y,k,w] · capability_{k,w} / demand[y,w] + unmet[y,w] ≥ 1, with unmet[y,w]
///   the unmet share of that year's demand, 0…1.
///
/// Phase 1 minimises Σ unmet[y,w] (shares, so training and inference, and every year, weigh alike);
/// every year's unmet share is then at its own minimum, because buying is free in phase 1 and nothing
/// links one year's service to another's. Phase 2 fixes each unmet at its phase-1 value and minimises
/// the cost: capex of purchases plus energy of what runs. Unmet variables make every demand row
/// elastic, so the LP always has a solution.
public struct WallsProgram: Sendable {
  public var program: LinearProgram
  public let problem: CountryProblem
  public let variant: WallsVariant
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

  /// Builds the phase-1 program (minimise unmet demand shares).
  ///
  /// - Parameter named: whether variables and rows get names (`US.buy.2027.b300`); only exports need
  ///   them, and naming costs more than solving these small LPs.
  public init(_ problem: CountryProblem, variant: WallsVariant, named: Bool = false) {
    self.problem = problem
    self.variant = variant
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
      var buyRow: [Variable] = []
      var runRow: [[Variable]] = []
      // Chips unlimited: any quantity of the kinds obtainable that year, or of the starting fleet's
      // kinds when nothing is obtainable.
      let anyObtainable = problem.supply[y].contains { $0 > 0 }
      for k in kinds {
        let id = problem.kinds[k].id
        var limit = problem.supply[y][k]
        let obtainable = anyObtainable ? limit > 0 : problem.surviving[0][k] > 0
        if variant == .chipsUnlimited && obtainable { limit = .infinity }
        buyRow.append(program.addVariable(name("\(prefix).buy.\(year).\(id)"), upperBound: limit))
        runRow.append(Self.workloads.map { program.addVariable(name("\(prefix).run.\(year).\(id).\($0.rawValue)")) })
      }
      buy.append(buyRow)
      run.append(runRow)
      // Unmet demand is measured as a share of the year's demand (0…1), so every year weighs the
      // same in the objective however large its demand: demand grows by orders of magnitude over a
      // horizon, and costs of 1/demand would fall below the solver's tolerances.
      unmet.append(
        Self.workloads.map { workload in
          let demand = problem.demand[y][workload] ?? 0
          return program.addVariable(
            name("\(prefix).unmet.\(year).\(workload.rawValue)"), upperBound: demand > 0 ? 1 : 0, objective: 1)
        })
    }
    var fleet: [[Constraint]] = []
    var power: [Constraint?] = []
    var demandRows: [[Constraint]] = []
    for y in years {
      let year = problem.years[y]
      var fleetRow: [Constraint] = []
      for k in kinds {
        var terms = run[y][k].map { 1 * $0 }
        for t in max(0, y - problem.lifetime + 1)...y { terms.append(-1 * buy[t][k]) }
        fleetRow.append(
          program.addConstraint(name("\(prefix).fleet.\(year).\(problem.kinds[k].id)"), terms, .lessOrEqual, problem.surviving[y][k]))
      }
      fleet.append(fleetRow)
      if variant == .powerUnlimited {
        power.append(nil)
      } else {
        var terms: [LinearProgram.Term] = []
        for k in kinds where problem.kinds[k].megawattsPerThousand > 0 {
          for variable in run[y][k] { terms.append(problem.kinds[k].megawattsPerThousand * variable) }
        }
        power.append(program.addConstraint(name("\(prefix).power.\(year)"), terms, .lessOrEqual, problem.powerAvailable[y]))
      }
      demandRows.append(
        Self.workloads.enumerated().map { index, workload in
          // Σ run · capability / demand + unmet share ≥ 1 (the demand row divided by the demand).
          let demand = problem.demand[y][workload] ?? 0
          var terms: [LinearProgram.Term] = []
          if demand > 0 {
            for k in kinds {
              let capability = problem.kinds[k].capability(workload)
              if capability > 0 { terms.append(capability / demand * run[y][k][index]) }
            }
          }
          terms.append(1 * unmet[y][index])
          return program.addConstraint(
            name("\(prefix).demand.\(year).\(workload.rawValue)"), terms, .greaterOrEqual, demand > 0 ? 1 : 0)
        })
    }
    // Cumulative caps: Σ buy · H100e per unit (thousands) ≤ cap / 1,000 over the cap's years.
    // With chips unlimited the caps go too: they limit chips.
    for (index, cap) in problem.caps.enumerated() where variant != .chipsUnlimited {
      var terms: [LinearProgram.Term] = []
      for (y, year) in problem.years.enumerated() where (cap.fromYear...cap.toYear).contains(year) {
        for (k, h100e) in problem.h100Equivalents.enumerated() where h100e > 0 && problem.supply[y][k] > 0 {
          terms.append(h100e * buy[y][k])
        }
      }
      if !terms.isEmpty {
        program.addConstraint(name("\(prefix).cap.\(index)"), terms, .lessOrEqual, cap.h100Equivalents / 1000)
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

  /// The phase-2 program: each unmet variable held at its phase-1 value, cost minimised.
  ///
  /// Cost = Σ_y (1 + r)^−(y − first) · (Σ buy · price + Σ run · MW · energy cost per MW-year), the present
  /// value in millions of USD at the discount rate r; discounting also makes purchases come when needed
  /// rather than all in the first year.
  public func costPhase(unmetValues: [[Double]]) -> LinearProgram {
    let discountRate = problem.discountRate
    var program = self.program
    for variables in unmet {
      for variable in variables { program.setObjectiveCoefficient(0, for: variable) }
    }
    for (y, variables) in unmet.enumerated() {
      for (index, variable) in variables.enumerated() {
        let value = max(0, unmetValues[y][index])
        program.setBounds(of: variable, lower: value, upper: value + 1e-9 * max(1, value))
      }
    }
    for y in problem.years.indices {
      let factor = pow(1 + discountRate, -Double(y))
      for (k, kind) in problem.kinds.enumerated() {
        program.setObjectiveCoefficient(kind.priceMillionsPerThousand * factor, for: buy[y][k])
        for variable in run[y][k] {
          program.setObjectiveCoefficient(kind.megawattsPerThousand * problem.energyCostPerMegawattYear * factor, for: variable)
        }
      }
    }
    program.name = "walls-\(problem.country)-cost"
    return program
  }
}

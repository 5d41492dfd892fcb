import Foundation
import HeadroomModel
import HeadroomSolver

/// The LP of one country's walls problem, with handles to read its solution.
///
/// In model units (thousands of accelerators, MW, thousands of H100e, shares of demand), per year y
/// and kind k: buy[y,k] ≤ supply[y,k], run[y,k,w] ≥ 0, served[y,w] ∈ [0, demand[y,w]] and, with a
/// fair split, z[y] ∈ [0, 1], with rows
/// - fleet[y,k]: Σ_w run[y,k,w] − Σ buy[t,k] over the last `lifetime` years ≤ surviving base stock;
/// - power[y]: Σ_{k,w} run[y,k,w] · MW_k − Σ_o firm_o · onSite[y,o] ≤ power available, with
///   onSite[y,o] ∈ [0, buildable[y,o]] MW of nameplate of each behind-the-meter option;
/// - onSite[y,o] ≥ onSite[y−1,o] (what is built stays built; whole-horizon programs only: a one-year
///   slice may take any amount up to what can be built by then, and the running maximum of the
///   slices' values is then a build plan with the same service);
/// - demand[y,w]: Σ_k run[y,k,w] · H100e_{k,w} − served[y,w] ≥ 0;
/// - fair[y,w] (max-min and proportional splits): served[y,w] / demand[y,w] ≥ z[y] (= z[y] when proportional).
///
/// The LP is written in the per-year units of ``WallsScaling`` (buy and run in units of `fleet[y]`
/// thousand, the power row in units of `power[y]` MW, served in units of `served[y][w]` thousand H100e,
/// z in units of `fairShare[y]`), which keeps its coefficients near 1; ``values(of:stage:)`` converts back.
///
/// Phase 1 solves the stages of ``CountryProblem/stages(_:)`` in order, each holding what the
/// earlier ones reached (``holding(_:)``): the split policy is in the LP, so a shortage is shared by
/// rule, never by whichever vertex the simplex lands on. Buying is free in phase 1, so without
/// purchase caps the years are independent and can be solved apart
/// (``CountryProblem/yearSlice(_:variant:)``). Phase 2 (``WallsCostPhase``) holds each unmet share at
/// its phase-1 value and minimises the cost. Unmet variables make every demand row elastic, so the
/// LP always has a solution.
public struct WallsProgram: Sendable {
  public var program: LinearProgram
  public let problem: CountryProblem
  public let variant: WallsVariant
  public let scaling: WallsScaling
  /// Whether each year's objective is divided by its largest coefficient (one-year programs only:
  /// it changes the optimum of a whole-horizon program, whose years then weigh differently).
  public let weighYearsApart: Bool
  /// [year][kind]
  public let buy: [[Variable]]
  /// [year][kind][workload index]
  public let run: [[[Variable]]]
  /// [year][workload index] demand served.
  public let served: [[Variable]]
  /// [year] the fair share z; nil without fair-share rows.
  public let fair: [Variable?]
  /// [year][kind]
  public let fleet: [[Constraint]]
  /// [year][option] MW of behind-the-meter nameplate in service; empty when power is unlimited.
  public let onSite: [[Variable]]
  /// [year]; nil when power is unlimited.
  public let power: [Constraint?]
  /// [year][workload index]
  public let demand: [[Constraint]]

  static let workloads = Workload.allCases

  /// The index of a workload in the program's arrays.
  public static func index(of workload: Workload) -> Int { workload == .training ? 0 : 1 }

  /// A scaled dual or reduced cost beyond this is taken as proof that a bound or row binds at every
  /// optimum (CLP's own dual tolerance is 1e-7).
  static let clearlyNonzero = 1e-6

  /// Builds the program of a variant, with the objective of `stage`.
  ///
  /// - Parameters:
  ///   - named: whether variables and rows get names (`US.buy.2027.b300`); only exports need them,
  ///     and naming costs more than solving these small LPs.
  ///   - weighYearsApart: see ``weighYearsApart``.
  public init(
    _ problem: CountryProblem, variant: WallsVariant, stage: WallsStage? = nil, named: Bool = false,
    weighYearsApart: Bool = false
  ) {
    self.problem = problem
    self.variant = variant
    self.weighYearsApart = weighYearsApart
    let scaling = WallsScaling(problem, variant: variant)
    self.scaling = scaling
    let years = problem.years.indices
    let kinds = problem.kinds.indices
    let hasFair = problem.hasFairShare(variant)
    var program = LinearProgram(name: "walls-\(problem.country)-\(variant.rawValue)", sense: .minimize)
    let count = years.count * kinds.count
    program.reserveCapacity(
      variables: count * 3 + years.count * 3, constraints: count + years.count * 5,
      entries: count * (3 + problem.lifetime) + count * 4 + years.count * 4)
    let prefix = problem.country
    func name(_ text: @autoclosure () -> String) -> String? { named ? text() : nil }
    var buy: [[Variable]] = []
    var run: [[[Variable]]] = []
    var served: [[Variable]] = []
    var fair: [Variable?] = []
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
        runRow.append(
          Self.workloads.map { program.addVariable(name("\(prefix).run.\(year).\(id).\($0.rawValue)")) })
      }
      buy.append(buyRow)
      run.append(runRow)
      served.append(
        Self.workloads.indices.map { w in
          program.addVariable(
            name("\(prefix).served.\(year).\(Self.workloads[w].rawValue)"),
            upperBound: problem.demand[y][w] / scaling.served[y][w])
        })
      fair.append(
        hasFair ? program.addVariable(name("\(prefix).fair.\(year)"), upperBound: 1 / scaling.fairShare[y]) : nil)
    }
    var onSite: [[Variable]] = []
    if variant != .powerUnlimited {
      for y in years {
        onSite.append(
          problem.onSite.map { option in
            program.addVariable(
              name("\(prefix).onsite.\(problem.years[y]).\(option.id)"),
              upperBound: option.buildable[y] / scaling.power[y])
          })
      }
      for y in years.dropFirst() {
        for o in problem.onSite.indices {
          // onSite[y] − onSite[y−1] ≥ 0 in MW, divided by the larger of the two scales.
          let largest = max(scaling.power[y], scaling.power[y - 1])
          program.addConstraint(
            name("\(prefix).built.\(problem.years[y]).\(problem.onSite[o].id)"),
            [(scaling.power[y] / largest) * onSite[y][o], -(scaling.power[y - 1] / largest) * onSite[y - 1][o]],
            .greaterOrEqual, 0)
        }
      }
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
        for k in kinds where problem.kinds[k].runs {
          let coefficient = problem.kinds[k].megawattsPerThousand * fleetScale / powerScale
          for variable in run[y][k] { terms.append(coefficient * variable) }
        }
        for (o, option) in problem.onSite.enumerated() { terms.append(-option.firmShare * onSite[y][o]) }
        power.append(
          program.addConstraint(
            name("\(prefix).power.\(year)"), terms, .lessOrEqual, problem.powerAvailable[y] / powerScale))
      }
      demandRows.append(
        Self.workloads.indices.map { w in
          // Σ run · capability − served ≥ 0, in units of the served scale.
          var terms: [LinearProgram.Term] = []
          if problem.demand[y][w] > 0 {
            for k in kinds {
              let capability = problem.kinds[k].capability[w]
              if capability > 0 { terms.append(capability * fleetScale / scaling.served[y][w] * run[y][k][w]) }
            }
          }
          terms.append(-1 * served[y][w])
          return program.addConstraint(
            name("\(prefix).demand.\(year).\(Self.workloads[w].rawValue)"), terms, .greaterOrEqual, 0)
        })
      // Fair share: served share of each demanded workload ≥ z (= z when proportional), i.e.
      // served · scale / demand − fairShare · z ≥ 0, divided by its largest coefficient.
      if let z = fair[y] {
        for w in Self.workloads.indices where problem.demand[y][w] > 0 {
          let servedCoefficient = scaling.served[y][w] / problem.demand[y][w]
          let fairCoefficient = scaling.fairShare[y]
          let largest = max(servedCoefficient, fairCoefficient)
          program.addConstraint(
            name("\(prefix).fair.\(year).\(Self.workloads[w].rawValue)"),
            [(servedCoefficient / largest) * served[y][w], -(fairCoefficient / largest) * z],
            problem.split == .proportional ? .equal : .greaterOrEqual, 0)
        }
      }
    }
    // Cumulative caps: Σ buy · H100e per unit ≤ cap, as a fraction of the cap. With chips unlimited
    // the caps go too: they limit chips.
    for (index, cap) in problem.caps.enumerated() where variant != .chipsUnlimited {
      let capThousands = cap.h100Equivalents / 1000
      let capScale = capThousands > 0 ? capThousands : 1
      var terms: [LinearProgram.Term] = []
      for (y, year) in problem.years.enumerated() where (cap.fromYear...cap.toYear).contains(year) {
        for (k, h100e) in problem.tppH100Equivalents.enumerated() where h100e > 0 && problem.supply[y][k] > 0 {
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
        for w in Self.workloads.indices where kind.capability[w] <= 0 || !kind.runs {
          program.setBounds(of: run[y][k][w], lower: 0, upper: 0)
        }
      }
    }
    self.program = program
    self.buy = buy
    self.run = run
    self.served = served
    self.fair = fair
    self.fleet = fleet
    self.onSite = onSite
    self.power = power
    self.demand = demandRows
    if let stage { self.program = objective(stage) }
  }

  /// What the served H100e of a year changes by per unit of a stage's objective (before the year's
  /// weight), in thousands of H100e: the natural objectives are −z (fair share), −total served as a
  /// share of total demand, and −one workload's served share.
  func servedPerObjective(_ stage: WallsStage, year y: Int) -> Double {
    switch stage {
    case .fairShare, .totalServed: -problem.totalDemand(y)
    case .workload(let w): -problem.demand[y][w]
    }
  }

  /// The natural objective coefficients of a stage in year `y`: of z, and of each served variable
  /// (the objectives are −z, −total served / total demand and −one workload's served share).
  func coefficients(_ stage: WallsStage, year y: Int) -> (fair: Double, served: [Double]) {
    let total = problem.totalDemand(y)
    switch stage {
    case .fairShare:
      return (-scaling.fairShare[y], Self.workloads.indices.map { _ in 0 })
    case .totalServed:
      return (0, Self.workloads.indices.map { w in total > 0 ? -scaling.served[y][w] / total : 0 })
    case .workload(let target):
      return (
        0,
        Self.workloads.indices.map { w in
          w == target && problem.demand[y][w] > 0 ? -scaling.served[y][w] / problem.demand[y][w] : 0
        }
      )
    }
  }

  /// The factor a year's objective is multiplied by for a stage (1 unless ``weighYearsApart``).
  func yearWeight(_ stage: WallsStage, year y: Int) -> Double {
    guard weighYearsApart else { return 1 }
    let (fairCoefficient, servedCoefficients) = coefficients(stage, year: y)
    let largest = max(abs(fairCoefficient), servedCoefficients.map(abs).max() ?? 0)
    return largest > 0 ? 1 / largest : 1
  }

  /// The program with a stage's objective (every other objective coefficient zero).
  public func objective(_ stage: WallsStage) -> LinearProgram {
    var result = program
    for y in problem.years.indices {
      let weight = yearWeight(stage, year: y)
      let (fairCoefficient, servedCoefficients) = coefficients(stage, year: y)
      if let z = fair[y] { result.setObjectiveCoefficient(fairCoefficient * weight, for: z) }
      for (w, variable) in served[y].enumerated() {
        result.setObjectiveCoefficient(servedCoefficients[w] * weight, for: variable)
      }
    }
    return result
  }

  /// A program whose later stages hold what an earlier stage reached: the fair share, or a
  /// workload's served share, at least its value (less `slack` of it).
  public func holding(_ solution: WallsSolution, after stage: WallsStage, in base: LinearProgram, slack: Double = 1e-9)
    -> LinearProgram
  {
    var result = base
    for y in problem.years.indices {
      switch stage {
      case .fairShare:
        guard let z = fair[y] else { continue }
        let reached = solution.fairShare[y] / scaling.fairShare[y]
        result.setBounds(of: z, lower: max(0, reached * (1 - slack)), upper: 1 / scaling.fairShare[y])
      case .workload(let w):
        let reached = solution.servedShare[y][w] * problem.demand[y][w] / scaling.served[y][w]
        result.setBounds(
          of: served[y][w], lower: max(0, reached * (1 - slack)), upper: result.upperBound(of: served[y][w]))
      case .totalServed:
        continue
      }
    }
    return result
  }

  /// A solution of ``program`` (or of a program derived from it) in model units; duals are read as
  /// derivatives of `stage`'s objective and turned into served H100e.
  public func values(of solution: Solution, stage: WallsStage) -> WallsSolution {
    let primal = solution.primal
    let duals = solution.duals
    let reducedCosts = solution.reducedCosts
    let hasDuals = !duals.isEmpty
    let years = problem.years.indices
    let kinds = problem.kinds.indices
    // ∂(served, thousand H100e)/∂(rhs in model units) = servedPerObjective × dual / (weight × row scale).
    func gain(_ dual: Double, year y: Int, rowScale: Double) -> Double {
      servedPerObjective(stage, year: y) * dual / (yearWeight(stage, year: y) * rowScale)
    }
    return WallsSolution(
      servedShare: years.map { y in
        served[y].enumerated().map { w, variable in
          let demand = problem.demand[y][w]
          return demand > 0 ? min(1, max(0, primal[variable.index]) * scaling.served[y][w] / demand) : 1
        }
      },
      fairShare: years.map { y in fair[y].map { max(0, primal[$0.index]) * scaling.fairShare[y] } ?? 0 },
      run: years.map { y in kinds.map { k in run[y][k].map { max(0, primal[$0.index]) * scaling.fleet[y] } } },
      buy: years.map { y in kinds.map { k in max(0, primal[buy[y][k].index]) * scaling.fleet[y] } },
      onSite: years.map { y in
        onSite.isEmpty ? [] : onSite[y].map { max(0, primal[$0.index]) * scaling.power[y] }
      },
      powerShadow: years.map { y in
        guard hasDuals, let row = power[y] else { return 0 }
        return max(0, gain(duals[row.index], year: y, rowScale: scaling.power[y]))
      },
      fleetShadow: years.map { y in
        kinds.map { k in hasDuals ? max(0, gain(duals[fleet[y][k].index], year: y, rowScale: scaling.fleet[y])) : 0 }
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

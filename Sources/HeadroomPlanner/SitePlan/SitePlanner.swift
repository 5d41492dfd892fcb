import HeadroomModel
import HeadroomSolver

/// Solves a ``SitePlanProblem`` and reads the plan.
///
/// The model is ``SitePlanProgram``: costs plus penalties on unmet demand, with elastic demand
/// rows, so a plan that cannot meet its workloads still solves and says what is short. A solver's
/// relative gap taken on an objective the penalties dominate would leave slivers of demand unserved
/// and lose the cost in the noise, so the MIP is solved in two phases:
///
/// 1. Service: the penalties alone, to a tight gap (``serviceGap``): the least shortfall, 0 when
///    every workload can be met, which is then proven at once.
/// 2. Cost: each demand slack held at its phase-1 value and the penalties dropped; capex plus energy
///    minimised to the requested gap and time limit. Its status and gap are the plan's.
/// 3. When something is short, a diagnosis: the main MIP re-solved on its penalties with one limit relaxed at a time
///    (site power, racks, supply caps, export rules; each soft at ``SitePlanProgram/limitPenalty``
///    per unit), then all of them together if no single one suffices. A limit whose relaxation removes
///    a shortfall binds it; how far past the limit the relaxed plan goes is what is short (MW, racks,
///    systems). MIPs have no duals, which is why the limits are tested this way.
///
/// For example:
/// ```swift
/// let problem = try SitePlanProblem(catalog: catalog, site: site, workloads: workloads, years: 2026...2030)
/// let plan = try SitePlanner(solver: CoinORSolver()).plan(problem)
/// plan.statusText          // "optimal"
/// plan.shortfalls.first?.explanation
/// ```
public struct SitePlanner: Sendable {
  public var solver: any LinearSolver
  /// Options of the cost phase (time limit and relative gap); the service phase gets a quarter of
  /// the time limit, each diagnosis solve an eighth.
  public var options: SolveOptions
  /// Whether to run the diagnosis solves when something is short.
  public var explainShortfalls: Bool

  /// A shortfall below this share of its workload's requirement counts as met.
  public static let shortfallTolerance = 1e-6
  /// 30 s and a 0.1 % gap.
  public static let defaultOptions = SolveOptions(timeLimit: .seconds(30), relativeGap: 1e-3)

  public init(solver: any LinearSolver, options: SolveOptions = Self.defaultOptions, explainShortfalls: Bool = true) {
    self.solver = solver
    self.options = options
    self.explainShortfalls = explainShortfalls
  }

  /// The MIP with costs and penalties together (what `--export-mps` writes); its optimum is the
  /// plan's ``SitePlan/objective`` within the plan's gap.
  public func program(for problem: SitePlanProblem) -> SitePlanProgram { SitePlanProgram(problem) }

  /// Solves the problem and reads the plan.
  ///
  /// - Throws: ``SitePlanError/solverFailed(status:message:)`` when the solver returns no plan at
  ///   all (for example a time limit reached before any integer solution); ``LinearProgramError``
  ///   for a malformed model.
  public func plan(_ problem: SitePlanProblem) throws -> SitePlan {
    let main = SitePlanProgram(problem)
    // 1. The least shortfall, on the penalties alone (0 when every workload can be met).
    let service = try solver.solve(
      Self.penaltiesOnly(main.program, suffix: "service"),
      options: SolveOptions(timeLimit: share(0.25), relativeGap: Self.serviceGap))
    var final: Solution
    if service.hasPrimalSolution {
      // 2. The least cost with each shortfall held at that value.
      var phase = main.program
      phase.name += "-cost"
      for (row, requirement) in main.demandRows {
        guard let slack = main.slack(of: row) else { continue }
        // A row the service phase met stays met; a short row may fall short by its phase-1 amount, no more.
        let value = service.primal[slack.index]
        phase.setObjectiveCoefficient(0, for: slack)
        phase.setBounds(
          of: slack, lower: 0, upper: value > Self.shortfallTolerance * requirement ? value * (1 + 1e-9) : 0)
      }
      final = try solver.solve(phase, options: options)
    } else {
      final = service
    }
    if !final.hasPrimalSolution {
      // No plan from the phases within their limits: the main MIP in one go.
      final = try solver.solve(main.program, options: options)
    }
    guard final.hasPrimalSolution else {
      throw SitePlanError.solverFailed(status: final.status.description, message: final.message)
    }
    let shares = Self.shortShares(main, final)
    var diagnoses: [SitePlan.Diagnosis] = []
    var removedBy: [[SitePlanProgram.Relaxation]] = shares.map { _ in [] }
    if explainShortfalls && shares.contains(where: { $0 > Self.shortfallTolerance }) {
      (diagnoses, removedBy) = try diagnose(problem, shares: shares)
    }
    return SitePlanReader(problem: problem, program: main, solution: final).plan(
      diagnoses: diagnoses, removedBy: removedBy)
  }

  /// The relative gap of the service phase, whose objective is the shortfall itself: tight.
  static let serviceGap = 1e-6
  /// The relative gap of the diagnosis solves (penalties on shortfalls and on going past relaxed
  /// limits): 1 %, so the amounts needed are exact to about 1 % and a shortfall a relaxation removes
  /// is left at most about 10^-8 of a workload per unit needed.
  static let diagnosisGap = 1e-2
  /// A relaxation removes a shortfall when what is left is below this share of the workload.
  public static let diagnosisTolerance = 1e-4

  /// A share of the time limit (at least 1 s), for the phases after the main solve.
  func share(_ fraction: Double) -> Swift.Duration? {
    options.timeLimitSeconds.map { .milliseconds(Int(representing: max(1, $0 * fraction) * 1000) ?? Int.max) }
  }

  /// The program with every cost set to 0, leaving the penalties of its soft rows.
  static func penaltiesOnly(_ program: LinearProgram, suffix: String) -> LinearProgram {
    var result = program
    result.name += "-\(suffix)"
    for variable in program.variables where !program.isSlack(variable) {
      result.setObjectiveCoefficient(0, for: variable)
    }
    return result
  }

  /// The limits worth relaxing for a problem: power and racks always; supply caps and export rules
  /// when the problem has them.
  static func relevantRelaxations(_ problem: SitePlanProblem) -> [SitePlanProgram.Relaxation] {
    var result: [SitePlanProgram.Relaxation] = [.power, .racks]
    if problem.supplyCaps.contains(where: { $0.contains { $0 != nil } }) { result.append(.supply) }
    if problem.systems.contains(where: { $0.decisions.contains(.denied) }) { result.append(.rules) }
    return result
  }

  /// Re-solves with each limit relaxed, then all together when no single one removes every shortfall.
  func diagnose(_ problem: SitePlanProblem, shares: [Double]) throws
    -> ([SitePlan.Diagnosis], [[SitePlanProgram.Relaxation]])
  {
    let diagnosisOptions = SolveOptions(timeLimit: share(0.125), relativeGap: Self.diagnosisGap)
    let before = shares.reduce(0, +)
    var diagnoses: [SitePlan.Diagnosis] = []
    var removedBy: [[SitePlanProgram.Relaxation]] = shares.map { _ in [] }
    let relevant = Self.relevantRelaxations(problem)
    for relaxation in relevant {
      guard let (diagnosis, after) = try relaxedSolve(problem, [relaxation], before: before, diagnosisOptions) else {
        continue
      }
      diagnoses.append(diagnosis)
      for (k, share) in shares.enumerated() where share > Self.shortfallTolerance && after[k] <= Self.diagnosisTolerance
      {
        removedBy[k].append(relaxation)
      }
    }
    if !diagnoses.contains(where: \.removesAll), relevant.count > 1,
      let (diagnosis, _) = try relaxedSolve(problem, relevant, before: before, diagnosisOptions)
    {
      diagnoses.append(diagnosis)
    }
    return (diagnoses, removedBy)
  }

  /// One diagnosis solve: the shortfall shares left and how far past each relaxed limit the plan went.
  func relaxedSolve(
    _ problem: SitePlanProblem, _ relaxations: [SitePlanProgram.Relaxation], before: Double, _ options: SolveOptions
  ) throws -> (SitePlan.Diagnosis, [Double])? {
    let variant = SitePlanProgram(problem, relaxing: Set(relaxations))
    let solution = try solver.solve(Self.penaltiesOnly(variant.program, suffix: "diagnosis"), options: options)
    guard solution.hasPrimalSolution else { return nil }
    let after = Self.shortShares(variant, solution)
    var needs: [SitePlan.Need] = []
    for (y, row) in variant.power.enumerated() {
      let over = solution.shortfall(of: row)
      if over > 1e-6 {
        needs.append(.init(relaxation: .power, year: problem.years[y], subject: nil, amount: over, unit: "MW"))
      }
    }
    for (h, row) in variant.racks.enumerated() {
      guard let row else { continue }
      let over = solution.shortfall(of: row)
      if over > 1e-6 {
        needs.append(.init(relaxation: .racks, year: nil, subject: problem.halls[h].id, amount: over, unit: "racks"))
      }
    }
    for (y, row) in variant.purchases.enumerated() {
      for (s, entry) in row.enumerated() {
        guard let entry else { continue }
        let over = solution.shortfall(of: entry.row)
        if over > 1e-6 {
          needs.append(
            .init(
              relaxation: entry.limit == .rules ? .rules : .supply, year: problem.years[y],
              subject: problem.systems[s].id,
              amount: over, unit: "systems"))
        }
      }
    }
    let diagnosis = SitePlan.Diagnosis(
      relaxations: relaxations, shortShareBefore: before, shortShareAfter: after.reduce(0, +), needs: needs)
    return (diagnosis, after)
  }

  /// The shortfall of every demand row as a share of its requirement, in ``SitePlanProgram/demandRows`` order.
  static func shortShares(_ program: SitePlanProgram, _ solution: Solution) -> [Double] {
    program.demandRows.map { row, requirement in
      requirement > 0 ? solution.shortfall(of: row) / requirement : 0
    }
  }
}

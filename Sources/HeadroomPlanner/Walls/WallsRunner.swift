import Foundation
import HeadroomSolver

/// Solves the walls model: per country, the joint model (two phases), the chips-unlimited model and
/// the power-unlimited model, countries in parallel (their LPs are independent once supply is allocated).
///
/// Phase 1 and the relaxations are solved one year at a time when the years are independent
/// (``CountryProblem/yearsAreIndependent(_:)``); the cost phase is one LP over the horizon
/// (``WallsCostPhase``).
public struct WallsRunner: Sendable {
  public var solver: any LinearSolver
  public var solverName: String
  /// Whether to run the cost phase (sweeps skip it: walls come from phase 1).
  public var costPhase: Bool
  /// Unmet share above which a year counts as short.
  public static let tolerance = 1e-6

  /// Options for each LP solve.
  public var options = SolveOptions.default

  public init(solver: any LinearSolver, solverName: String = "COIN-OR CLP", costPhase: Bool = true) {
    self.solver = solver
    self.solverName = solverName
    self.costPhase = costPhase
  }

  /// A solve that did not reach an optimum (the model is elastic, so this means a solver failure).
  public struct Failure: Error, CustomStringConvertible {
    public var country: String
    public var variant: String
    public var status: String
    public var description: String { "the \(variant) walls LP for \(country) ended \(status)" }
  }

  /// Solves many countries concurrently (their LPs are independent), in input order.
  public func solveCountries(_ problems: [CountryProblem]) throws -> [WallsResult.Country] {
    let results = ResultBox<WallsResult.Country>(count: problems.count)
    DispatchQueue.concurrentPerform(iterations: problems.count) { index in
      results.set(index, Result { try solveCountry(problems[index]) })
    }
    return try results.values()
  }

  /// Runs every country; countries are solved concurrently.
  public func run(_ input: WallsInput) throws -> WallsResult {
    let countries = try solveCountries(input.problems)
    var notes: [String] = []
    if !input.excludedKinds.isEmpty {
      notes.append(
        "Kinds that cannot run: "
          + input.excludedKinds.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; "))
    }
    if !input.imputedPrices.isEmpty {
      notes.append(
        "Prices imputed from the H100's price per training TFLOP/s: " + input.imputedPrices.joined(separator: ", "))
    }
    return WallsResult(
      scenario: input.scenario.id, countries: countries, objective: countries.map(\.costMillions).reduce(0, +),
      solverName: solverName, notes: notes)
  }

  /// The cost-phase programs of every country, as solved, for export as one LP.
  public func costPrograms(_ input: WallsInput) throws -> [LinearProgram] {
    try input.problems.map { try costPhase($0, firstPhase($0, .joint), named: true).program }
  }

  func check(_ solution: Solution, _ problem: CountryProblem, _ variant: String) throws -> Solution {
    guard solution.status == .optimal else {
      throw Failure(country: problem.country, variant: variant, status: solution.status.rawValue)
    }
    return solution
  }

  /// Solves the first phase of a variant (minimise unmet shares): one small LP per year when the
  /// years are independent, else one LP over the horizon.
  func firstPhase(_ problem: CountryProblem, _ variant: WallsVariant) throws -> WallsSolution {
    guard problem.yearsAreIndependent(variant) else {
      let program = WallsProgram(problem, variant: variant)
      return program.values(of: try check(solver.solve(program.program, options: options), problem, variant.rawValue))
    }
    return WallsSolution(
      years: try problem.years.indices.map { try yearOfFirstPhase(problem, variant, $0) }, of: problem)
  }

  /// The first phase of one year of a variant whose years are independent.
  func yearOfFirstPhase(_ problem: CountryProblem, _ variant: WallsVariant, _ y: Int) throws -> WallsSolution {
    let program = WallsProgram(problem.yearSlice(y, variant: variant), variant: variant, weighYearsApart: true)
    // Presolve costs more than these one-year LPs take to solve (0.9 ms against 0.2 ms for a joint
    // year of the synthetic model), except without a power row, where it leaves almost nothing to
    // solve and the dual simplex alone would take ~150 iterations (0.4 ms against 2 ms).
    var small = options
    small.presolve = variant == .powerUnlimited
    return program.values(of: try check(solver.solve(program.program, options: small), problem, variant.rawValue))
  }

  /// The first year, from year index `start` on, in which a variant leaves demand unmet.
  func firstShortYear(_ problem: CountryProblem, _ variant: WallsVariant, from start: Int) throws -> Int? {
    if problem.yearsAreIndependent(variant) {
      for y in start..<problem.years.count where Self.isShort(try yearOfFirstPhase(problem, variant, y).unmet[0]) {
        return problem.years[y]
      }
      return nil
    }
    return Self.firstShortIndex(try firstPhase(problem, variant)).map { problem.years[$0] }
  }

  /// Index of the first year whose unmet share exceeds the tolerance.
  static func firstShortIndex(_ solution: WallsSolution) -> Int? {
    solution.unmet.firstIndex(where: isShort)
  }

  /// Whether a year's unmet shares (per workload) leave it short.
  static func isShort(_ unmet: [Double]) -> Bool { shortShare(unmet) > tolerance }

  /// The unmet share of a year, averaged over the workloads.
  static func shortShare(_ unmet: [Double]) -> Double {
    unmet.reduce(0, +) / Double(Workload.allCases.count)
  }

  /// Solves the cost phase (``WallsCostPhase``).
  ///
  /// The unmet shares are held to within 1e-9 of what the year could serve, which can sit inside
  /// CLP's own feasibility tolerance (1e-7): if CLP calls the program infeasible, it is solved again
  /// with the unmet shares held to within 1e-7.
  func costPhase(_ problem: CountryProblem, _ phaseOne: WallsSolution, named: Bool = false) throws
    -> (program: LinearProgram, values: WallsSolution, cost: Double)
  {
    let joint = WallsProgram(problem, variant: .joint, named: named)
    var phase = WallsCostPhase(joint, unmetShares: phaseOne.unmet, phaseOne: phaseOne)
    var solution = try solver.solve(phase.program, options: options)
    if solution.status == .infeasible {
      phase = WallsCostPhase(joint, unmetShares: phaseOne.unmet, phaseOne: phaseOne, slack: 1e-7)
      solution = try solver.solve(phase.program, options: options)
    }
    _ = try check(solution, problem, "cost-phase")
    return (phase.program, joint.values(of: solution), solution.objective)
  }

  /// Solves one country: the joint model (both phases) and the two relaxations.
  public func solveCountry(_ problem: CountryProblem) throws -> WallsResult.Country {
    let phaseOne = try firstPhase(problem, .joint)
    let shortIndex = Self.firstShortIndex(phaseOne)
    let short = shortIndex.map { problem.years[$0] }
    // Each relaxation serves at least what the joint model serves, year by year, so neither is short
    // before the joint model is: search for the walls from its first short year on.
    var powerWall: Int?
    var chipWall: Int?
    if let start = shortIndex {
      powerWall = try firstShortYear(problem, .chipsUnlimited, from: start)
      chipWall = try firstShortYear(problem, .powerUnlimited, from: start)
    }
    var final = phaseOne
    var cost = 0.0
    if costPhase {
      (_, final, cost) = try self.costPhase(problem, phaseOne)
    }
    var binding = WallsResult.Binding.none
    if let short, let y = shortIndex {
      let powerDual = -phaseOne.powerDuals[y]
      let chipDual = phaseOne.fleetDuals[y].map { -$0 }.max() ?? 0
      switch (powerDual > 1e-12, chipDual > 1e-12) {
      case (true, true): binding = .both
      case (true, false): binding = .power
      case (false, true): binding = .chip
      case (false, false):
        binding = powerWall == short ? (chipWall == short ? .both : .power) : (chipWall == short ? .chip : .both)
      }
    }
    var years: [WallsResult.Year] = []
    var purchases: [String: Double] = [:]
    for (y, year) in problem.years.enumerated() {
      let demandT = problem.demand[y][.training] ?? 0
      let demandI = problem.demand[y][.inference] ?? 0
      var running = 0.0
      var bought = 0.0
      var owned = 0.0
      var powerUsed = 0.0
      var best: (kind: Int, capability: Double)?
      for (k, kind) in problem.kinds.enumerated() {
        let runs = final.run[y][k].reduce(0, +)
        running += runs
        powerUsed += runs * kind.megawattsPerThousand
        let purchase = final.buy[y][k]
        bought += purchase
        if purchase > 1e-9 { purchases[kind.id, default: 0] += purchase * 1000 }
        owned += problem.surviving[y][k] + problem.window(of: y).map { final.buy[$0][k] }.reduce(0, +)
        let capability = kind.trainingPetaflopsPerThousand
        if problem.supply[y][k] > 0, kind.megawattsPerThousand > 0, capability > (best?.capability ?? 0) {
          best = (k, capability)
        }
      }
      // Duals are ∂(Σ unmet shares)/∂rhs (≤ 0 for binding capacity rows): negate for share served.
      let powerShadow = -phaseOne.powerDuals[y]
      let chipShadow = best.map { -phaseOne.fleetDuals[y][$0.kind] * 10 } ?? 0
      years.append(
        WallsResult.Year(
          year: year, trainingDemand: demandT, inferenceDemand: demandI,
          trainingServed: demandT * (1 - phaseOne.unmet[y][0]), inferenceServed: demandI * (1 - phaseOne.unmet[y][1]),
          unmetShare: Self.shortShare(phaseOne.unmet[y]), powerUsedMW: powerUsed,
          powerAvailableMW: problem.powerAvailable[y], acceleratorsRunning: running * 1000,
          acceleratorsAvailable: owned * 1000, acceleratorsBought: bought * 1000,
          powerShadowPrice: max(0, powerShadow), chipShadowPrice: max(0, chipShadow),
          chipShadowKind: best.map { problem.kinds[$0.kind].id }))
    }
    return WallsResult.Country(
      country: problem.country, powerWallYear: powerWall, chipWallYear: chipWall, firstShortYear: short,
      bindingWall: binding, costMillions: cost, years: years, purchases: purchases)
  }
}

/// Results written from concurrent iterations, one slot each.
final class ResultBox<Value>: @unchecked Sendable {
  private var slots: [Result<Value, any Error>?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<Value, any Error>) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() throws -> [Value] { try slots.map { try $0!.get() } }
}

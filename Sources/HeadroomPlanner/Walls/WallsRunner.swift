import Foundation
import HeadroomSolver

/// Solves the walls model: per country, the joint model (two phases), the chips-unlimited model and
/// the power-unlimited model, countries in parallel (their LPs are independent once supply is allocated).
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
        "Kinds that cannot run: " + input.excludedKinds.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; "))
    }
    if !input.imputedPrices.isEmpty {
      notes.append("Prices imputed from the H100's price per training TFLOP/s: " + input.imputedPrices.joined(separator: ", "))
    }
    return WallsResult(
      scenario: input.scenario.id, countries: countries, objective: countries.map(\.costMillions).reduce(0, +),
      solverName: solverName, notes: notes)
  }

  /// The cost-phase programs of every country, for export as one LP.
  public func costPrograms(_ input: WallsInput) throws -> [LinearProgram] {
    try input.problems.map { problem in
      let joint = WallsProgram(problem, variant: .joint, named: true)
      let phase1 = try check(solver.solve(joint.program, options: options), problem, "joint")
      return joint.costPhase(unmetValues: joint.unmet.map { $0.map { phase1.primal[$0.index] } })
    }
  }

  func check(_ solution: Solution, _ problem: CountryProblem, _ variant: String) throws -> Solution {
    guard solution.status == .optimal else {
      throw Failure(country: problem.country, variant: variant, status: solution.status.rawValue)
    }
    return solution
  }

  /// First year whose unmet share exceeds the tolerance.
  static func firstShortYear(_ program: WallsProgram, _ solution: Solution) -> Int? {
    for (y, year) in program.problem.years.enumerated() where shortShare(program, solution, y) > tolerance {
      return year
    }
    return nil
  }

  static func shortShare(_ program: WallsProgram, _ solution: Solution, _ y: Int) -> Double {
    let total = program.unmet[y].map { max(0, solution.primal[$0.index]) }.reduce(0, +)
    return total / Double(Workload.allCases.count)
  }

  /// Solves one country: the joint model (both phases) and the two relaxations.
  public func solveCountry(_ problem: CountryProblem) throws -> WallsResult.Country {
    let joint = WallsProgram(problem, variant: .joint)
    let phase1 = try check(solver.solve(joint.program, options: options), problem, "joint")
    let short = Self.firstShortYear(joint, phase1)
    // Each relaxation serves at least what the joint model serves, so when the joint model is never
    // short neither is short: both walls lie beyond the horizon without solving them.
    var powerWall: Int?
    var chipWall: Int?
    if short != nil {
      let chipsFree = WallsProgram(problem, variant: .chipsUnlimited)
      let powerFree = WallsProgram(problem, variant: .powerUnlimited)
      powerWall = Self.firstShortYear(chipsFree, try check(solver.solve(chipsFree.program, options: options), problem, "chips-unlimited"))
      chipWall = Self.firstShortYear(powerFree, try check(solver.solve(powerFree.program, options: options), problem, "power-unlimited"))
    }
    var final = phase1
    var cost = 0.0
    if costPhase {
      let unmetValues = joint.unmet.map { $0.map { phase1.primal[$0.index] } }
      // The phase-1 optimum is feasible for the cost phase (only costs and the unmet bounds change), so
      // the cost phase starts from its basis.
      var warm = options
      warm.warmStart = phase1.basis
      final = try check(solver.solve(joint.costPhase(unmetValues: unmetValues), options: warm), problem, "cost-phase")
      cost = final.objective
    }
    var binding = WallsResult.Binding.none
    if let short, let y = problem.years.firstIndex(of: short) {
      let powerDual = joint.power[y].map { -phase1.duals[$0.index] } ?? 0
      let chipDual = joint.fleet[y].map { -phase1.duals[$0.index] }.max() ?? 0
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
        let runs = joint.run[y][k].map { final.primal[$0.index] }.reduce(0, +)
        running += runs
        powerUsed += runs * kind.megawattsPerThousand
        let purchase = final.primal[joint.buy[y][k].index]
        bought += purchase
        if purchase > 1e-9 { purchases[kind.id, default: 0] += purchase * 1000 }
        var fleet = problem.surviving[y][k]
        for t in max(0, y - problem.lifetime + 1)...y { fleet += final.primal[joint.buy[t][k].index] }
        owned += fleet
        let capability = kind.trainingPetaflopsPerThousand
        if problem.supply[y][k] > 0, kind.megawattsPerThousand > 0, capability > (best?.capability ?? 0) {
          best = (k, capability)
        }
      }
      // Duals are ∂(Σ unmet shares)/∂rhs (≤ 0 for binding capacity rows): negate for share served.
      let powerShadow = joint.power[y].map { -phase1.duals[$0.index] } ?? 0
      let chipShadow = best.map { -phase1.duals[joint.fleet[y][$0.kind].index] * 10 } ?? 0
      years.append(
        WallsResult.Year(
          year: year, trainingDemand: demandT, inferenceDemand: demandI,
          trainingServed: demandT * (1 - max(0, phase1.primal[joint.unmet[y][0].index])),
          inferenceServed: demandI * (1 - max(0, phase1.primal[joint.unmet[y][1].index])),
          unmetShare: Self.shortShare(joint, phase1, y), powerUsedMW: powerUsed,
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

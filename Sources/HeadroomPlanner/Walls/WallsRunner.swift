import Foundation
import HeadroomModel
import HeadroomSolver

/// Solves the walls model: per country, the joint model (phase 1 in the stages of its split policy,
/// then the cost phase), and in every year the joint model leaves demand unmet, the chips-unlimited
/// and power-unlimited relaxations that size the power gap and the chip gap. Countries are solved
/// concurrently (their LPs are independent once supply is allocated).
///
/// Phase 1 and the relaxations are solved one year at a time when the years are independent
/// (``CountryProblem/yearsAreIndependent(_:)``); the cost phase is one LP over the horizon
/// (``WallsCostPhase``).
public struct WallsRunner: Sendable {
  public var solver: any LinearSolver
  /// Whether to run the cost phase (sweeps skip it: walls come from phase 1).
  public var costPhase: Bool
  /// Share of demand a gap must exceed for a year to count as a wall.
  public var threshold: Double
  /// Unmet share above which a year counts as short at all (for binding walls and gaps).
  public static let tolerance = 1e-6

  /// Options for each LP solve.
  public var options = SolveOptions.default

  public init(solver: any LinearSolver, costPhase: Bool = true, threshold: Double = 0.1) {
    self.solver = solver
    self.costPhase = costPhase
    self.threshold = threshold
  }

  /// A solve that did not reach an optimum (the model is elastic, so this means a solver failure).
  public struct Failure: Error, CustomStringConvertible {
    public var country: String
    public var variant: String
    public var year: Int?
    public var status: String
    public var description: String {
      "the \(variant) walls LP for \(country)\(year.map { " in \($0)" } ?? "") ended \(status)"
    }
  }

  /// Solves many countries concurrently (their LPs are independent), in input order.
  public func solveCountries(_ problems: [CountryProblem]) throws -> [WallsResult.Country] {
    try concurrentResults(count: problems.count) { try solveCountry(problems[$0]) }
  }

  /// The cost-phase programs of every country, as solved, for export as one LP.
  public func costPrograms(_ problems: [CountryProblem]) throws -> [LinearProgram] {
    try problems.map { try costPhase($0, firstPhase($0, .joint), named: true).program }
  }

  func check(_ solution: Solution, _ problem: CountryProblem, _ variant: String, year: Int? = nil) throws -> Solution {
    guard solution.status == .optimal else {
      throw Failure(country: problem.country, variant: variant, year: year, status: solution.status.rawValue)
    }
    return solution
  }

  /// Solves a program's stages in order, each holding what the earlier one reached; the result has
  /// the last stage's values and fixings and the first stage's shadow prices.
  ///
  /// - Parameter enough: Asked after each stage but the last whether the later stages can be skipped
  ///   (a wall search that has learnt what it needs from the first stage).
  public func solveStages(
    _ walls: WallsProgram, _ stages: [WallsStage], options: SolveOptions, year: Int? = nil,
    enough: ((WallsSolution) -> Bool)? = nil
  ) throws -> WallsSolution {
    var first: WallsSolution?
    var last: WallsSolution?
    var previous: WallsStage?
    for stage in stages {
      // Once every workload is fully served, a later stage has nothing left to improve.
      if let last, previous == .fairShare, last.fairShare.allSatisfy({ $0 >= 1 - 1e-9 }) { break }
      if let last, let enough, enough(last) { break }
      var program = walls.objective(stage)
      if let previous, let last { program = walls.holding(last, after: previous, in: program) }
      let solution = try check(
        solver.solve(program, options: options), walls.problem, walls.variant.rawValue, year: year)
      let values = walls.values(of: solution, stage: stage)
      first = first ?? values
      last = values
      previous = stage
    }
    guard let first, let last else { preconditionFailure("a walls variant has at least one stage") }
    return last.withShadows(of: first)
  }

  /// Solves the first phase of a variant: one small LP per year (and stage) when the years are
  /// independent, else one LP over the horizon per stage.
  public func firstPhase(_ problem: CountryProblem, _ variant: WallsVariant) throws -> WallsSolution {
    guard problem.yearsAreIndependent(variant) else {
      return try solveStages(WallsProgram(problem, variant: variant), problem.stages(variant), options: options)
    }
    return WallsSolution(
      years: try problem.years.indices.map { try yearOfFirstPhase(problem, variant, $0) }, of: problem)
  }

  /// The first phase of one year of a variant whose years are independent (`enough` as in
  /// ``solveStages(_:_:options:year:enough:)``).
  func yearOfFirstPhase(
    _ problem: CountryProblem, _ variant: WallsVariant, _ y: Int, enough: ((WallsSolution) -> Bool)? = nil
  ) throws -> WallsSolution {
    if problem.servesEverything(year: y, variant: variant) {
      return WallsSolution.servedInFull(kinds: problem.kinds.count)
    }
    let program = WallsProgram(problem.yearSlice(y, variant: variant), variant: variant, weighYearsApart: true)
    // Presolve costs more than these one-year LPs take to solve (0.9 ms against 0.2 ms for a joint
    // year of the synthetic model), except without a power row, where it leaves almost nothing to
    // solve and the dual simplex alone would take ~150 iterations (0.4 ms against 2 ms).
    var small = options
    small.presolve = variant == .powerUnlimited
    return try solveStages(program, problem.stages(variant), options: small, year: problem.years[y], enough: enough)
  }

  /// A relaxation's unmet shares in the given years (all at once when its years are linked).
  func relaxation(_ problem: CountryProblem, _ variant: WallsVariant, years: [Int]) throws -> [Int: [Double]] {
    guard !years.isEmpty else { return [:] }
    if problem.yearsAreIndependent(variant) {
      var result: [Int: [Double]] = [:]
      for y in years { result[y] = try yearOfFirstPhase(problem, variant, y).unmet[0] }
      return result
    }
    let whole = try firstPhase(problem, variant)
    return Dictionary(uniqueKeysWithValues: years.map { ($0, whole.unmet[$0]) })
  }

  /// Solves the cost phase (``WallsCostPhase``).
  ///
  /// The served amounts are held to within 1e-9 of their phase-1 values, which can sit inside CLP's
  /// own feasibility tolerance (1e-7): if CLP calls the program infeasible, it is solved again with
  /// them held to within 1e-7.
  func costPhase(_ problem: CountryProblem, _ phaseOne: WallsSolution, named: Bool = false) throws
    -> (program: LinearProgram, values: WallsSolution, cost: Double)
  {
    let joint = WallsProgram(problem, variant: .joint, named: named)
    var phase = WallsCostPhase(joint, servedShares: phaseOne.servedShare, phaseOne: phaseOne)
    var solution = try solver.solve(phase.program, options: options)
    if solution.status == .infeasible {
      phase = WallsCostPhase(joint, servedShares: phaseOne.servedShare, phaseOne: phaseOne, slack: 1e-7)
      solution = try solver.solve(phase.program, options: options)
    }
    _ = try check(solution, problem, "cost-phase")
    return (phase.program, joint.values(of: solution, stage: .totalServed), solution.objective)
  }

  /// Solves one country: the joint model (both phases) and, in its short years, the two relaxations.
  ///
  /// Sweeps, which need only the wall years, use ``findWalls(_:summaryYear:)``.
  public func solveCountry(_ problem: CountryProblem) throws -> WallsResult.Country {
    let phaseOne = try firstPhase(problem, .joint)
    let years = problem.years.indices
    let gaps = years.map { phaseOne.gapShare(year: $0, demand: problem.demand[$0]) }
    let short = years.filter { gaps[$0] > Self.tolerance }
    // Each relaxation serves at least what the joint model serves, so neither has a gap where the
    // joint model has none: solve them in the joint model's short years only.
    let wallYear = { (share: (Int) -> Double) in years.first { share($0) > threshold }.map { problem.years[$0] } }
    let firstShort = wallYear { gaps[$0] }
    let chipsUnlimited = try relaxation(problem, .chipsUnlimited, years: short)
    let powerUnlimited = try relaxation(problem, .powerUnlimited, years: short)
    let powerWall = wallYear { problem.unmetShare(chipsUnlimited[$0], year: $0) }
    let chipWall = wallYear { problem.unmetShare(powerUnlimited[$0], year: $0) }

    var final = phaseOne
    var cost = 0.0
    if costPhase {
      (_, final, cost) = try self.costPhase(problem, phaseOne)
    }
    func chipsUnlimitedGap(_ y: Int) -> Double {
      (chipsUnlimited[y] ?? [0, 0]).enumerated().map { $1 * problem.demand[y][$0] }.reduce(0, +)
    }
    func binding(_ y: Int) -> WallsResult.Binding {
      self.binding(
        problem, year: y, gap: gaps[y], powerShadow: phaseOne.powerShadow[y], fleetShadow: phaseOne.fleetShadow[y],
        chipsUnlimited: chipsUnlimited[y], powerUnlimited: powerUnlimited[y])
    }
    var records: [WallsResult.Year] = []
    var onSiteCapex = 0.0
    var purchases: [String: Double] = [:]
    for (y, year) in problem.years.enumerated() {
      let demand = problem.demand[y]
      var running = 0.0
      var runningNominal = 0.0
      var bought = 0.0
      var owned = 0.0
      var obtainable = 0.0
      var powerUsed = 0.0
      var best: (kind: Int, h100e: Double)?
      var runningUnits: [String: [Double]] = [:]
      for (k, kind) in problem.kinds.enumerated() {
        let runs = final.run[y][k].reduce(0, +)
        if runs > 1e-9 { runningUnits[kind.id] = final.run[y][k].map { $0 * 1000 } }
        running += runs
        runningNominal += runs * kind.nominalH100e
        powerUsed += runs * kind.megawattsPerThousand
        let purchase = final.buy[y][k]
        bought += purchase
        if purchase > 1e-9 { purchases[kind.id, default: 0] += purchase * 1000 }
        owned +=
          (problem.surviving[y][k] + problem.window(of: y).map { final.buy[$0][k] }.reduce(0, +)) * kind.nominalH100e
        obtainable += problem.potentialFleet(year: y, kind: k) * kind.nominalH100e
        if problem.supply[y][k] > 0, kind.runs, kind.nominalH100e > (best?.h100e ?? 0) {
          best = (k, kind.nominalH100e)
        }
      }
      let built = final.onSite.indices.contains(y) ? final.onSite[y] : []
      var onSiteBuilt: [String: Power] = [:]
      var onSiteFirm = 0.0
      var onSiteTonnes = 0.0
      for (o, option) in problem.onSite.enumerated() where built.indices.contains(o) && built[o] > 1e-6 {
        onSiteBuilt[option.id] = Power(megawatts: built[o])
        onSiteFirm += built[o] * option.firmShare
        onSiteTonnes += built[o] * option.firmShare * option.tonnesPerMegawattYear
        let before =
          y > 0 && final.onSite.indices.contains(y - 1) && final.onSite[y - 1].indices.contains(o)
          ? final.onSite[y - 1][o] : 0
        onSiteCapex += max(0, built[o] - before) * option.capexMillionsPerMegawatt
      }
      let best8 = problem.bestMegawattsPerH100e(year: y)
      let demandMW = zip(demand, best8).map { $0 * ($1 ?? 0) }.reduce(0, +)
      let powerGapMW = (chipsUnlimited[y] ?? [0, 0]).enumerated().map { w, unmet in
        unmet * demand[w] * (best8[w] ?? 0)
      }.reduce(0, +)
      let chipGap = (powerUnlimited[y] ?? [0, 0]).enumerated().map { $1 * demand[$0] }.reduce(0, +)
      // Gaps within the solver's tolerance of zero are zero, not 1e-7 W of float noise.
      let negligible = Self.tolerance * problem.totalDemand(y)
      records.append(
        WallsResult.Year(
          year: year, trainingDemand: H100Equivalents(demand[0] * 1000),
          inferenceDemand: H100Equivalents(demand[1] * 1000),
          trainingServedShare: phaseOne.servedShare[y][0], inferenceServedShare: phaseOne.servedShare[y][1],
          demandPower: Power(megawatts: demandMW), powerAvailable: Power(megawatts: problem.powerAvailable[y]),
          powerUsed: Power(megawatts: powerUsed), chipsObtainable: H100Equivalents(obtainable * 1000),
          fleet: H100Equivalents(owned * 1000), running: H100Equivalents(runningNominal * 1000),
          acceleratorsBought: bought * 1000, runningUnits: runningUnits,
          gap: Self.gap(share: gaps[y], of: problem, year: y),
          powerGap: Power(megawatts: chipsUnlimitedGap(y) > negligible ? powerGapMW : 0),
          chipGap: H100Equivalents(chipGap > negligible ? chipGap * 1000 : 0), binding: binding(y),
          // Thousand H100e per MW → H100e per MW; thousand H100e per thousand units → H100e per 1,000 units.
          powerShadowPrice: phaseOne.powerShadow[y] * 1000,
          chipShadowPrice: best.map { phaseOne.fleetShadow[y][$0.kind] * 1000 } ?? 0,
          chipShadowKind: best.map { problem.kinds[$0.kind].id }, onSitePower: Power(megawatts: onSiteFirm),
          onSiteBuilt: onSiteBuilt, onSiteEmissions: Mass(onSiteTonnes, "t")))
    }
    return WallsResult.Country(
      country: problem.country, powerWallYear: powerWall, chipWallYear: chipWall, firstShortYear: firstShort,
      bindingWall: problem.years.firstIndex { $0 == firstShort }.map(binding) ?? .none,
      cost: Money(dollars: cost * 1e6), years: records, purchases: purchases,
      onSiteCapex: Money(dollars: onSiteCapex * 1e6))
  }

  /// Which limit binds in year index `y` of the joint model: read from the first stage's shadow
  /// prices, or, when both are zero (degenerate duals), from which relaxation closes some of the gap.
  func binding(
    _ problem: CountryProblem, year y: Int, gap: Double, powerShadow: Double, fleetShadow: [Double],
    chipsUnlimited: [Double]?, powerUnlimited: [Double]?
  ) -> WallsResult.Binding {
    guard gap > Self.tolerance else { return .none }
    switch (powerShadow > 1e-9, fleetShadow.contains { $0 > 1e-9 }) {
    case (true, true): return .both
    case (true, false): return .power
    case (false, true): return .chip
    case (false, false):
      let powerHelps = problem.unmetShare(chipsUnlimited, year: y) < gap - Self.tolerance
      let chipsHelp = problem.unmetShare(powerUnlimited, year: y) < gap - Self.tolerance
      switch (powerHelps, chipsHelp) {
      case (true, false): return .chip
      case (false, true): return .power
      default: return .both
      }
    }
  }

  /// A year's gap in H100e from its unmet share (zero within ``tolerance``).
  static func gap(share: Double, of problem: CountryProblem, year y: Int) -> H100Equivalents {
    H100Equivalents(share > tolerance ? share * problem.totalDemand(y) * 1000 : 0)
  }
}

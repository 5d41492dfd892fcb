import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// The walls model solves phase 1 one year at a time and the cost phase with phase 1's
/// complementary-slackness fixings; these tests check both against the whole LP they stand for.
@Suite struct WallsDecompositionTests {
  let solver = CoinORSolver()
  var runner: WallsRunner { WallsRunner(solver: solver) }

  func scenarioProblems(_ id: String = "baseline") throws -> [CountryProblem] {
    let scenario = try ScenarioLoader(catalog: Repository.catalog, root: Repository.root).load(id)
    return try WallsInput(catalog: Repository.catalog, scenario: scenario).problems
  }

  /// Phase 1 of every year of a problem, solved as one-year LPs.
  func yearByYear(_ problem: CountryProblem, presolve: Bool = false) throws -> WallsSolution {
    var runner = self.runner
    runner.options.presolve = presolve
    return try runner.firstPhase(problem, .joint)
  }

  /// Phase 1 as one LP over the horizon (per stage).
  func wholeHorizon(_ problem: CountryProblem) throws -> WallsSolution {
    try runner.solveStages(WallsProgram(problem, variant: .joint), problem.stages(.joint), options: .default)
  }

  @Test func phaseOneYearByYearEqualsTheWholeHorizonLP() throws {
    // Given the baseline's countries and 10 synthetic countries whose demand outgrows their fleet a
    // million-fold (so late years can serve only a sliver of it),
    // When phase 1 (both stages of the max-min split) is solved as one LP over the horizon and as
    // one LP per year (with and without presolve),
    // Then every year's gap share agrees within 1e-6.
    let problems = try scenarioProblems() + SyntheticWalls.problems(countries: 10, years: 30, kinds: 100)
    for problem in problems {
      let together = try wholeHorizon(problem)
      let apart = try yearByYear(problem)
      let presolved = try yearByYear(problem, presolve: true)
      for (y, year) in problem.years.enumerated() {
        let gaps = [together, apart, presolved].map { $0.gapShare(year: y, demand: problem.demand[y]) }
        #expect(gaps.max()! - gaps.min()! < 1e-6, "\(problem.country) \(year): \(gaps)")
        let fair = [together, apart, presolved].map { $0.fairShare[y] }
        #expect(fair.max()! - fair.min()! < 1e-6, "\(problem.country) \(year) fair share: \(fair)")
      }
    }
  }

  @Test func theSweepsWallSearchFindsWhatTheFullSolveReports() throws {
    // Given the baseline, the Diffusion counterfactual (whose caps link the years), the baseline with
    // every share of demand and power scaled (walls early and late) and 10 synthetic countries,
    // When the walls are found as reports find them (every year, both relaxations in every short year)
    // and as sweeps do (findWalls: the years the walls need, relaxations searched to their first wall),
    // Then the power wall, chip wall, first short year, binding wall and summary-year gap agree.
    let catalog = Repository.catalog
    let baseline = try ScenarioLoader(catalog: catalog, root: Repository.root).load("baseline")
    var stretched: [CountryProblem] = []
    for (growth, aiShare) in [(3.5, 0.3), (1.4, 0.7), (2.6, 0.45)] {
      var scenario = baseline
      try scenario.parameter("demand.growth.start").apply(growth, to: &scenario)
      try scenario.parameter("ai_share_of_dc_growth").apply(aiShare, to: &scenario)
      stretched += try WallsInput(catalog: catalog, scenario: scenario).problems
    }
    let problems =
      try scenarioProblems() + scenarioProblems("diffusion-enforced") + stretched
      + SyntheticWalls.problems(countries: 10, years: 30, kinds: 100)
    let runner = WallsRunner(solver: solver, costPhase: false, threshold: 0.1)
    var walls = 0
    var bindings: Set<WallsResult.Binding> = []
    for problem in problems {
      let summaryYear = problem.years[problem.years.count / 2]
      let full = WallsFinding(try runner.solveCountry(problem), summaryYear: summaryYear)
      let found = try runner.findWalls(problem, summaryYear: summaryYear)
      #expect(full.powerWallYear == found.powerWallYear, "\(problem.country) power wall")
      #expect(full.chipWallYear == found.chipWallYear, "\(problem.country) chip wall")
      #expect(full.firstShortYear == found.firstShortYear, "\(problem.country) first short year")
      #expect(full.bindingWall == found.bindingWall, "\(problem.country) binding wall")
      #expect(
        abs(full.summaryGapShare - found.summaryGapShare) < 1e-9,
        "\(problem.country) \(summaryYear) gap: \(full.summaryGapShare) vs \(found.summaryGapShare)")
      walls += [full.powerWallYear, full.chipWallYear].compactMap { $0 }.count
      bindings.insert(full.bindingWall)
    }
    #expect(walls > 50)
    #expect(bindings.isSuperset(of: [.power, .chip, .both, .none]), "\(bindings)")
  }

  @Test func theCostPhaseFixingsLeaveItsOptimumUnchanged() throws {
    // Given the baseline, the Diffusion counterfactual (whose caps link the years) and 10 synthetic
    // countries, with phase 1 solved as the runner solves it,
    // When the cost phase is solved with phase 1's fixings and with the unmet shares alone held,
    // Then both optima agree within 1e-6 relative, and the fixings fix variables.
    let problems =
      try scenarioProblems() + scenarioProblems("diffusion-enforced")
      + SyntheticWalls.problems(countries: 10, years: 30, kinds: 100)
    var fixed = 0
    for problem in problems {
      let phaseOne = try runner.firstPhase(problem, .joint)
      let joint = WallsProgram(problem, variant: .joint)
      let restricted = WallsCostPhase(joint, servedShares: phaseOne.servedShare, phaseOne: phaseOne)
      let plain = WallsCostPhase(joint, servedShares: phaseOne.servedShare)
      let withFixings = try solver.solve(restricted.program)
      let without = try solver.solve(plain.program)
      #expect(withFixings.status == .optimal && without.status == .optimal, "\(problem.country)")
      let relative = abs(withFixings.objective - without.objective) / max(1, abs(without.objective))
      #expect(relative < 1e-6, "\(problem.country): \(withFixings.objective) vs \(without.objective)")
      fixed += restricted.fixedCount
    }
    #expect(fixed > 0)
  }

  @Test func aYearThatCanServeOnlyASliverOfDemandServesAllItCan() throws {
    // Given one kind (1,000 H100e of training and 1 MW per thousand), 100 thousand units owned,
    // ample power and a training demand of 1e13 thousand H100e: the fleet serves exactly 1e-8 of it,
    // When the year is solved, Then the training share served is 1e-8 (to 1e-12).
    let kind = WallsKind(
      id: "unit", megawattsPerThousand: 1, capability: [1000, 0], nominalH100e: 1000, priceMillionsPerThousand: 10)
    let problem = CountryProblem(
      country: "XX", years: [2040], kinds: [kind], supply: [[0]], surviving: [[100]], lifetime: 5,
      demand: [[1e13, 0]], powerAvailable: [1e6], energyCostPerMegawattYear: 0.7)
    let result = try runner.solveCountry(problem)
    let year = try #require(result.years.first)
    #expect(abs(year.trainingServedShare - 1e-8) < 1e-12)
    #expect(result.bindingWall == .chip)
  }

  @Test func everySyntheticCostPhaseSolvesWithinItsHeldShares() throws {
    // Given 70 synthetic countries (seed 42), some of whose unmet shares held to 1e-9 of what a year
    // could serve sit inside CLP's feasibility tolerance,
    // When their walls are solved, Then every cost phase reaches an optimum (the runner retries at
    // 1e-7) within 1e-5 of the cost phase with shares held to 1e-6.
    for problem in SyntheticWalls.problems(countries: 70, years: 30, kinds: 100) {
      let result = try runner.solveCountry(problem)
      let phaseOne = try yearByYear(problem)
      let looser = try solver.solve(
        WallsCostPhase(
          WallsProgram(problem, variant: .joint), servedShares: phaseOne.servedShare, phaseOne: phaseOne, slack: 1e-6
        ).program)
      #expect(looser.status == .optimal)
      let cost = result.cost.dollars / 1e6
      #expect(cost >= looser.objective * (1 - 1e-9), "\(problem.country)")
      #expect((cost - looser.objective) / looser.objective < 1e-5, "\(problem.country)")
    }
  }
}

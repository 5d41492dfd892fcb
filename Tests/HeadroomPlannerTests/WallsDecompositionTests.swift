import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomPlanner
import HeadroomSolver
import Testing

/// The walls model solves phase 1 one year at a time and the cost phase with phase 1's
/// complementary-slackness fixings; these tests check both against the whole LP they stand for.
@Suite struct WallsDecompositionTests {
  let solver = CoinORSolver()

  func scenarioProblems(_ id: String = "baseline") throws -> [CountryProblem] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let catalog = try CatalogLoader(root: root).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: root).load(id)
    return try WallsInput(catalog: catalog, scenario: scenario).problems
  }

  /// Phase 1 as the runner solves it: year by year, or over the horizon when caps link the years.
  func phaseOne(_ problem: CountryProblem) throws -> WallsSolution {
    guard problem.yearsAreIndependent(.joint) else {
      let whole = WallsProgram(problem, variant: .joint)
      return whole.values(of: try solver.solve(whole.program))
    }
    return try yearByYear(problem)
  }

  /// Phase 1 of every year of a problem, solved as one-year LPs.
  func yearByYear(_ problem: CountryProblem, presolve: Bool = false) throws -> WallsSolution {
    let years = try problem.years.indices.map { y in
      let program = WallsProgram(problem.yearSlice(y, variant: .joint), variant: .joint, weighYearsApart: true)
      let solution = try solver.solve(program.program, options: SolveOptions(presolve: presolve))
      #expect(solution.status == .optimal)
      return program.values(of: solution)
    }
    return WallsSolution(years: years, of: problem)
  }

  @Test func phaseOneYearByYearEqualsTheWholeHorizonLP() throws {
    // Given the baseline's 16 countries and 10 synthetic countries whose demand outgrows their
    // fleet a million-fold (so late years can serve only a sliver of it),
    // When phase 1 is solved as one LP over the horizon and as one LP per year (with and without presolve),
    // Then every year's unmet shares agree within 1e-6 (before the LP was scaled, the same years
    // differed by up to 2e-3 between CLP's own algorithms).
    let problems = try scenarioProblems() + SyntheticWalls.problems(countries: 10, years: 30, kinds: 100)
    for problem in problems {
      let whole = WallsProgram(problem, variant: .joint)
      let wholeSolution = try solver.solve(whole.program)
      #expect(wholeSolution.status == .optimal)
      let together = whole.values(of: wholeSolution).unmet
      let apart = try yearByYear(problem).unmet
      let presolved = try yearByYear(problem, presolve: true).unmet
      for (y, year) in problem.years.enumerated() {
        let sums = [together[y], apart[y], presolved[y]].map { $0.reduce(0, +) }
        #expect(sums.max()! - sums.min()! < 1e-6, "\(problem.country) \(year): \(sums)")
      }
    }
  }

  @Test func theCostPhaseFixingsLeaveItsOptimumUnchanged() throws {
    // Given the baseline, the Diffusion counterfactual (whose caps link the years) and 10 synthetic
    // countries, with phase 1 solved as the runner solves it,
    // When the cost phase is solved with phase 1's fixings and with the unmet shares alone held,
    // Then both optima agree within 1e-6 relative, and the fixings fix variables.
    let problems =
      try scenarioProblems() + scenarioProblems("diffusion-enforced")
      + SyntheticWalls.problems(countries: 10, years: 30, kinds: 100)
    #expect(problems.contains { !$0.caps.isEmpty })
    var fixed = 0
    for problem in problems {
      let phaseOne = try phaseOne(problem)
      let joint = WallsProgram(problem, variant: .joint)
      let restricted = WallsCostPhase(joint, unmetShares: phaseOne.unmet, phaseOne: phaseOne)
      let plain = WallsCostPhase(joint, unmetShares: phaseOne.unmet)
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
    // Given one kind (1,000 PFLOP/s and 1 MW per thousand), 100 thousand units owned, ample power
    // and a training demand of 1e13 PFLOP/s: the fleet can serve exactly 1e-8 of it,
    // When the year is solved, Then the unmet training share is 1 − 1e-8 (to 1e-12).
    let kind = WallsKind(
      id: "unit", megawattsPerThousand: 1, trainingPetaflopsPerThousand: 1000, inferenceMillionTokensPerThousand: 0,
      priceMillionsPerThousand: 10, priceImputed: false)
    let problem = CountryProblem(
      country: "XX", years: [2040], kinds: [kind], supply: [[0]], surviving: [[100]], lifetime: 5,
      demand: [[.training: 1e13, .inference: 0]], powerAvailable: [1e6], energyCostPerMegawattYear: 0.7)
    let result = try WallsRunner(solver: solver, solverName: "test").solveCountry(problem)
    let year = try #require(result.years.first)
    #expect(abs(year.trainingServed / year.trainingDemand - 1e-8) < 1e-12)
    #expect(result.bindingWall == .chip)
  }

  @Test func aCostPhaseWhoseHeldSharesSitAtCLPsToleranceStillSolves() throws {
    // Given synthetic country 65 (seed 42), whose unmet shares held to 1e-9 of what a year could
    // serve make CLP 1.17 call the cost phase infeasible,
    // When its walls are solved, Then the runner's retry (shares held to 1e-7) reaches an optimum,
    // and the cost lies within 1e-5 of the cost phase with shares held to 1e-6.
    let problem = SyntheticWalls.problems(countries: 66, years: 30, kinds: 100)[65]
    let result = try WallsRunner(solver: solver, solverName: "test").solveCountry(problem)
    let phaseOne = try yearByYear(problem)
    let looser = try solver.solve(
      WallsCostPhase(
        WallsProgram(problem, variant: .joint), unmetShares: phaseOne.unmet, phaseOne: phaseOne, slack: 1e-6
      ).program)
    #expect(looser.status == .optimal)
    #expect(result.costMillions >= looser.objective * (1 - 1e-9))
    #expect((result.costMillions - looser.objective) / looser.objective < 1e-5)
  }
}

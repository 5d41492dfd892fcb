import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// The bounds the sweep's wall search trusts instead of an LP (``CountryProblem/serves(_:year:variant:)``
/// and ``CountryProblem/unmetShareLowerBound(year:variant:)``), checked by hand and against the LP.
@Suite struct WallsBoundsTests {
  let solver = CoinORSolver()

  /// One kind worth 1 thousand H100e of either workload per thousand units at 1 MW per thousand:
  /// 100 thousand owned, demand 60 + 60 thousand H100e, 80 MW of power.
  func oneKind(onSite: [WallsOnSite] = []) -> CountryProblem {
    let kind = WallsKind(
      id: "unit", megawattsPerThousand: 1, capability: [1, 1], nominalH100e: 1, priceMillionsPerThousand: 10)
    return CountryProblem(
      country: "XX", years: [2030], kinds: [kind], supply: [[0]], surviving: [[100]], lifetime: 5,
      demand: [[60, 60]], powerAvailable: [80], energyCostPerMegawattYear: 0.7, onSite: onSite)
  }

  /// The LP's unmet share of a one-year problem's total demand, solved without any shortcut.
  func unmetShare(_ problem: CountryProblem, year y: Int, _ variant: WallsVariant) throws -> Double {
    let runner = WallsRunner(solver: solver)
    let program = WallsProgram(problem.yearSlice(y, variant: variant), variant: variant, weighYearsApart: true)
    let solution = try runner.solveStages(program, problem.stages(variant), options: .default)
    return solution.gapShare(year: 0, demand: problem.demand[y])
  }

  @Test func oneKindUnderAPowerLimitIsBoundedExactly() throws {
    // Given 120 thousand H100e of demand, a fleet that serves 100 and power for 80,
    // When the bounds are asked,
    // Then power bounds the joint model at 40/120 unmet and the chips-unlimited one too (with nothing
    // on sale, the owned kind counts as obtainable without limit: power alone binds), chips bound the
    // power-unlimited one at 20/120; a share s of each workload is servable exactly when 120 s ≤ 80
    // (120 s ≤ 100 without a power limit).
    let problem = oneKind()
    #expect(abs(problem.unmetShareLowerBound(year: 0, variant: .joint) - 40.0 / 120) < 1e-12)
    #expect(abs(problem.unmetShareLowerBound(year: 0, variant: .powerUnlimited) - 20.0 / 120) < 1e-12)
    #expect(abs(problem.unmetShareLowerBound(year: 0, variant: .chipsUnlimited) - 40.0 / 120) < 1e-12)
    #expect(problem.serves(0.66, year: 0, variant: .joint))
    #expect(!problem.serves(0.67, year: 0, variant: .joint))
    #expect(problem.serves(0.83, year: 0, variant: .powerUnlimited))
    #expect(!problem.serves(0.84, year: 0, variant: .powerUnlimited))
    // And the LP agrees.
    #expect(abs(try unmetShare(problem, year: 0, .joint) - 40.0 / 120) < 1e-9)
    #expect(abs(try unmetShare(problem, year: 0, .powerUnlimited) - 20.0 / 120) < 1e-9)
  }

  @Test func onSiteGenerationCountsAtItsFirmShare() throws {
    // Given the same problem with 50 MW of gas that can be built at 0.8 firm (40 MW firm),
    // Then power no longer binds before chips: 100 of 120 served, the bound is 20/120 unmet.
    let gas = WallsOnSite(
      id: "gas", firmShare: 0.8, buildable: [50], capexMillionsPerMegawatt: 1, operatingMillionsPerMegawattYear: 0.1,
      tonnesPerMegawattYear: 3000)
    let problem = oneKind(onSite: [gas])
    #expect(abs(problem.unmetShareLowerBound(year: 0, variant: .joint) - 20.0 / 120) < 1e-12)
    #expect(problem.serves(0.83, year: 0, variant: .joint))
    #expect(abs(try unmetShare(problem, year: 0, .joint) - 20.0 / 120) < 1e-9)
  }

  @Test func aFleetServesMostWhereInferenceJustMeetsItsDemand() throws {
    // Given 10 thousand of a training part [1, 0.2] and 10 thousand of an inference part [0.2, 1],
    // ample power and a demand of 12 + 3 thousand H100e,
    // When the most the fleet serves is asked,
    // Then it moves the training part to training and 0.7 of the inference part too, leaving inference
    // exactly its 3: 11.4 + 3 = 14.4 of 15 (training-heavy: all of it on training would serve 12 + 0),
    // and the power-unlimited LP serves the same.
    let kinds = [
      WallsKind(id: "t", megawattsPerThousand: 1, capability: [1, 0.2], nominalH100e: 1, priceMillionsPerThousand: 1),
      WallsKind(id: "i", megawattsPerThousand: 1, capability: [0.2, 1], nominalH100e: 1, priceMillionsPerThousand: 1),
    ]
    let problem = CountryProblem(
      country: "XX", years: [2030], kinds: kinds, supply: [[0, 0]], surviving: [[10, 10]], lifetime: 5,
      demand: [[12, 3]], powerAvailable: [1000], energyCostPerMegawattYear: 0.7)
    #expect(abs(problem.mostServedByFleet(year: 0) - 14.4) < 1e-12)
    #expect(abs(problem.unmetShareLowerBound(year: 0, variant: .powerUnlimited) - 0.6 / 15) < 1e-12)
    #expect(abs(try unmetShare(problem, year: 0, .powerUnlimited) - 0.6 / 15) < 1e-9)
  }

  @Test func theBoundsHoldAgainstTheLPOnTheBaselineAndSyntheticCountries() throws {
    // Given the baseline's countries and 10 synthetic ones (30 years, 100 kinds),
    // When every year of every variant is solved as an LP,
    // Then the LP's unmet share is at least the lower bound, and wherever a share s of every workload
    // is shown servable the LP leaves at most 1 − s unmet (within 1e-7); and both bounds decide often.
    let scenario = try ScenarioLoader(catalog: Repository.catalog, root: Repository.root).load("baseline")
    let problems =
      try WallsInput(catalog: Repository.catalog, scenario: scenario).problems
      + SyntheticWalls.problems(countries: 10, years: 30, kinds: 100)
    var lowerBoundsAboveZero = 0
    var shownServable = 0
    for problem in problems {
      for variant in WallsVariant.allCases {
        for y in problem.years.indices {
          let unmet = try unmetShare(problem, year: y, variant)
          let lower = problem.unmetShareLowerBound(year: y, variant: variant)
          #expect(unmet >= lower - 1e-7, "\(problem.country) \(problem.years[y]) \(variant): \(unmet) < \(lower)")
          if lower > 1e-3 { lowerBoundsAboveZero += 1 }
          for share in [0.5, 0.9, 0.99, 1 - 1e-9] where problem.serves(share, year: y, variant: variant) {
            #expect(unmet <= 1 - share + 1e-7, "\(problem.country) \(problem.years[y]) \(variant) \(share): \(unmet)")
            shownServable += 1
          }
        }
      }
    }
    #expect(lowerBoundsAboveZero > 100)
    #expect(shownServable > 100)
  }
}

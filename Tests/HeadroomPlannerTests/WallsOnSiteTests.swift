import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// Behind-the-meter generation in the walls: what can be built, what the LP builds, what it costs.
@Suite struct WallsOnSiteTests {
  let runner = WallsRunner(solver: CoinORSolver(), threshold: 0.1)

  /// The hand problem of ``WallsModelTests``: one kind at 1 MW per thousand units and one H100e each,
  /// 1,000 thousand for sale a year, 120 MW of grid, training demand 100 thousand H100e × 1.1^n from
  /// 2025; plus one on-site option, firm share 0.9, 2 MUSD per MW, that can be in service from 2029.
  func problem(buildablePerYear: Double) -> CountryProblem {
    let years = Array(2025...2034)
    let kind = WallsKind(
      id: "unit", megawattsPerThousand: 1, capability: [1, 1], nominalH100e: 1, priceMillionsPerThousand: 10)
    let option = WallsOnSite(
      id: "turbine", firmShare: 0.9,
      buildable: years.map { max(0, Double($0 - 2028)) * buildablePerYear }, capexMillionsPerMegawatt: 2,
      operatingMillionsPerMegawattYear: 0.4, tonnesPerMegawattYear: 3000)
    return CountryProblem(
      country: "XX", years: years, kinds: [kind], supply: years.map { _ in [1000] },
      surviving: years.map { _ in [0] }, lifetime: 100,
      demand: years.map { [100 * pow(1.1, Double($0 - 2025)), 0] }, powerAvailable: years.map { _ in 120 },
      energyCostPerMegawattYear: 0.7, onSite: [option])
  }

  @Test func onSitePowerArrivingInTimeMovesThePowerWallAsTheArithmeticSays() throws {
    // Given 10 or 30 MW of nameplate buildable a year from 2029 (9 or 27 MW firm more each year),
    // When solved,
    // Then year n has 120 + firm × (n − 2028) MW against a demand of 100 × 1.1^(n − 2025) MW: it
    // serves min(1, power / demand) and the power wall is the first year that leaves over 10 % unmet:
    // 2029 at 10 MW a year (129 / 146.41 MW), none by 2034 at 30 MW a year (2034: 282 / 235.8 MW).
    for perYear in [10.0, 30.0] {
      let problem = problem(buildablePerYear: perYear)
      let result = try runner.solveCountry(problem)
      let expectedWall = problem.years.first { year in
        let power = 120 + 0.9 * perYear * Double(max(0, year - 2028))
        let demand = 100 * pow(1.1, Double(year - 2025))
        return 1 - min(1, power / demand) > 0.1
      }
      #expect(result.powerWallYear == expectedWall, "\(perYear) MW a year")
      for year in result.years {
        let power = 120 + 0.9 * perYear * Double(max(0, year.year - 2028))
        let demand = 100 * pow(1.1, Double(year.year - 2025))
        #expect(isClose(year.servedShare, to: min(1, power / demand), relative: 1e-6), "\(year.year)")
      }
    }
  }

  @Test func theCostPhaseBuildsOnlyWhatServesDemandAndChargesItsCapexAndCO2() throws {
    // Given ample on-site supply (1,000 MW of nameplate a year from 2029),
    // When solved, Then every year is served in full, the firm power in service is exactly what the
    // load lacks (max(0, demand − 120) MW, built as demand grows, never torn down), the capex is
    // 2 MUSD per MW of the last year's nameplate, and a year's CO2 is 3,000 t per firm MW-year.
    let result = try runner.solveCountry(problem(buildablePerYear: 1000))
    var previous = 0.0
    for year in result.years {
      let demand = 100 * pow(1.1, Double(year.year - 2025))
      let needed = year.year >= 2029 ? max(0, demand - 120) : 0
      #expect(year.servedShare > (year.year >= 2029 ? 1 - 1e-6 : 0), "\(year.year)")
      #expect(abs(year.onSitePower.megawatts - needed) < 1e-4, "\(year.year): \(year.onSitePower)")
      let nameplate = year.onSiteBuilt["turbine"]?.megawatts ?? 0
      #expect(nameplate >= previous - 1e-6)
      previous = nameplate
      #expect(abs(year.onSiteEmissions.in("t") - needed * 3000) <= 1e-6 * needed * 3000 + 1)
    }
    #expect(isClose(result.onSiteCapex.dollars / 1e6, to: previous * 2, relative: 1e-6))
  }

  @Test func theBaselineBuildsForTheUSFromTheSupplyShareAndLeadTimes() throws {
    // Given the baseline (US share 0.13 of global gas-turbine and fuel-cell supply; decisions from 1
    // Jan 2026), When the US options are listed, Then each option's buildable nameplate is the sum of
    // its yearly supply limit × 0.13 from the year its lead time allows, computed here from the files:
    // aeroderivative turbines (2 years) from 2028, frame turbines (5 years) from 2031, and the nuclear
    // restarts (a national US limit, 3 years) from 2029 in full. China has no share: nothing.
    let catalog = Repository.catalog
    let scenario = try ScenarioLoader(catalog: catalog, root: Repository.root).load("baseline")
    let options = WallsOnSite.options(catalog: catalog, scenario: scenario, country: "US")
    let years = Array(scenario.years)
    for (id, arrival, share) in [
      ("aeroderivative-gas-turbine", 2028, 0.13), ("frame-gas-turbine", 2031, 0.13), ("nuclear-restart", 2029, 1.0),
    ] {
      let option = try #require(options.first { $0.id == id }, "\(id)")
      let limit = try #require(catalog.generation.first { $0.id == id }?.supplyLimit)
      for (y, year) in years.enumerated() {
        let expected = (2025...year).filter { $0 >= arrival }.map { limit.capacity(in: $0).megawatts * share }
          .reduce(0, +)
        #expect(abs(option.buildable[y] - expected) <= 1e-9 * expected, "\(id) \(year)")
      }
    }
    #expect(WallsOnSite.options(catalog: catalog, scenario: scenario, country: "CN").isEmpty)
    var forbidden = scenario
    forbidden.behindTheMeter.allowed = false
    #expect(WallsOnSite.options(catalog: catalog, scenario: forbidden, country: "US").isEmpty)
  }
}

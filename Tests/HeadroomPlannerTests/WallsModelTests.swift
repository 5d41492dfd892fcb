import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import Testing

/// Hand-made walls problems whose answers follow from arithmetic, and invariants on every solve.
@Suite struct WallsModelTests {
  let runner = WallsRunner(solver: CoinORSolver(), solverName: "test")

  /// One kind: 1 MW and 1 PFLOP/s of training per thousand units; demand 100 PFLOP/s growing 10 %
  /// a year from 2025 (all training), over 2025-2034.
  func problem(power: Double, supply: Double, installed: Double, lifetime: Int = 100) -> CountryProblem {
    let years = Array(2025...2034)
    let kind = WallsKind(
      id: "unit", megawattsPerThousand: 1, trainingPetaflopsPerThousand: 1, inferenceMillionTokensPerThousand: 0,
      priceMillionsPerThousand: 10, priceImputed: false)
    return CountryProblem(
      country: "XX", years: years, kinds: [kind],
      supply: years.map { _ in [supply] }, surviving: years.map { _ in [installed] }, lifetime: lifetime,
      demand: years.map { [.training: 100 * pow(1.1, Double($0 - 2025)), .inference: 0] },
      powerAvailable: years.map { _ in power }, energyCostPerMegawattYear: 0.7)
  }

  @Test func ampleChipsAndAFlatGridGiveThePowerWallTheArithmeticSays() throws {
    // Given 120 MW flat and 1,000 thousand units for sale each year,
    // When solved, Then demand 100 x 1.1^n first exceeds 120 at n = 2: power wall 2027, no chip wall,
    // and the joint model binds on power.
    let result = try runner.solveCountry(problem(power: 120, supply: 1000, installed: 0))
    #expect(result.powerWallYear == 2027)
    #expect(result.chipWallYear == nil)
    #expect(result.firstShortYear == 2027)
    #expect(result.bindingWall == .power)
    // And in 2027 one more MW serves 1/121 of that year's training demand (the dual of the power row).
    let year = try #require(result.years.first { $0.year == 2027 })
    #expect(abs(year.powerShadowPrice - 1 / 121) < 1e-6)
    #expect(year.chipShadowPrice < 1e-9)
  }

  @Test func theMirrorCaseGivesTheChipWall() throws {
    // Given 150 thousand units owned, nothing for sale and 10 GW of power,
    // When solved, Then 100 x 1.1^n first exceeds 150 at n = 5: chip wall 2030, no power wall, binds on chips.
    let result = try runner.solveCountry(problem(power: 10_000, supply: 0, installed: 150))
    #expect(result.chipWallYear == 2030)
    #expect(result.powerWallYear == nil)
    #expect(result.bindingWall == .chip)
  }

  @Test func bothRelaxedGiveNoWall() throws {
    // Given 10 GW and 1,000 thousand units for sale each year, When solved, Then no year is short.
    let result = try runner.solveCountry(problem(power: 10_000, supply: 1000, installed: 0))
    #expect(result.powerWallYear == nil)
    #expect(result.chipWallYear == nil)
    #expect(result.bindingWall == .none)
    #expect(result.years.allSatisfy { $0.unmetShare < 1e-9 })
  }

  @Test func theCostPhaseBuysOnlyWhatIsNeededAndKeepsTheUnmetAtItsMinimum() throws {
    // Given ample power and chips at 10 M USD per thousand, When solved (cost discounted at 7 %),
    // Then 2025 buys exactly 100 thousand units (that year's demand: later needs are bought later)
    // and nothing is unmet.
    let result = try runner.solveCountry(problem(power: 10_000, supply: 1000, installed: 0))
    let first = try #require(result.years.first)
    #expect(abs(first.acceleratorsBought - 100_000) < 1)
    #expect(abs(first.trainingServed - 100) < 1e-6)
  }

  @Test func invariantsHoldOnEveryYearOfTheBaseline() throws {
    // Given the bundled baseline, When the walls are solved,
    // Then for every country and year: power used <= available, running <= owned,
    // served + unmet = demand, and nothing is bought beyond supply.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let catalog = try CatalogLoader(root: root).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: root).load("baseline")
    let input = try WallsInput(catalog: catalog, scenario: scenario)
    let result = try runner.run(input)
    #expect(result.countries.count == 16)
    for (country, problem) in zip(result.countries, input.problems) {
      for (y, year) in country.years.enumerated() {
        #expect(year.powerUsedMW <= year.powerAvailableMW * (1 + 1e-7) + 1e-6, "\(country.country) \(year.year) power")
        #expect(
          year.acceleratorsRunning <= year.acceleratorsAvailable * (1 + 1e-7) + 1e-3,
          "\(country.country) \(year.year) fleet")
        let unmetT = year.trainingDemand - year.trainingServed
        let unmetI = year.inferenceDemand - year.inferenceServed
        #expect(unmetT >= -1e-6 * max(1, year.trainingDemand) && unmetI >= -1e-6 * max(1, year.inferenceDemand))
        let share =
          ((year.trainingDemand > 0 ? unmetT / year.trainingDemand : 0)
            + (year.inferenceDemand > 0 ? unmetI / year.inferenceDemand : 0)) / 2
        #expect(abs(share - year.unmetShare) < 1e-9, "\(country.country) \(year.year) served + unmet = demand")
        let supplied = problem.supply[y].reduce(0, +) * 1000
        #expect(
          year.acceleratorsBought <= supplied * (1 + 1e-7) + 1e-3,
          "\(country.country) \(year.year) bought beyond supply")
      }
    }
  }
}

import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Hand-made walls problems whose answers follow from arithmetic.
@Suite struct WallsModelTests {
  let runner = WallsRunner(solver: CoinORSolver(), threshold: 0.1)

  /// One kind: 1 MW per thousand units, each unit worth one H100e of training and of inference;
  /// demand 100 thousand H100e of training growing 10 % a year from 2025, over 2025-2034.
  func problem(power: Double, supply: Double, installed: Double, split: Scenario.SplitPolicy = .maxMin)
    -> CountryProblem
  {
    let years = Array(2025...2034)
    let kind = WallsKind(
      id: "unit", megawattsPerThousand: 1, capability: [1, 1], nominalH100e: 1, priceMillionsPerThousand: 10)
    return CountryProblem(
      country: "XX", years: years, kinds: [kind], supply: years.map { _ in [supply] },
      surviving: years.map { _ in [installed] }, lifetime: 100,
      demand: years.map { [100 * pow(1.1, Double($0 - 2025)), 0] }, powerAvailable: years.map { _ in power },
      energyCostPerMegawattYear: 0.7, split: split)
  }

  @Test func ampleChipsAndAFlatGridGiveThePowerWallTheThresholdSays() throws {
    // Given 120 MW flat and 1,000 thousand units for sale each year,
    // When solved with a 10 % threshold,
    // Then the gap 1 − 120 / (100 × 1.1^n) is 0.8 % in 2027, 9.8 % in 2028 and 18 % in 2029:
    // power wall 2029, no chip wall, binding on power.
    let result = try runner.solveCountry(problem(power: 120, supply: 1000, installed: 0))
    #expect(result.powerWallYear == 2029)
    #expect(result.chipWallYear == nil)
    #expect(result.firstShortYear == 2029)
    #expect(result.bindingWall == .power)
    let year2029 = try #require(result.years.first { $0.year == 2029 })
    #expect(isClose(year2029.gapShare, to: 1 - 120 / 146.41, relative: 1e-6))
    // And one more MW serves one thousand H100e (1 MW per thousand units, one H100e each).
    #expect(isClose(year2029.powerShadowPrice, to: 1000, relative: 1e-6))
    #expect(year2029.chipShadowPrice < 1e-6)
    // And the power gap is the 26.41 MW the chips-unlimited model lacks.
    #expect(isClose(year2029.powerGap.megawatts, to: 26.41, relative: 1e-6))
    // And 2027 is short, but by less than the threshold: binding power that year, yet no wall.
    let year2027 = try #require(result.years.first { $0.year == 2027 })
    #expect(year2027.binding == .power && year2027.gapShare < 0.1)
  }

  @Test func aLowerThresholdBringsTheWallForward() throws {
    // Given the same problem and a 5 % threshold, When solved, Then 2028's 9.8 % gap is a wall.
    let result = try WallsRunner(solver: CoinORSolver(), threshold: 0.05).solveCountry(
      problem(power: 120, supply: 1000, installed: 0))
    #expect(result.powerWallYear == 2028)
  }

  @Test func theMirrorCaseGivesTheChipWall() throws {
    // Given 150 thousand units owned, nothing for sale and 10 GW of power,
    // When solved, Then the gap 1 − 150 / (100 × 1.1^n) is 6.9 % in 2030 and 15 % in 2031:
    // chip wall 2031, no power wall, binding on chips, and the chip gap is 177.16 − 150 thousand H100e.
    let result = try runner.solveCountry(problem(power: 10_000, supply: 0, installed: 150))
    #expect(result.chipWallYear == 2031)
    #expect(result.powerWallYear == nil)
    #expect(result.bindingWall == .chip)
    let year = try #require(result.years.first { $0.year == 2031 })
    #expect(isClose(year.chipGap.value, to: (177.156_1 - 150) * 1000, relative: 1e-6))
    #expect(year.chipShadowKind == nil)  // nothing is obtainable, so no kind to quote
  }

  @Test func bothRelaxedGiveNoWall() throws {
    // Given 10 GW and 1,000 thousand units for sale each year, When solved, Then no year has a gap.
    let result = try runner.solveCountry(problem(power: 10_000, supply: 1000, installed: 0))
    #expect(result.powerWallYear == nil && result.chipWallYear == nil && result.bindingWall == .none)
    #expect(result.years.allSatisfy { $0.gap.value < 1e-3 })
  }

  @Test func theCostPhaseBuysOnlyWhatIsNeeded() throws {
    // Given ample power and chips at 10 M USD per thousand, When solved (cost discounted at 7 %),
    // Then 2025 buys exactly 100 thousand units (that year's demand: later needs are bought later).
    let result = try runner.solveCountry(problem(power: 10_000, supply: 1000, installed: 0))
    let first = try #require(result.years.first)
    #expect(abs(first.acceleratorsBought - 100_000) < 1)
  }

  /// One kind worth 1 H100e of training and 2 of inference per unit, 10 thousand owned, no supply,
  /// ample power, and 100 thousand H100e of each workload demanded in one year.
  func twoWorkloads(_ split: Scenario.SplitPolicy) -> CountryProblem {
    let kind = WallsKind(
      id: "k", megawattsPerThousand: 1, capability: [1, 2], nominalH100e: 1, priceMillionsPerThousand: 1)
    return CountryProblem(
      country: "XX", years: [2025], kinds: [kind], supply: [[0]], surviving: [[10]], lifetime: 5, demand: [[100, 100]],
      powerAvailable: [1000], energyCostPerMegawattYear: 0.7, split: split)
  }

  @Test func aShortageIsSharedBetweenTheWorkloadsNotDroppedOnOne() throws {
    // Given a fleet that serves 10 % of training or 20 % of inference, When split max-min,
    // Then x + y = 10 thousand units with x / 100 = 2y / 100: both workloads get 6.67 %, neither 0.
    // (Minimising the sum of unmet shares would give all 10 to inference: 20 % and 0 %.)
    for split in [Scenario.SplitPolicy.maxMin, .proportional] {
      let year = try #require(try runner.solveCountry(twoWorkloads(split)).years.first)
      #expect(isClose(year.trainingServedShare, to: 1 / 15, relative: 1e-6), "\(split)")
      #expect(isClose(year.inferenceServedShare, to: 1 / 15, relative: 1e-6), "\(split)")
    }
  }

  @Test func aPrioritySplitServesItsFirstWorkloadFirst() throws {
    // Given the same fleet, When split training-first, Then training gets 10 % and inference 0;
    // inference-first gives inference 20 % and training 0: the policy says so.
    let training = try #require(try runner.solveCountry(twoWorkloads(.trainingFirst)).years.first)
    #expect(isClose(training.trainingServedShare, to: 0.1, relative: 1e-6) && training.inferenceServedShare < 1e-6)
    let inference = try #require(try runner.solveCountry(twoWorkloads(.inferenceFirst)).years.first)
    #expect(isClose(inference.inferenceServedShare, to: 0.2, relative: 1e-6) && inference.trainingServedShare < 1e-6)
  }

  @Test func maxMinGivesLeftoverCapacityToTheWorkloadThatCanUseIt() throws {
    // Given 100 thousand training-only units beside the mixed fleet, When split max-min,
    // Then inference gets all the mixed units (2 × 10 = 20 %, the most it can have) and training is
    // fully served by the training-only units; proportional holds training down to inference's 20 %.
    let mixed = WallsKind(
      id: "k", megawattsPerThousand: 1, capability: [1, 2], nominalH100e: 1, priceMillionsPerThousand: 1)
    let trainer = WallsKind(
      id: "t", megawattsPerThousand: 1, capability: [1, 0], nominalH100e: 1, priceMillionsPerThousand: 1)
    func problem(_ split: Scenario.SplitPolicy) -> CountryProblem {
      CountryProblem(
        country: "XX", years: [2025], kinds: [mixed, trainer], supply: [[0, 0]], surviving: [[10, 100]], lifetime: 5,
        demand: [[100, 100]], powerAvailable: [1000], energyCostPerMegawattYear: 0.7, split: split)
    }
    let fair = try #require(try runner.solveCountry(problem(.maxMin)).years.first)
    #expect(isClose(fair.trainingServedShare, to: 1, relative: 1e-6))
    #expect(isClose(fair.inferenceServedShare, to: 0.2, relative: 1e-6))
    let proportional = try #require(try runner.solveCountry(problem(.proportional)).years.first)
    #expect(isClose(proportional.trainingServedShare, to: 0.2, relative: 1e-6))
    #expect(isClose(proportional.inferenceServedShare, to: 0.2, relative: 1e-6))
  }
}

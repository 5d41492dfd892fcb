import Foundation
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Demand cases: growth paths, training shares, efficiency and announced additions, by hand.
@Suite struct DemandCaseTests {
  @Test func aDecayingPathHalvesItsExcessEveryHalfLife() {
    // Given start 2.4, long run 1.35, half-life 1.6 years from a 2025 base,
    // When the multipliers are read, Then 2026 is 2.4, 2027.6 would be halfway: 2027 = 1.35 + 1.05 × 0.5^(1/1.6).
    let path = GrowthPath(start: 2.4, longRun: 1.35, halfLife: 1.6)
    #expect(isClose(path.multiplier(in: 2026, baseYear: 2025), to: 2.4, relative: 1e-12))
    #expect(isClose(path.multiplier(in: 2027, baseYear: 2025), to: 1.35 + 1.05 * pow(0.5, 1 / 1.6), relative: 1e-12))
    // 2.4 × 2.0305 × 1.7910 × 1.6357 × 1.5361 = 21.94 (by hand, four decimals).
    #expect(isClose(path.growth(from: 2025, to: 2030, baseYear: 2025), to: 21.94, relative: 0.001))
  }

  @Test func trainingShareAndEfficiencySplitAndShrinkDemand() {
    // Given 100 H100e of each workload in 2025 at a 0.5 training share falling to 0.25 in 2027,
    // constant growth 2x and an inference efficiency of 1.25 a year,
    let demand = DemandCase(
      id: "t", name: "t", growth: .constant(2), trainingShare: YearShares([2025: 0.5, 2027: 0.25]),
      efficiency: .init(training: 1, inference: 1.25))
    let rows = demand.demand(
      for: "XX", base: [.training: H100Equivalents(100), .inference: H100Equivalents(100)], years: 2025...2027)
    // Then 2027's index is 800: training 800 × 0.25 = 200, inference 800 × 0.75 / 1.25² = 384.
    #expect(isClose(rows[2][.training]!.value, to: 200, relative: 1e-12))
    #expect(isClose(rows[2][.inference]!.value, to: 384, relative: 1e-12))
    #expect(rows[0][.training]!.value == 100)
  }

  @Test func announcedGigawattsTurnIntoH100eAtTheYearsPowerPerH100e() {
    // Given 1 GW announced for 2026 at 1.25 kW per H100e, 100k H100e for 2027, then 2x growth,
    let demand = DemandCase(
      id: "a", name: "a", growth: .constant(2), trainingShare: YearShares([2025: 0.5]),
      powerPerH100e: [2026: Power(kilowatts: 1.25)],
      countries: [
        "XX": .init(additions: [2027: H100Equivalents(100_000)], powerAdditions: [2026: Power(megawatts: 1000)])
      ])
    let rows = demand.demand(
      for: "XX", base: [.training: H100Equivalents(50_000), .inference: H100Equivalents(50_000)], years: 2025...2028)
    func total(_ y: Int) -> Double { rows[y].values.map(\.value).reduce(0, +) }
    // Then 2026 = 100k + 800k, 2027 = 900k + 100k, 2028 = 2 × 1,000k (growth resumes after the last addition).
    #expect(isClose(total(1), to: 900_000, relative: 1e-12))
    #expect(isClose(total(2), to: 1_000_000, relative: 1e-12))
    #expect(isClose(total(3), to: 2_000_000, relative: 1e-12))
  }

  @Test func aCountryOverrideReplacesOnlyTheFieldsItGives() {
    let demand = DemandCase(
      id: "c", name: "c", growth: GrowthPath(start: 2.4, longRun: 1.35, halfLife: 1.6),
      countries: ["CN": .init(growth: .init(start: 1.41))])
    #expect(demand.growth(for: "CN") == GrowthPath(start: 1.41, longRun: 1.35, halfLife: 1.6))
    #expect(demand.growth(for: "US") == demand.growth)
  }
}

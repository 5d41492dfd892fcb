import HeadroomModel
import Testing

@Suite struct CountrySupplyTests {
  func country(limits: [Country.Limit] = []) -> Country {
    Country(
      id: "XX", name: "Test", exportGroups: [], diffusionTier: 1,
      dcLoad: .init(year: 2024, power: Power(megawatts: 1000)), additions: Power(megawatts: 10_000),
      dcShareOfAdditions: 0.1, limits: limits, pue: 1.2)
  }

  @Test func supplyGrowsByAdditionsTimesShareEachYearAfterTheBase() {
    // Given 1 GW in 2024 and 10 GW of additions a year of which 10 % can go to data centres,
    // When the series is built, Then 2025 has 2 GW and 2030 has 7 GW.
    let series = country().dataCentrePower(from: 2024, to: 2030)
    #expect(series.first?.available == Power(megawatts: 1000))
    #expect(series[1].available == Power(megawatts: 2000))
    #expect(series.last?.available == Power(megawatts: 7000))
  }

  @Test func aMoratoriumBlocksItsShareWhileInForceAndACapHoldsTheLevel() {
    // Given a moratorium blocking 80 % in 2025-2026 and a 3.5 GW cap from 2028,
    // When the series is built, Then 2025 and 2026 add 200 MW each, 2027 adds 1 GW,
    // and 2028 onwards stays at 3.5 GW (capped).
    let limits = [
      Country.Limit(
        name: "moratorium", kind: .moratorium, from: Day(year: 2025), until: Day(year: 2027), blockedShare: 0.8),
      Country.Limit(name: "cap", kind: .cap, from: Day(year: 2028), cap: Power(megawatts: 3500)),
    ]
    let series = country(limits: limits).dataCentrePower(from: 2025, to: 2030)
    #expect(series[0].available.megawatts.rounded() == 1200)
    #expect(series[1].available.megawatts.rounded() == 1400)
    #expect(series[2].available.megawatts.rounded() == 2400)
    #expect(series[3].available.megawatts.rounded() == 3400)
    #expect(series[4].available.megawatts.rounded() == 3500)
    #expect(series[4].cappedBy == "cap")
  }
}

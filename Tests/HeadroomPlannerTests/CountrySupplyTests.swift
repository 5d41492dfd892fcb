import HeadroomModel
import HeadroomTestSupport
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

@Suite struct CountryQueueSupplyTests {
  @Test func aQueueDelaysAChangeInAdditionsByItsTimeToEnergise() {
    // Given 1 GW in 2024, additions of 10 GW a year to 2026 and 20 GW from 2027, a 10 % share, and a
    // 2-year time to energise,
    let country = Country(
      id: "XX", name: "Test", exportGroups: [], diffusionTier: 1,
      dcLoad: .init(year: 2024, power: Power(megawatts: 1000)), additions: Power(megawatts: 10_000),
      dcShareOfAdditions: 0.1, additionsByYear: [2024: Power(10, "GW"), 2027: Power(20, "GW")],
      interconnection: .init(timeToEnergise: TimeSpan(years: 2)), pue: 1.2)
    // When the series is built,
    let series = country.dataCentrePower(from: 2025, to: 2031)
    // Then 2025-2028 add 1 GW each (requests of 2023-2026 at 10 GW) and 2029 on add 2 GW (requests from 2027):
    // 2028 = 5 GW, 2029 = 7 GW, 2031 = 11 GW. Without the queue 2027 would already add 2 GW.
    let gigawatts = series.map { ($0.available.megawatts / 1000 * 1e6).rounded() / 1e6 }
    #expect(gigawatts == [2, 3, 4, 5, 7, 9, 11])
  }

  @Test func aQueueRuleDelaysRequestsMadeWhileItIsInForce() {
    // Given constant 10 GW additions, share 0.1, no lag, and a batch rule adding 1 year to requests of 2026,
    let rule = Country.Limit(
      name: "batch", kind: .wait, from: Day(year: 2026), until: Day(year: 2027), delay: TimeSpan(years: 1))
    let country = Country(
      id: "XX", name: "Test", exportGroups: [], diffusionTier: 1,
      dcLoad: .init(year: 2024, power: Power(megawatts: 1000)), additions: Power(megawatts: 10_000),
      dcShareOfAdditions: 0.1, limits: [rule], pue: 1.2)
    // When the series is built, Then 2026 adds nothing and 2027 adds both years' 1 GW.
    let added = country.dataCentrePower(from: 2025, to: 2028).map { ($0.added.megawatts).rounded() }
    #expect(added == [1000, 0, 2000, 1000])
  }

  @Test func theUSSeriesReproducesTheIEA2030FigureItIsCalibratedTo() throws {
    // Given the repository's US file (additions 48.6, 64, 86 GW; 3-year queue; share 0.0726 calibrated to IEA),
    let us = try Repository.catalog.country("US")
    // When the series is built, Then 2030 is IEA's ~426 TWh = 48.6 GW average, within 1 %, and growth before
    // 2028 is slower than the old constant 4.62 GW a year (the queue still carries 2022-2024's additions).
    let series = us.dataCentrePower(from: 2025, to: 2035)
    #expect(abs(series[5].available.megawatts / 1000 - 48.6) / 48.6 < 0.01)
    #expect(series[0].added.megawatts < 4620)
  }

  @Test func aRegionSeriesIsItsConnectedCapacityPlusForecastAdditions() throws {
    // Given ERCOT in the repository (3.9 GW operating in 2026, 4.5 GW a year approved to energise),
    let supply = try Repository.catalog.powerSupply(country: "US", region: "US-ERCOT", from: 2026, to: 2028)
    // When read, Then it is connected capacity 3.9, 8.4, 12.9 GW, and lists the options the US may build.
    #expect(supply.basis == .connectedCapacity)
    #expect(supply.years.map { ($0.grid.megawatts / 100).rounded() / 10 } == [3.9, 8.4, 12.9])
    #expect(supply.options.contains { $0.id == "nuclear-restart" })
  }

  @Test func nuclearRestartsAreUSOnlyAndLimitedToThePlantsThatExist() throws {
    // Given the restart option (Palisades 800 MW 2026, Crane 835 MW 2027, Duane Arnold 615 MW 2029),
    let us = try Repository.catalog.powerSupply(country: "US", from: 2026, to: 2030)
    let cn = try Repository.catalog.powerSupply(country: "CN", from: 2026, to: 2030)
    // When read, Then the US may add 800, 835, 0, 615, 0 MW and China has no such option.
    let limits = us.years.map { $0.options.first { $0.option == "nuclear-restart" }?.newCapacityLimit?.megawatts }
    #expect(limits == [800, 835, 0, 615, 0])
    #expect(!cn.options.contains { $0.id == "nuclear-restart" })
  }
}

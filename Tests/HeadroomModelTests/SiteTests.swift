import HeadroomModel
import Testing

@Suite struct SiteTests {
  @Test func itPowerIsSupplyTimesDeratingOverRedundancyAndPue() {
    // Given 100 MW grid + 20 MW on site, derating 0.8, N+1 over 4 modules, PUE 1.25,
    // When the IT power is computed, Then it is 120 x 0.8 / 1.25 / 1.25 = 61.44 MW.
    let site = Site(
      id: "s", name: "s", country: "US", interconnect: [2025: Power(megawatts: 100)],
      onsiteGeneration: [2025: Power(megawatts: 20)], pue: 1.25, redundancy: .nPlusOne(modules: 4),
      derating: 0.8, halls: [])
    #expect(site.itPower(in: 2026)!.megawatts.isApproximatelyEqual(to: 61.44, relativeTolerance: 1e-12))
    #expect(site.itPower(in: 2024) == nil)
  }

  @Test func aLaterPhaseReplacesTheEarlierOne() {
    // Given phases 2025: 200 MW and 2027: 1.2 GW, When asked for 2026 and 2030,
    // Then 2026 keeps 200 MW and 2030 keeps 1.2 GW.
    let site = Site(
      id: "s", name: "s", country: "US",
      interconnect: [2025: Power(megawatts: 200), 2027: Power(megawatts: 1200)], pue: 1, redundancy: .n,
      derating: 1, halls: [])
    #expect(site.supply(in: 2026) == Power(megawatts: 200))
    #expect(site.supply(in: 2030) == Power(megawatts: 1200))
  }
}

import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

@Suite struct SiteFitterTests {
  let catalog = Repository.catalog

  func hall(
    _ id: String = "h", racks: Int, kW: Double, cooling: AcceleratorSystem.Cooling = .air, floor: Double? = nil,
    perRack: Double? = nil
  ) -> Site.Hall {
    Site.Hall(
      id: id, racks: racks, rackPower: Power(kilowatts: kW), cooling: cooling,
      floorArea: floor.map { Area(1_000_000 * $0, "mm2") }, areaPerRack: perRack.map { Area(1_000_000 * $0, "mm2") })
  }

  func site(
    megawatts: Double, halls: [Site.Hall], pue: Double = 1.25, redundancy: Site.Redundancy = .n, derating: Double = 0.8
  ) -> Site {
    Site(
      id: "test-site", name: "Test", country: "US", interconnect: [2025: Power(megawatts: megawatts)], pue: pue,
      redundancy: redundancy, derating: derating, halls: halls)
  }

  let server = AcceleratorSystem(
    id: "box", name: "Box", vendor: "t", accelerator: "h100-sxm", acceleratorCount: 8, power: Power(kilowatts: 10.2),
    footprint: .rackUnits(8), cooling: .air)
  let rack = AcceleratorSystem(
    id: "nvl", name: "NVL", vendor: "t", accelerator: "gb200", acceleratorCount: 72, power: Power(kilowatts: 132),
    footprint: .wholeRacks(1), cooling: .liquid)

  @Test func rackPowerBindsWhenOnlyOneServerFitsARack() throws {
    // Given 100 racks of 12 kW and 50 MW, When 10.2 kW servers are fitted,
    // Then one fits per rack (12 / 10.2), 100 in all, and rack power binds; site power would allow
    // 50 x 0.8 / 1.25 / 10.2 kW = 3,137.
    let fit = try SiteFitter().fit(server, into: site(megawatts: 50, halls: [hall(racks: 100, kW: 12)]), in: 2025)
    #expect(fit.systems == 100)
    #expect(fit.binding == .rackPower)
    #expect(fit.capacityByLimit[.sitePower] == 3137)
    #expect(fit.headroom[.sitePower] == 3037)
  }

  @Test func sitePowerBindsWhenTheGridIsSmall() throws {
    // Given 1,000 racks of 40 kW (3 servers each by power, 5 by space) and 5 MW,
    // When fitted, Then 5 x 0.8 / 1.25 / 10.2 kW = 313 systems and site power binds.
    let fit = try SiteFitter().fit(server, into: site(megawatts: 5, halls: [hall(racks: 1000, kW: 40)]), in: 2025)
    #expect(fit.systems == 313)
    #expect(fit.binding == .sitePower)
    #expect(fit.capacityByLimit[.rackPower] == 3000)
  }

  @Test func floorSpaceBindsWhenTheHallIsTooSmallForItsRacks() throws {
    // Given 500 racks listed but 600 m2 at 3 m2 per rack (200 positions), When fitted,
    // Then 200 racks x 1 server and floor space binds.
    let fit = try SiteFitter().fit(
      server, into: site(megawatts: 100, halls: [hall(racks: 500, kW: 12, floor: 600, perRack: 3)]), in: 2025)
    #expect(fit.systems == 200)
    #expect(fit.binding == .floorSpace)
  }

  @Test func aLiquidRackIsRefusedByAnAirHallWithTheReason() {
    // Given only an air-cooled hall, When an NVL72-like liquid rack is fitted,
    // Then it is refused and the reason names the hall's cooling.
    #expect {
      _ = try SiteFitter().fit(rack, into: site(megawatts: 100, halls: [hall(racks: 100, kW: 200)]), in: 2025)
    } throws: { error in
      "\(error)".contains("field 'halls.h.cooling': value 'air'") && "\(error)".contains("needs a liquid-cooled hall")
    }
  }

  @Test func aRackLimitBelowOneRackScaleSystemIsRefused() {
    // Given a liquid hall of 120 kW racks, When a 132 kW whole-rack system is fitted,
    // Then it is refused naming the rack power and what one system needs.
    #expect {
      _ = try SiteFitter().fit(
        rack, into: site(megawatts: 100, halls: [hall(racks: 100, kW: 120, cooling: .liquid)]), in: 2025)
    } throws: { error in
      "\(error)".contains("field 'halls.h.rack_power': value '120 kW'") && "\(error)".contains("needs 132 kW per rack")
    }
  }

  @Test func aYearBeforeTheFirstPhaseIsRefused() {
    // Given a site energised in 2025, When asked for 2024, Then the refusal names the first phase.
    #expect {
      _ = try SiteFitter().fit(server, into: site(megawatts: 10, halls: [hall(racks: 10, kW: 12)]), in: 2024)
    } throws: { error in "\(error)".contains("first phase is 2025") }
  }

  @Test func moreInterconnectNeverFitsFewerSystems() throws {
    // Given 300 random sites and systems (seeded), When the interconnect grows by 1-100 %,
    // Then the fitted count never falls.
    var random = SplitMix64(seed: 42)
    for _ in 0..<300 {
      let halls = (0..<Int.random(in: 1...4, using: &random)).map { index in
        hall(
          "h\(index)", racks: Int.random(in: 1...2000, using: &random), kW: Double.random(in: 8...150, using: &random),
          cooling: Bool.random(using: &random) ? .air : .liquid,
          floor: Bool.random(using: &random) ? Double.random(in: 100...10_000, using: &random) : nil, perRack: 2.5)
      }
      let megawatts = Double.random(in: 1...500, using: &random)
      let system = Bool.random(using: &random) ? server : rack
      let before = try? SiteFitter().fit(system, into: site(megawatts: megawatts, halls: halls), in: 2025)
      let after = try? SiteFitter().fit(
        system, into: site(megawatts: megawatts * Double.random(in: 1.01...2, using: &random), halls: halls), in: 2025)
      #expect((before?.systems ?? 0) <= (after?.systems ?? 0))
    }
  }

  @Test func aTighterRackLimitNeverFitsMoreSystems() throws {
    // Given 300 random sites (seeded), When every hall's rack power is cut by 1-60 %,
    // Then the fitted count never rises.
    var random = SplitMix64(seed: 7)
    for _ in 0..<300 {
      let halls = (0..<Int.random(in: 1...4, using: &random)).map { index in
        hall(
          "h\(index)", racks: Int.random(in: 1...2000, using: &random), kW: Double.random(in: 8...150, using: &random),
          cooling: Bool.random(using: &random) ? .air : .liquid)
      }
      let cut = Double.random(in: 0.4...0.99, using: &random)
      let tighter = halls.map { hall($0.id, racks: $0.racks, kW: $0.rackPower.watts / 1000 * cut, cooling: $0.cooling) }
      let megawatts = Double.random(in: 1...500, using: &random)
      let system = Bool.random(using: &random) ? server : rack
      let before = try? SiteFitter().fit(system, into: site(megawatts: megawatts, halls: halls), in: 2025)
      let after = try? SiteFitter().fit(system, into: site(megawatts: megawatts, halls: tighter), in: 2025)
      #expect((after?.systems ?? 0) <= (before?.systems ?? 0))
    }
  }

  @Test func theDublinHallTakesOneH200ServerPerRack() throws {
    // Given the bundled Dublin hall (400 x 12 kW racks, 18 MW, 2N, derating 0.8, PUE 1.4),
    // When an HGX H200 (10.2 kW) is fitted, Then 400 fit, rack power binds, and site power would allow
    // 18 MW x 0.8 / 2 / 1.4 / 10.2 kW = 504.
    let fit = try SiteFitter().fit(try catalog.system("hgx-h200"), into: try catalog.site("dublin-colo-hall"), in: 2025)
    #expect(fit.systems == 400)
    #expect(fit.binding == .rackPower)
    #expect(fit.capacityByLimit[.sitePower] == 504)
  }

  @Test func theFrontierCampusIsPowerBoundInItsFirstPhaseAndRackBoundInItsLast() throws {
    // Given the bundled Abilene campus, When GB200 NVL72 racks (132 kW) are fitted,
    // Then 2025: 200 MW x 0.9 / 1.2 / 132 kW = 1,136 (site power binds);
    // and 2026: (1 GW + 360 MW) x 0.9 / 1.2 = 1.02 GW allows 7,727 but the 7,574 racks bind.
    let campus = try catalog.site("abilene-campus")
    let nvl72 = try catalog.system("gb200-nvl72")
    let first = try SiteFitter().fit(nvl72, into: campus, in: 2025)
    #expect(first.systems == 1136)
    #expect(first.binding == .sitePower)
    let last = try SiteFitter().fit(nvl72, into: campus, in: 2026)
    #expect(last.systems == 7574)
    #expect(last.binding == .rackCount)
    #expect(last.capacityByLimit[.sitePower] == 7727)
  }
}

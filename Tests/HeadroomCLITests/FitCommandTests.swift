import Foundation
import HeadroomTestSupport
import Testing

@Suite struct FitCommandTests {
  /// A data folder with one site file (and the repository's hardware), for bad-input tests.
  func folder(site: String, country: String = "US") throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-fit-\(UUID().uuidString)")
    let manager = FileManager.default
    try manager.createDirectory(at: root.appendingPathComponent("Grids/sites"), withIntermediateDirectories: true)
    try manager.createDirectory(at: root.appendingPathComponent("Grids/countries"), withIntermediateDirectories: true)
    try manager.copyItem(
      at: Repository.root.appendingPathComponent("Hardware"), to: root.appendingPathComponent("Hardware"))
    try manager.copyItem(
      at: Repository.root.appendingPathComponent("Grids/countries/US.yaml"),
      to: root.appendingPathComponent("Grids/countries/US.yaml"))
    try site.write(to: root.appendingPathComponent("Grids/sites/test-site.yaml"), atomically: true, encoding: .utf8)
    return root
  }

  func siteFile(country: String = "US", rackPower: String = "12 kW", cooling: String = "air") -> String {
    """
    id: test-site
    name: Test site
    country: \(country)
    interconnect:
      2026: 20 MW
    pue: 1.3
    redundancy: N
    derating: 0.8
    halls:
      - id: hall-1
        racks: 100
        rack_power: \(rackPower)
        cooling: \(cooling)
    sources:
      - url: https://example.com
        supports: [interconnect, pue, derating, halls]
        confidence: estimate
    """
  }

  @Test func theDublinHallReportsRackPowerBindingWithSitePowerHeadroom() throws {
    // Given the bundled Dublin hall, When an HGX H200 is fitted as JSON,
    // Then 400 systems fit, rack power binds and site power allows 504.
    let result = try Headroom.run(["fit", "--site", "dublin-colo-hall", "--system", "hgx-h200", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    #expect(json["systems"] as? Double == 400)
    #expect(json["binding"] as? String == "rack power")
    let limits = try #require(json["limits"] as? [[String: Any]])
    #expect(limits.first { $0["limit"] as? String == "site power" }?["systemsAllowed"] as? Double == 504)
  }

  @Test func aLiquidRackInTheDublinHallIsRefusedWithTheReason() throws {
    // Given the air-cooled Dublin hall, When a GB200 NVL72 is fitted,
    // Then the exit status is non-zero and the message names the site file, line, field and value.
    let result = try Headroom.run(["fit", "--site", "dublin-colo-hall", "--system", "gb200-nvl72"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("Grids/sites/dublin-colo-hall.yaml:"))
    #expect(result.stderr.contains("field 'halls.hall-1.cooling': value 'air'"))
  }

  @Test func aSiteNamingAnUnknownCountryIsAnError() throws {
    // Given a site in country 'XX', When any command loads the data, Then it fails naming the field and value.
    let root = try folder(site: siteFile(country: "UX"))
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Headroom.run(["fit", "--site", "test-site", "--system", "hgx-h200", "--data", root.path])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "Grids/sites/test-site.yaml: field 'country': value 'UX': unknown country code; did you mean 'US'"),
      "\(result.stderr)")
  }

  @Test func zeroRackPowerIsAnErrorWithItsLine() throws {
    // Given 'rack_power: 0 kW' on line 12, When loaded, Then the error names line 12, the field and the value.
    let root = try folder(site: siteFile(rackPower: "0 kW"))
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Headroom.run(["fit", "--site", "test-site", "--system", "hgx-h200", "--data", root.path])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "test-site.yaml:12: field 'halls.hall-1.rack_power': value '0 kW': expected a positive power"),
      "\(result.stderr)")
  }

  @Test func aRackLimitBelowOneWholeRackSystemIsAnError() throws {
    // Given liquid-cooled 100 kW racks, When a 132 kW GB200 NVL72 is fitted,
    // Then it fails naming line 12, the field, the value and the 132 kW needed.
    let root = try folder(site: siteFile(rackPower: "100 kW", cooling: "liquid"))
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Headroom.run(["fit", "--site", "test-site", "--system", "gb200-nvl72", "--data", root.path])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "test-site.yaml:12: field 'halls.hall-1.rack_power': value '100 kW': a gb200-nvl72 needs 132 kW per rack"),
      "\(result.stderr)")
  }

  @Test func aYearBeforeTheSitesPhasesIsAnError() throws {
    // Given a site energised in 2026, When fitted for 2024, Then the error names the interconnect line and the year.
    let root = try folder(site: siteFile())
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Headroom.run([
      "fit", "--site", "test-site", "--system", "hgx-h200", "--year", "2024", "--data", root.path,
    ])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("test-site.yaml:4: field 'interconnect': value '2024': the site's first phase is 2026"),
      "\(result.stderr)")
  }

  @Test func anUnknownSystemSuggestsTheNearestIds() throws {
    // Given a misspelt system id, When fitted, Then the error suggests the catalog id.
    let result = try Headroom.run(["fit", "--site", "dublin-colo-hall", "--system", "hgx-h20"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown system id; nearest known: hgx-h200"), "\(result.stderr)")
  }
}

@Suite struct GridCommandTests {
  @Test func listShowsEveryCountrySideBySide() throws {
    // Given the bundled countries, When listed as JSON, Then at least the 15 countries and EU27 appear.
    let result = try Headroom.run(["grid", "list", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let countries = try #require(Headroom.json(result.stdout)["countries"] as? [[String: Any]])
    let codes = Set(countries.compactMap { $0["country"] as? String })
    for code in ["US", "CN", "IE", "DE", "NL", "GB", "FR", "JP", "KR", "TW", "IN", "SG", "MY", "AE", "SA", "EU27"] {
      #expect(codes.contains(code), "\(code)")
    }
  }

  @Test func showGivesTheSeriesWithLimits() throws {
    // Given Ireland, When its 2025-2030 series is shown, Then it has six non-decreasing years and the Dublin limit.
    let result = try Headroom.run(["grid", "show", "IE", "--from", "2025", "--to", "2030", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let series = try #require(Headroom.json(result.stdout)["series"] as? [[String: Any]])
    #expect(series.count == 6)
    let values = series.compactMap { $0["powerAvailableMW"] as? Double }
    #expect(values == values.sorted())
    #expect(result.stdout.contains("Dublin"))
  }

  @Test func aBackwardsRangeIsAUsageError() throws {
    // Given --from after --to, When run, Then it fails with a clear message.
    let result = try Headroom.run(["grid", "show", "US", "--from", "2030", "--to", "2025"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--from 2030 is after --to 2025"))
  }
}

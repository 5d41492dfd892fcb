import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Bad power-supply input gets one clear error naming file, line, field and value; the repository's
/// generation, equipment and region data load and are fully sourced.
@Suite struct PowerSupplyDataTests {
  func loadError(_ files: [String: String]) throws -> String {
    let root = try TestData.folder(files)
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      _ = try CatalogLoader(root: root).load()
    } catch {
      return error.description
    }
    Issue.record("expected the load to fail")
    return ""
  }

  static let option = """
    id: test-turbine
    name: Test turbine
    technology: aeroderivative-gas-turbine
    combustion: true
    capex: 1500 USD/kW
    operating_cost: 50 USD/MWh
    emissions: 480 g/kWh
    lead_time: 2 years
    availability: 0.9
    sources:
      - url: https://example.com/turbine
        supports: [capex, operating_cost, emissions, lead_time, availability]
        confidence: estimate

    """

  static let country = """
    id: XX
    name: Testland
    dc_load: {year: 2024, power: 1 GW}
    additions: 10 GW
    dc_share_of_additions: 0.1
    pue: 1.2
    regions:
      - id: XX-NORTH
        name: North
        dc_capacity: {year: 2025, power: 2 GW}
        dc_additions: {2026: 1 GW}
        interconnection: {time_to_energise: 2 years, queue: 30 GW, queue_date: 2025-11-01}
    limits:
      - name: pause
        kind: moratorium
        from: 2025-01-01
        until: 2027-01-01
        blocked_share: 0.5
    sources:
      - url: https://example.com/grid
        supports: [dc_load, additions, dc_share_of_additions, pue, regions, limits]
        confidence: estimate

    """

  static func site(region: String) -> String {
    """
    id: test-site
    name: Test site
    country: XX
    region: \(region)
    grid_requested: 2026-01-01
    interconnect: {2026: 100 MW}
    pue: 1.2
    derating: 0.9
    halls:
      - {id: hall-1, racks: 10, rack_power: 40 kW, cooling: air}
    sources:
      - url: https://example.com/site
        supports: [interconnect, pue, derating, halls]
        confidence: estimate

    """
  }

  @Test func aNegativeLeadTimeNamesFileLineFieldAndValue() throws {
    // Given a generation option whose lead time on line 8 is -1 years,
    // When loaded, Then the error names the file, line 8, the field, the value and the expectation.
    let message = try loadError([
      "Grids/generation/test-turbine.yaml": Self.option.replacingOccurrences(
        of: "lead_time: 2 years", with: "lead_time: -1 years")
    ])
    #expect(
      message.contains(
        "Grids/generation/test-turbine.yaml:8: field 'lead_time': value '-1 years': expected a lead time of zero or more"
      ),
      "\(message)")
  }

  @Test func aSiteNamingAnUnknownRegionNamesFileLineFieldValueAndTheKnownRegions() throws {
    // Given a site on line 5 naming region XX-NORHT of a country that has XX-NORTH,
    // When loaded, Then the error names the site file, line 5, field 'region', the value, and suggests XX-NORTH.
    let message = try loadError([
      "Grids/countries/XX.yaml": Self.country, "Grids/sites/test-site.yaml": Self.site(region: "XX-NORHT"),
    ])
    #expect(
      message.contains("Grids/sites/test-site.yaml:4: field 'region': value 'XX-NORHT': unknown grid region of XX"),
      "\(message)")
    #expect(message.contains("did you mean 'XX-NORTH'"), "\(message)")
  }

  @Test func aLimitEndingBeforeItStartsNamesFileLineFieldAndValue() throws {
    // Given a moratorium from 2025-01-01 until 2024-06-01 (line 18), When loaded,
    // Then the error names the file, the line, the field 'limits.0.until' and both dates.
    let message = try loadError([
      "Grids/countries/XX.yaml": Self.country.replacingOccurrences(of: "until: 2027-01-01", with: "until: 2024-06-01")
    ])
    #expect(message.contains("Grids/countries/XX.yaml:"), "\(message)")
    #expect(message.contains("field 'limits.0.until'"), "\(message)")
    #expect(message.contains("value '2024-06-01'"), "\(message)")
    #expect(message.contains("the end date is before the start (from: 2025-01-01)"), "\(message)")
  }

  @Test func aValidRegionLoadsWithItsQueueAndTimeToEnergise() throws {
    // Given the test country and a site naming its region, When loaded,
    // Then the region's queue and time to energise are read in typed units.
    let root = try TestData.folder([
      "Grids/countries/XX.yaml": Self.country, "Grids/sites/test-site.yaml": Self.site(region: "XX-NORTH"),
      "Grids/generation/test-turbine.yaml": Self.option,
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let catalog = try CatalogLoader(root: root).load()
    let region = try #require(try catalog.country("XX").region("XX-NORTH"))
    #expect(region.interconnection?.queue == Power(30, "GW"))
    #expect(region.interconnection?.timeToEnergise == TimeSpan(years: 2))
    #expect(try catalog.generationOption("test-turbine").leadTime == TimeSpan(years: 2))
  }

  @Test func theRepositoryGenerationAndEquipmentAreFullySourced() {
    // Given the repository's data, When checked, Then generation options and equipment are at 100 % coverage.
    let check = CatalogCheck(Repository.catalog)
    for kind in ["generation options", "equipment"] {
      let entry = check.coverage.first { $0.kind == kind }
      #expect(entry?.items ?? 0 >= 2, "\(kind)")
      #expect(entry?.uncovered == [], "\(kind)")
    }
  }

  @Test func transformerLeadTimeIsThePublishedSurveyFigure() throws {
    // Given Wood Mackenzie's Q2 2025 survey (128 weeks for power transformers), When read,
    // Then the equipment file gives 128 weeks, inside the 120-160 week band quoted since 2024.
    let transformer = try #require(Repository.catalog.equipment.first { $0.id == "large-power-transformer" })
    #expect(abs(transformer.leadTime.days / 7 - 128) < 1e-9)
  }
}

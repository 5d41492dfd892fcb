import Foundation
import HeadroomCatalog
import HeadroomTestSupport
import Testing

/// Each kind of bad input gives one error naming file, line, field, value and what was expected.
@Suite struct CatalogErrorTests {
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

  @Test func malformedYamlNamesFileAndLine() throws {
    // Given a file whose line 3 opens a flow sequence it never closes,
    // When loaded, Then the error names the file, a line and says the YAML is malformed.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": "id: test-gpu\nname: Test\nvendor: [test\nyear: 2024\n"
    ])
    #expect(message.contains("Hardware/accelerators/test/test-gpu.yaml:"))
    #expect(message.contains("malformed YAML"))
  }

  @Test func unknownFieldNamesItsLineAndTheNearestKnownKey() throws {
    // Given 'tdpp: 700 W' on line 13, When loaded, Then the error names line 13, the field and suggests 'tdp'.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "die_area: 800 mm2", with: "die_area: 800 mm2\ntdpp: 700 W")
    ])
    #expect(message.contains("test-gpu.yaml:14: field 'tdpp'"), "\(message)")
    #expect(message.contains("unknown field; did you mean 'tdp'"))
  }

  @Test func wrongDimensionNamesFieldValueAndExpectedUnit() throws {
    // Given 'tdp: 141 GB' on line 12, When loaded,
    // Then the error names the line, the field, the value, the expected power and what GB is.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(replacing: "tdp: 700 W", with: "tdp: 141 GB")
    ])
    #expect(
      message.contains(
        "Hardware/accelerators/test/test-gpu.yaml:12: field 'tdp': value '141 GB': expected a power with its unit, e.g. '700 W' ('141 GB' is a size in bytes)"
      ),
      "\(message)")
  }

  @Test func aFigureWithoutASourceFailsTheCheck() throws {
    // Given a source list that omits 'tdp', When the catalog is checked,
    // Then coverage is below 100 % and the uncovered field is named with its file.
    let root = try TestData.folder([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "memory_bandwidth, tdp,", with: "memory_bandwidth,")
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let check = CatalogCheck(try CatalogLoader(root: root).load())
    #expect(!check.passed)
    #expect(check.coverage[0].uncovered == ["Hardware/accelerators/test/test-gpu.yaml: tdp"])
  }

  @Test func aMissingSourcesListIsAnError() throws {
    // Given a file with no 'sources', When loaded, Then the error says every item needs sources.
    let text = TestData.accelerator()
    let withoutSources = String(text[..<text.range(of: "sources:")!.lowerBound])
    let message = try loadError(["Hardware/accelerators/test/test-gpu.yaml": withoutSources])
    #expect(message.contains("test-gpu.yaml:1: field 'sources': missing sources"), "\(message)")
  }

  @Test func aDuplicateIdNamesBothFiles() throws {
    // Given the same id under two vendors, When loaded, Then the second file's error names the first.
    let message = try loadError([
      "Hardware/accelerators/a/test-gpu.yaml": TestData.accelerator(),
      "Hardware/accelerators/b/test-gpu.yaml": TestData.accelerator(),
    ])
    #expect(
      message.contains(
        "Hardware/accelerators/b/test-gpu.yaml:1: field 'id': value 'test-gpu': duplicate accelerator id: already defined in Hardware/accelerators/a/test-gpu.yaml"
      ),
      "\(message)")
  }

  @Test func anUnknownAcceleratorIdSuggestsTheNearestIds() throws {
    // Given the repository catalog, When 'h100-sx' is looked up, Then the error suggests h100-sxm.
    #expect {
      _ = try Repository.catalog.accelerator("h100-sx")
    } throws: { error in
      "\(error)".contains("value 'h100-sx': unknown accelerator id; nearest known: h100-sxm")
    }
  }

  @Test func aSystemNamingAnUnknownAcceleratorIsAnError() throws {
    // Given a system whose accelerator id is misspelt, When loaded, Then the error names the field and suggests the id.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(),
      "Hardware/systems/test-box.yaml": """
      id: test-box
      name: Test box
      vendor: test
      accelerator: test-gpo
      accelerators: 8
      power: 10 kW
      rack_units: 8
      cooling: air
      sources:
        - url: https://example.com
          supports: [accelerators, power, rack_units]
          confidence: primary
      """,
    ])
    #expect(
      message.contains(
        "test-box.yaml: field 'accelerator': value 'test-gpo': unknown accelerator id; did you mean 'test-gpu'"),
      "\(message)")
  }

  @Test func aLongFormValueMustSayWhy() throws {
    // Given a long-form die area marked as an estimate without a note, When loaded, Then it is refused.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "die_area: 800 mm2", with: "die_area:\n  value: 800 mm2\n  estimate: true")
    ])
    #expect(message.contains("field 'die_area'") && message.contains("needs a 'note'"), "\(message)")
  }

  /// A valid country file, with a line replaced for a test.
  static func country(replacing old: String? = nil, with new: String? = nil) -> String {
    var text = """
      id: ZZ
      name: Testland
      export_groups: [D:4]
      diffusion_tier: 2
      dc_load:
        year: 2024
        power: 1 GW
      additions: 10 GW
      dc_share_of_additions: 0.1
      limits:
        - name: Test moratorium
          kind: moratorium
          from: 2024-01-01
          until: 2026-01-01
          blocked_share: 0.5
      pue: 1.3
      sources:
        - url: https://example.com/grid
          supports: [dc_load, additions, dc_share_of_additions, limits, pue]
          confidence: primary

      """
    if let old, let new { text = text.replacingOccurrences(of: old, with: new) }
    return text
  }

  @Test func aCountryWithAnUnknownExportGroupNamesTheGroupAndItsLine() throws {
    // Given a country listing the group 'D:9' on line 3, When loaded,
    // Then the error names the file, line 3, the field, the value and the groups expected.
    let message = try loadError([
      "Grids/countries/ZZ.yaml": Self.country(replacing: "export_groups: [D:4]", with: "export_groups: [D:4, D:9]")
    ])
    #expect(
      message.contains("Grids/countries/ZZ.yaml:3: field 'export_groups': value 'D:9': unknown country group"),
      "\(message)")
    #expect(message.contains("expected one of A:1, A:5, A:6, D:1"), "\(message)")
  }

  @Test func aLimitEndingBeforeItStartsNamesTheEndDate() throws {
    // Given a moratorium from 2024-01-01 until 2023-06-30 (line 14), When loaded,
    // Then the error names the file, line 14, the field 'limits.0.until', the value and the start.
    let message = try loadError([
      "Grids/countries/ZZ.yaml": Self.country(replacing: "until: 2026-01-01", with: "until: 2023-06-30")
    ])
    #expect(
      message.contains(
        "Grids/countries/ZZ.yaml:14: field 'limits.0.until': value '2023-06-30': the end date is before the start (from: 2024-01-01)"
      ),
      "\(message)")
  }

  @Test func aFeeOnADeniedPolicyLineIsRefused() throws {
    // Given a rule whose denied line carries a fee, When loaded, Then the error names the line's decision.
    let rule = """
      id: test-rule
      name: Test rule
      effective: 2026-01-01
      extends: oct-2023
      destinations:
        - name: Testland
          countries: [ZZ]
          policies:
            - classes: [3A090.a]
              routes: [export]
              decision: denied
              fee: 0.25
      sources:
        - url: https://example.com/rule
          supports: [destinations]
          confidence: primary

      """
    let message = try loadError([
      "Hardware/export-rules/oct-2023.yaml": TestData.oct2023, "Hardware/export-rules/test-rule.yaml": rule,
    ])
    #expect(
      message.contains("test-rule.yaml:11: field 'destinations.0.policies.0.decision': value 'denied'"), "\(message)")
    let route = try loadError([
      "Hardware/export-rules/oct-2023.yaml": TestData.oct2023,
      "Hardware/export-rules/test-rule.yaml": rule.replacingOccurrences(
        of: "routes: [export]", with: "routes: [smuggled]"
      )
      .replacingOccurrences(of: "\n        fee: 0.25", with: ""),
    ])
    #expect(route.contains("value 'smuggled': unknown route"), "\(route)")
  }
}

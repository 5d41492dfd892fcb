import Foundation
import HeadroomCatalog
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
      _ = try TestData.catalog.accelerator("h100-sx")
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
}

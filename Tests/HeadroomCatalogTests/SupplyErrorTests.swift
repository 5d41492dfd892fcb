import Foundation
import HeadroomCatalog
import Testing

/// Bad production, supply and roadmap data: one error naming file, line, field, value and what was expected.
@Suite struct SupplyErrorTests {
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

  static let production = """
    id: test
    vendor: test
    as_of: 2026-12-05
    kinds:
      test-gpu:
        2025: 1000
        2026: 3000
    sources:
      - url: https://example.com/outlook
        supports: [kinds]
        confidence: secondary

    """

  static let packaging = """
    id: packaging
    name: Test packaging
    unit: wafers
    as_of: 2026-12-05
    capacity:
      2025: 100
      2026: 100
    usage:
      test-gpu: 0.05
    sources:
      - url: https://example.com/capacity
        supports: [capacity, usage]
        confidence: secondary

    """

  @Test func aRoadmapPartWithNoDateIsAnError() throws {
    // Given an accelerator marked 'status: announced' with no 'announced' date, When loaded,
    // Then the error names the file, the field and asks for the announcement day.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "year: 2024\n", with: "year: 2027\nstatus: announced\n")
    ])
    #expect(message.contains("Hardware/accelerators/test/test-gpu.yaml:1: field 'announced'"), "\(message)")
    #expect(message.contains("needs the day of the announcement"))
  }

  @Test func aRoadmapFigureNotMarkedAsAnEstimateIsAnError() throws {
    // Given a dated roadmap part whose first figure, 'bf16: 500 TFLOP/s' on line 10, is written plainly,
    // When loaded, Then the error names that line and field and asks for the estimate long form.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "year: 2024\n", with: "year: 2027\nstatus: announced\nannounced: 2026-03-16\n")
    ])
    #expect(message.contains("test-gpu.yaml:10: field 'compute.bf16'"), "\(message)")
    #expect(message.contains("estimate: true"))
  }

  @Test func productionAboveALimitNamesTheFigureTheLimitAndBothAmounts() throws {
    // Given 3,000 test GPUs in 2026 at 0.05 wafers each (150 wafers) against 100 wafers, When loaded,
    // Then the error names the production file, line 7, field 'kinds.test-gpu.2026', the value and the limit.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(),
      "Hardware/production/test.yaml": Self.production,
      "Hardware/supply/packaging.yaml": Self.packaging,
    ])
    #expect(
      message.contains(
        "Hardware/production/test.yaml:7: field 'kinds.test-gpu.2026': value '3000': production exceeds the supply limit 'packaging': the bundled production needs 150 wafers in 2026, the limit allows 100"
      ), "\(message)")
    #expect(message.contains("Hardware/supply/packaging.yaml"))
  }

  @Test func anUnknownAcceleratorInAProductionFileIsAnError() throws {
    // Given a production file naming 'test-gpv', When loaded, Then the error names the file, line, field and
    // value and suggests 'test-gpu'.
    let message = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(),
      "Hardware/production/test.yaml": Self.production.replacingOccurrences(of: "test-gpu:", with: "test-gpv:"),
    ])
    #expect(
      message.contains(
        "Hardware/production/test.yaml:5: field 'kinds.test-gpv': value 'test-gpv': unknown accelerator id; did you mean 'test-gpu'?"
      ), "\(message)")
  }

  @Test func aPriceNeedsItsBasisAndARangeMustHoldItsPoint() throws {
    // Given a price without 'basis', When loaded, Then the error asks for chip or system-share;
    // Given a point value outside its range, Then the error says so.
    let noBasis = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "sources:", with: "price:\n  amount: 30000 USD\n  year: 2025\n  kind: street\nsources:")
    ])
    #expect(noBasis.contains("field 'price.basis'") && noBasis.contains("chip | system-share"), "\(noBasis)")
    let outside = try loadError([
      "Hardware/accelerators/test/test-gpu.yaml": TestData.accelerator(
        replacing: "sources:",
        with:
          "price:\n  low: 10000 USD\n  high: 15000 USD\n  amount: 25700 USD\n  year: 2025\n  kind: street\n  basis: chip\nsources:"
      )
    ])
    #expect(outside.contains("field 'price.amount'") && outside.contains("within low ... high"), "\(outside)")
  }
}

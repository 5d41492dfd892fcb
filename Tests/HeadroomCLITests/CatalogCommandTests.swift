import Foundation
import Testing

@Suite struct CatalogCommandTests {
  @Test func checkPassesOnTheRepositoryDataFromAnyDirectory() throws {
    // Given the repository's data and a temporary working directory, When 'catalog check' runs,
    // Then it finds the data, reports 100 % coverage and exits 0.
    let result = try Headroom.run(["catalog", "check", "--format", "json"])
    #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    #expect(json["passed"] as? Bool == true)
    #expect(json["coverageShare"] as? Double == 1)
  }

  @Test func listFiltersAndSortsByDerivedMetrics() throws {
    // Given the catalog, When listing Huawei parts sorted by BF16 per watt as JSON,
    // Then only Huawei parts come back, in non-increasing order of that metric.
    let result = try Headroom.run([
      "catalog", "list", "--vendor", "huawei", "--sort", "bf16-per-watt", "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let parts = try #require(Headroom.json(result.stdout)["accelerators"] as? [[String: Any]])
    #expect(!parts.isEmpty)
    #expect(parts.allSatisfy { $0["vendor"] as? String == "huawei" })
    let values = parts.compactMap { $0["bf16TFLOPSPerW"] as? Double }
    #expect(values == values.sorted(by: >))
  }

  @Test func listFiltersByComputedExportClass() throws {
    // Given the rules in force, When listing class 'none' parts, Then the H20 is there and the H100 is not.
    let result = try Headroom.run(["catalog", "list", "--class", "none", "--format", "csv"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("\nh20,"))
    #expect(!result.stdout.contains("\nh100-sxm,"))
  }

  @Test func showGivesEveryFigureWithItsSource() throws {
    // Given the H100 SXM, When shown, Then the TDP row carries a source reference and sources are listed.
    let result = try Headroom.run(["catalog", "show", "h100-sxm"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("700 W"))
    #expect(result.stdout.contains("[1]"))
    #expect(!result.stdout.contains("NO SOURCE"))
  }

  @Test func compareGivesRatiosAgainstTheFirst() throws {
    // Given the H100 and the H20, When compared, Then the H20's BF16 is 0.15x the H100's.
    let result = try Headroom.run(["catalog", "compare", "h100-sxm", "h20", "--format", "markdown"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("148 TFLOP/s (0.15x)"))
  }

  @Test func badDataExitsNonZeroNamingFileLineAndField() throws {
    // Given a data folder with 'tdp: 141 GB', When 'catalog check' runs on it,
    // Then it exits non-zero and the error names file, line, field and value.
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-cli-\(UUID().uuidString)")
    let file = root.appendingPathComponent("Hardware/accelerators/x/bad.yaml")
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try """
    id: bad
    name: Bad
    vendor: x
    year: 2024
    datacenter: true
    origin: US
    compute:
      bf16: 100 TFLOP/s
    tdp: 141 GB
    sources:
      - url: https://example.com
        supports: [year, compute, tdp]
        confidence: primary
    """.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Headroom.run(["catalog", "check", "--data", root.path])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("Hardware/accelerators/x/bad.yaml:9: field 'tdp': value '141 GB'"), "\(result.stderr)")
  }
}

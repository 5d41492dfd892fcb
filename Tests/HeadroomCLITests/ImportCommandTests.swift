import Foundation
import Testing

/// `headroom import`: CSV files of own data written as checked YAML.
@Suite struct ImportCommandTests {
  /// A 20-row fleet: 4 countries x 5 kinds, installed in 2024, some rows with a source URL.
  static func fleet() -> String {
    var lines = ["country,accelerator,year,units,source_url,confidence,note"]
    let kinds = ["h100-sxm", "h200-sxm", "mi300x", "h20", "a100-80gb"]
    for (c, country) in ["US", "DE", "JP", "GB"].enumerated() {
      for (k, kind) in kinds.enumerated() {
        let units = 1000 * (c + 1) * (k + 1)
        let cited = k == 0 ? "https://example.com/fleet-\(country),secondary,\"census, \(country)\"" : ",,"
        lines.append("\(country),\(kind),2024,\(units),\(cited)")
      }
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  @Test func aTwentyRowFleetBecomesAScenarioThatWallsRuns() throws {
    // Given a 20-row fleet CSV and an own data folder,
    let own = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: own) }
    let csv = own.appendingPathComponent("our-fleet.csv")
    try Self.fleet().write(to: csv, atomically: true, encoding: .utf8)
    #expect(Self.fleet().split(separator: "\r\n").count == 21)
    // When imported,
    let result = try Headroom.run(["import", "fleet", csv.path, "--data", own.path])
    // Then a scenario extending the baseline holds every row, sources for the cited rows, private marks for the rest,
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Imported 20 rows of our-fleet.csv as fleet"))
    let file = own.appendingPathComponent("Scenarios/our-fleet.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("extends: baseline"))
    #expect(text.components(separatedBy: "private: true").count - 1 == 16)
    #expect(text.components(separatedBy: "- url: ").count - 1 == 4)
    #expect(text.contains("supports: [countries.GB.installed.h100-sxm.2024]"))
    #expect(text.contains("note: \"census, GB\""))
    // And walls runs it, the catalog check covers it, and the JP 2024 MI300X count (3 x 3 x 1,000) is in it.
    let walls = try Headroom.run(["walls", "--scenario", "our-fleet", "--data", own.path, "--no-save"])
    #expect(walls.status == 0, "\(walls.stderr)")
    #expect(text.contains("      mi300x:\n        2024: {value: 9000, private: true"))
    let check = try Headroom.run(["catalog", "check", "--data", own.path])
    #expect(check.status == 0, "\(check.stdout)")
  }

  @Test func aCSVWithOneBadRowNamesTheRowAndColumnAndWritesNothing() throws {
    // Given a fleet whose 5th record (row 5) has a year written as text,
    let own = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: own) }
    var lines = Self.fleet().components(separatedBy: "\r\n")
    lines[4] = "JP,h100-sxm,twenty24,3000,,,"
    let csv = own.appendingPathComponent("fleet.csv")
    try lines.joined(separator: "\n").write(to: csv, atomically: true, encoding: .utf8)
    // When imported, Then the error names the file, row 5, column 3 and the value, and no file is written.
    let result = try Headroom.run(["import", "fleet", csv.path, "--data", own.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains("fleet.csv: row 5, column 3 (year): value 'twenty24': expected a year from 1990 to 2100"),
      "\(result.stderr)")
    #expect(!FileManager.default.fileExists(atPath: own.appendingPathComponent("Scenarios").path))
  }

  @Test func sitesAndAcceleratorsImportAndLoad() throws {
    // Given a site over two rows (two phases, one hall) and an accelerator,
    let own = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: own) }
    let sites = own.appendingPathComponent("sites.csv")
    try """
    id,name,country,year,interconnect_mw,pue,redundancy,derating,racks,rack_power_kw,cooling
    csv-site,"Campus, phase 1",US,2026,100,1.2,N,0.9,500,140,liquid
    csv-site,"Campus, phase 1",US,2028,300,1.2,N,0.9,500,140,liquid
    """.write(to: sites, atomically: true, encoding: .utf8)
    let parts = own.appendingPathComponent("parts.csv")
    try """
    id,vendor,year,origin,bf16_tflop_s,fp8_tflop_s,memory_gb,memory_bandwidth_tb_s,tdp_w,price_usd,price_year,note
    csv-chip,acme,2026,US,1000,2000,96,4,700,20000,2026,our quote
    """.write(to: parts, atomically: true, encoding: .utf8)
    // When both are imported, Then fit uses the site with the new system's figures, the site has 2 phases.
    #expect(try Headroom.run(["import", "sites", sites.path, "--data", own.path]).status == 0)
    #expect(try Headroom.run(["import", "accelerators", parts.path, "--data", own.path]).status == 0)
    let fit = try Headroom.run([
      "fit", "--site", "csv-site", "--system", "gb200-nvl72", "--year", "2028", "--data", own.path, "--format", "json",
    ])
    #expect(fit.status == 0, "\(fit.stderr)")
    let classify = try Headroom.run(["classify", "csv-chip", "--data", own.path])
    #expect(classify.status == 0 && classify.stdout.contains("TPP"), "\(classify.stderr)")
    #expect(classify.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("our quote"))
    // And importing the same accelerators again is refused: the id exists.
    let again = try Headroom.run(["import", "accelerators", parts.path, "--data", own.path])
    #expect(again.status == 1 && again.stderr.contains("row 2, column 1 (id): value 'csv-chip'"), "\(again.stderr)")
  }
}

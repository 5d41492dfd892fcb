import Foundation
import Testing

@Suite struct ClassifyCommandTests {
  @Test(arguments: [["--tflops", "300", "--bits", "16"], ["--tflops", "600", "--bits", "8"]])
  func bisExampleGivesTpp4800AndClass3A090a(arguments: [String]) throws {
    // Given BIS's own example, When classified from the command line as JSON,
    // Then TPP is 4800, the class 3A090.a under a.1, and PD null without a die area.
    let result = try Headroom.run(["classify"] + arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    #expect(json["tpp"] as? Double == 4800)
    #expect(json["class"] as? String == "3A090.a")
    #expect(json["clause"] as? String == "a.2" || json["clause"] as? String == "a.1")
    #expect(json["pd"] is NSNull)
  }

  @Test func aCatalogPartGetsItsPolicyForADestinationOnADate() throws {
    // Given the H200 and China, When classified under the rules of 2026-02-01,
    // Then it is 3A090.a, licensed case by case with a 25 % fee.
    let result = try Headroom.run(["classify", "h200-sxm", "--to", "CN", "--on", "2026-02-01", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    #expect(json["class"] as? String == "3A090.a")
    #expect(json["rules"] as? String == "jan-2026")
    let policy = try #require(json["policy"] as? [String: Any])
    #expect(policy["decision"] as? String == "licensed")
    #expect(policy["fee"] as? Double == 0.25)
  }

  @Test func anAscendIntoChinaIsDomesticAndCarriesTheBISGuidanceAsAWarning() throws {
    // Given the Ascend 910C and China, When classified under the rules in force, Then the policy is
    // domestic (not a US export) and the May 2025 BIS guidance is shown as a warning with its source.
    let result = try Headroom.run(["classify", "ascend-910c", "--to", "CN", "--on", "2026-02-01", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    let policy = try #require(json["policy"] as? [String: Any])
    #expect(policy["decision"] as? String == "domestic")
    let warnings = try #require(json["warnings"] as? [[String: Any]])
    #expect(warnings.first?["issued"] as? String == "2025-05-13")
    #expect((warnings.first?["sources"] as? [String])?.isEmpty == false)
    let table = try Headroom.run(["classify", "ascend-910c", "--format", "table"])
    #expect(table.stdout.contains("warning: BIS guidance on PRC advanced-computing ICs (GP10)"))
    #expect(table.stdout.contains("Source: https://"))
  }

  @Test func anH200IntoChinaShowsItsRoutesTariffBandAndVolumeCap() throws {
    // Given the H200 and China under the Jan 2026 rule, When classified as JSON,
    // Then the export route is licensed with the H200-band tariff and the 50 %-of-US cap; re-export is denied.
    let result = try Headroom.run(["classify", "h200-sxm", "--to", "CN", "--on", "2026-02-01", "--format", "json"])
    let policy = try #require(try Headroom.json(result.stdout)["policy"] as? [String: Any])
    #expect(policy["route"] as? String == "export")
    #expect(policy["feeBands"] as? [String] == ["Section 232 tariff, H200 band"])
    let cap = try #require(policy["volumeCap"] as? [String: Any])
    #expect(cap["share"] as? Double == 0.5)
    #expect(cap["reference"] as? String == "US")
    let routes = try #require(policy["routes"] as? [[String: Any]])
    #expect(routes.last?["route"] as? String == "reexport")
    #expect(routes.last?["decision"] as? String == "denied")
  }

  @Test func anUnknownIdFailsWithTheNearestIds() throws {
    // Given a misspelt id, When classified, Then the exit status is non-zero and the error suggests the right id.
    let result = try Headroom.run(["classify", "h20x"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown accelerator id; nearest known: h20"))
  }

  @Test func bothAnIdAndHypotheticalFiguresIsAUsageError() throws {
    // Given an id and --tflops together, When run, Then argument validation refuses it.
    let result = try Headroom.run(["classify", "h20", "--tflops", "100", "--bits", "8"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("not both"))
  }
}

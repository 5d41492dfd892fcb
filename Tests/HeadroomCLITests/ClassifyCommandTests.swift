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

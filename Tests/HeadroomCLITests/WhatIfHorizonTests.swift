import Foundation
import Testing

@Suite struct WhatIfHorizonTests {
  @Test func aWhatIfWithAShorterHorizonComparesOnlyTheCommonYearsAndSaysSo() throws {
    // Given a what-if ending in 2028 against the 2025-2035 baseline, When compared,
    let result = try Headroom.run(["whatif", "--set", "horizon.to=2028", "--no-save"], setting: ["COLUMNS": "120"])
    #expect(result.status == 0, "\(result.stderr)")
    // Then the columns are for 2028 (not 2030), no served share drops to 0 %, and a note says what is compared.
    #expect(result.stdout.contains("served 2028") && !result.stdout.contains("served 2030"))
    #expect(!result.stdout.contains("→ 0 %") && !result.stdout.contains("→ 0 W"))
    let flat = result.stdout.replacingOccurrences(of: "\n  ", with: " ")
    #expect(flat.contains("The horizons differ (2025-2035 and 2025-2028): only 2025-2028 is compared"), "\(flat)")
    let json = try Headroom.json(
      try Headroom.run(["whatif", "--set", "horizon.to=2028", "--no-save", "--format", "json"]).stdout)
    #expect(json["comparisonYear"] as? Int == 2028)
  }
}

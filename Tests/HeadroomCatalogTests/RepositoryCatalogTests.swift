import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// The repository's own data: size, provenance, and published figures the catalog must reproduce.
@Suite struct RepositoryCatalogTests {
  let catalog = Repository.catalog

  @Test func theCatalogHasAtLeast38AcceleratorsAnd7SystemsAllSourced() {
    // Given the repository data, When checked, Then it is large enough and every figure has a source.
    let check = CatalogCheck(catalog)
    #expect(catalog.accelerators.count >= 38)
    #expect(catalog.systems.count >= 7)
    for coverage in check.coverage {
      #expect(coverage.uncovered.isEmpty, "\(coverage.kind): \(coverage.uncovered)")
    }
    #expect(check.problems.isEmpty, "\(check.problems)")
    #expect(check.passed)
  }

  @Test(arguments: [
    // (id, TPP, tolerance) — BIS/Epoch-style TPP figures from shared/facts/hardware.md 1.1-1.2
    ("h100-sxm", 15_832.0), ("h200-sxm", 15_832.0), ("h800", 15_832.0), ("a100-80gb", 4_992.0),
    ("a800", 4_992.0), ("h20", 2_368.0), ("b200", 36_000.0),
  ])
  func publishedTppFiguresAreReproduced(id: String, tpp: Double) throws {
    // Given the catalog's dense rates, When TPP is computed, Then it matches the published figure within 0.5 %.
    let part = try catalog.accelerator(id)
    #expect(part.totalProcessingPerformance.value.isApproximatelyEqual(to: tpp, relativeTolerance: 0.005))
  }

  @Test(
    arguments: [
      ("h100-sxm", "3A090.a", "a.1"), ("h800", "3A090.a", "a.1"), ("a800", "3A090.a", "a.1"),
      ("h20", "none", nil), ("l20", "none", nil), ("l4", "3A090.a", "a.2"), ("rtx-4090", "3A090.a", "a.1"),
      ("rtx-4090d", "none", "Note 2 to 3A090"), ("b200", "3A090.a", "a.1"),
    ] as [(String, String, String?)])
  func chinaSpecificPartsClassifyAsTheyWereDesignedTo(id: String, eccn: String, clause: String?) throws {
    // Given the Oct 2023 rules, When each part is classified from its figures,
    // Then the H20, L20 and RTX 4090D fall outside 3A090 and the H800/A800 inside it.
    let rules = try catalog.ruleSet("oct-2023")
    let result = rules.classify(ExportItem(try catalog.accelerator(id)))
    #expect(result.eccn == eccn)
    #expect(result.clause == clause)
  }

  @Test func theA800AndH800EscapedTheOctober2022RuleByTheirInterconnect() throws {
    // Given the Oct 2022 rule (TPP >= 4800 AND I/O >= 600 GB/s), When the A800, H800 and H100 are classified,
    // Then the cut-NVLink parts (400 GB/s) are uncontrolled and the H100 (900 GB/s) is controlled.
    let rules = try catalog.ruleSet("oct-2022")
    #expect(rules.classify(ExportItem(try catalog.accelerator("a800"))).eccn == "none")
    #expect(rules.classify(ExportItem(try catalog.accelerator("h800"))).eccn == "none")
    #expect(rules.classify(ExportItem(try catalog.accelerator("h100-sxm"))).eccn == "3A090.a")
  }

  @Test func theRulesInForceFollowTheirEffectiveDatesAndSkipTheRescindedDiffusionRule() throws {
    // Given the rule files, When asked what was in force on several days, Then the dated chain is followed.
    #expect(catalog.exportRules.inForce(on: Day(year: 2023, month: 1, day: 1))?.id == "oct-2022")
    #expect(catalog.exportRules.inForce(on: Day(year: 2024, month: 6, day: 1))?.id == "oct-2023")
    #expect(catalog.exportRules.inForce(on: Day(year: 2025, month: 3, day: 1))?.id == "oct-2023")
    #expect(catalog.exportRules.inForce(on: Day(year: 2025, month: 5, day: 1))?.id == "h20-letter-2025")
    #expect(catalog.exportRules.inForce(on: Day(year: 2025, month: 6, day: 1))?.id == "bis-guidance-2025-05")
    #expect(catalog.exportRules.inForce(on: Day(year: 2025, month: 9, day: 1))?.id == "h20-licences-2025")
    #expect(catalog.exportRules.inForce(on: Day(year: 2026, month: 11, day: 30))?.id == "jan-2026")
  }
}

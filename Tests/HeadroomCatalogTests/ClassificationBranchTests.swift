import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Every branch of the Oct 2023 3A090 rule, on hypothetical parts, using the repository's rule file.
@Suite struct ClassificationBranchTests {
  let rules = try! Repository.catalog.ruleSet("oct-2023")

  func item(tpp: Double, pd: Double?, datacenter: Bool = true) -> ExportItem {
    ExportItem(
      name: "test", tpp: TotalProcessingPerformance(value: tpp, precision: nil), performanceDensity: pd,
      datacenter: datacenter)
  }

  @Test func bisOwnExampleIs3A090a1AtSixteenAndEightBits() {
    // Given 300 TFLOP/s at 16 bits and 600 TOPS at 8 bits (BIS's example), When classified,
    // Then both have TPP 4800 and are 3A090.a under a.1.
    for (rate, bits) in [(300.0, 16), (600.0, 8)] {
      let result = rules.classify(item(tpp: rate * Double(bits), pd: nil))
      #expect(result.tpp.value == 4800)
      #expect(result.eccn == "3A090.a")
      #expect(result.clause == "a.1")
    }
  }

  @Test func highDensityBelow4800IsA2() {
    // Given TPP 2000 and PD 6.0, When classified, Then it is 3A090.a under a.2.
    let result = rules.classify(item(tpp: 2000, pd: 6.0))
    #expect((result.eccn, result.clause) == ("3A090.a", "a.2"))
  }

  @Test func midTppMidDensityIsB1() {
    // Given TPP 3000 and PD 2.0, When classified, Then it is 3A090.b under b.1.
    let result = rules.classify(item(tpp: 3000, pd: 2.0))
    #expect((result.eccn, result.clause) == ("3A090.b", "b.1"))
  }

  @Test func lowTppWithDensityFrom3Point2IsB2() {
    // Given TPP 2000 (below b.1's 2400) and PD 4.0, When classified, Then it is 3A090.b under b.2.
    let result = rules.classify(item(tpp: 2000, pd: 4.0))
    #expect((result.eccn, result.clause) == ("3A090.b", "b.2"))
  }

  @Test func aConsumerPartBelow4800IsExcludedByNote2() {
    // Given a part not made for data centres with TPP 4000 and PD 8 (a.2 otherwise), When classified,
    // Then Note 2 takes it out of 3A090.
    let result = rules.classify(item(tpp: 4000, pd: 8, datacenter: false))
    #expect((result.eccn, result.clause) == ("none", "Note 2 to 3A090"))
    // And a consumer part at 4800 or more is still controlled.
    #expect(rules.classify(item(tpp: 5000, pd: 8, datacenter: false)).eccn == "3A090.a")
  }

  @Test func lowTppLowDensityIsUncontrolled() {
    // Given TPP 2000 and PD 2.0, When classified, Then no clause applies.
    let result = rules.classify(item(tpp: 2000, pd: 2.0))
    #expect((result.eccn, result.clause) == ("none", nil))
    #expect(result.undetermined.isEmpty)
  }

  @Test func withoutADieAreaTheDensityClausesAreReportedUndetermined() {
    // Given TPP 2000 and no die area, When classified, Then it is 'none' with a.2, b.2 flagged as untestable.
    let result = rules.classify(item(tpp: 2000, pd: nil))
    #expect(result.eccn == "none")
    #expect(result.undetermined.contains { $0.hasPrefix("a.2") })
  }

  @Test func thresholdsAreInclusiveBelowAndExclusiveAbove() {
    // Given TPP exactly 1600 and PD exactly 5.92, When classified, Then a.2 applies ("or more");
    // and PD just under 5.92 falls to b.2.
    #expect(rules.classify(item(tpp: 1600, pd: 5.92)).clause == "a.2")
    #expect(rules.classify(item(tpp: 1600, pd: 5.9199)).clause == "b.2")
  }
}

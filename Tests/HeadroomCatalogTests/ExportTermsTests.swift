import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Export terms (access, route, fee band, caps, advisories) for every accelerator in the catalog under the
/// rules in force, against an oracle written here from the rule texts, plus the cases issue 14 names.
@Suite struct ExportTermsTests {
  static let catalog = Repository.catalog
  /// A day under the Jan 2026 rule (the rules in force since 15 Jan 2026).
  static let window = Day(year: 2026, month: 7, day: 1)

  /// The 3A090 class from the Oct 2023 text, computed here without the rule data: TPP is the largest
  /// dense rate × bit length; PD = TPP / logic die area. Returns nil when PD is needed but unknown.
  static func expectedClass(_ part: Accelerator) -> String? {
    let tpp = part.compute.map { $0.value.teraflops * Double($0.key.bitLength) }.max() ?? 0
    let pd = part.dieArea.map { tpp / $0.squareMillimetres }
    if !part.datacenter && tpp < 4800 { return "none" }
    if tpp >= 4800 { return "3A090.a" }
    guard tpp >= 1600 else { return "none" }
    guard let pd else { return nil }
    if pd >= 5.92 { return "3A090.a" }
    if tpp >= 2400 && tpp < 4800 && pd >= 1.6 { return "3A090.b" }
    if pd >= 3.2 { return "3A090.b" }
    return "none"
  }

  /// China under the Jan 2026 rule, from the texts: a Chinese part is domestic; a controlled part in the
  /// window (TPP < 21,000, DRAM < 6,500 GB/s) is licensed for exports from the US with the 50 % cap and
  /// a 25 % tariff only in the two bands; above it denied; the H20 class licensed at 15 %; else allowed.
  static func expectedChina(_ part: Accelerator, eccn: String) -> (ExportTerms.Access, fee: Double?) {
    if part.origin == "CN" { return (.domestic, nil) }
    let tpp = part.compute.map { $0.value.teraflops * Double($0.key.bitLength) }.max() ?? 0
    let bandwidth = part.memoryBandwidth.map { $0.baseValue / 1e9 }
    if eccn != "none" {
      guard let bandwidth, tpp < 21_000, bandwidth < 6_500 else { return (.denied, nil) }
      let h200Band = tpp > 14_000 && tpp < 17_500 && bandwidth > 4_500 && bandwidth < 5_000
      let mi325xBand = tpp > 20_800 && tpp < 21_100 && bandwidth > 5_800 && bandwidth < 6_200
      return (.licensed, h200Band || mi325xBand ? 0.25 : nil)
    }
    let interconnect = part.scaleUpBandwidth.map { $0.baseValue / 1e9 }
    if part.datacenter && ((bandwidth ?? 0) >= 4_000 || (interconnect ?? 0) >= 900) { return (.licensed, 0.15) }
    return (.allowed, nil)
  }

  @Test(arguments: catalog.accelerators.map(\.id))
  func everyPartClassifiesAndGetsItsChinaTermsUnderTheRulesInForce(id: String) throws {
    // Given a catalog part and the rules in force on 2026-07-01 (Jan 2026),
    // When it is classified and its terms for China are computed,
    // Then the class matches the 3A090 text and the terms match the Jan 2026 window, tariff bands and origin.
    let part = try Self.catalog.accelerator(id)
    let rules = try Self.catalog.ruleSet(inForceOn: Self.window)
    #expect(rules.id == "jan-2026")
    let terms = try Self.catalog.exportTerms(for: id, to: "CN", on: Self.window)
    if let expected = Self.expectedClass(part) {
      #expect(terms.classification.eccn == expected, "\(id): TPP \(terms.classification.tpp.value)")
    } else {
      #expect(!terms.classification.undetermined.isEmpty, "\(id) needs PD, which it lacks")
    }
    let (access, fee) = Self.expectedChina(part, eccn: terms.classification.eccn)
    #expect(terms.access == access, "\(id)")
    #expect(terms.fee == fee, "\(id)")
    switch access {
    case .domestic:
      #expect(terms.route == nil && terms.caps.isEmpty && !terms.isUSShipment)
    case .licensed where terms.classification.eccn != "none":
      // The window covers exports from the US only: the re-export stays denied; the cap is 50 % of US units.
      #expect(terms.route == .export)
      #expect(terms.routes.first { $0.route == .reexport }?.access == .denied)
      #expect(
        terms.volumeCap
          == ExportPolicy.VolumeCap(
            share: 0.5, reference: "US", pooled: ["CN", "MO"],
            basis: "units of the same chip shipped to customers for end use in the US"))
    default:
      #expect(terms.volumeCap == nil)
    }
    // US-designed parts are looked at by both routes; a part's own country never needs a licence.
    #expect(terms.routes.count == (part.origin == "US" ? 2 : part.origin == "CN" ? 0 : 1))
    if Self.catalog.countries.contains(where: { $0.id == part.origin }) {
      let home = try Self.catalog.exportTerms(for: id, to: part.origin, on: Self.window)
      #expect(home.access == .domestic)
    }
  }

  @Test func theNamedPartsGetTheTermsTheIssueStates() throws {
    // Given the parts issue 14 names, When sent to China under the Jan 2026 rule,
    // Then: H200 licensed with the 25 % H200-band tariff; MI325X 25 % (its own band); H100 and H200 NVL
    // licensed without tariff (outside both bands); B200 denied; H20 licensed at 15 %; Ascends domestic.
    func terms(_ id: String) throws -> ExportTerms { try Self.catalog.exportTerms(for: id, to: "CN", on: Self.window) }
    let h200 = try terms("h200-sxm")
    #expect(h200.access == .licensed && h200.fee == 0.25 && h200.feeBands == ["Section 232 tariff, H200 band"])
    let mi325x = try terms("mi325x")
    #expect(mi325x.access == .licensed && mi325x.feeBands == ["Section 232 tariff, MI325X band"])
    #expect(try terms("h100-sxm").access == .licensed)
    #expect(try terms("h100-sxm").fee == nil)
    #expect(try terms("h200-nvl").fee == nil)
    #expect(try terms("b200").access == .denied)
    let h20 = try terms("h20")
    #expect(h20.access == .licensed && h20.fee == 0.15 && h20.caps.isEmpty)
    for ascend in ["ascend-910b", "ascend-910c"] {
      let domestic = try terms(ascend)
      #expect(domestic.access == .domestic, "\(ascend)")
      #expect(domestic.rule == nil && domestic.fee == nil)
    }
  }

  @Test func theH20IsDeniedAfterTheAprilLetterAndLicensedAfterTheAugustLicences() throws {
    // Given the H20 and China, When the rules in force on 2025-05-01 and 2025-09-01 apply,
    // Then it is denied (letter, no licence granted) and then licensed with a 15 % revenue share.
    let may = try Repository.catalog.exportTerms(for: "h20", to: "CN", on: Day(year: 2025, month: 5, day: 1))
    #expect(may.ruleSet == "h20-letter-2025")
    #expect(may.access == .denied)
    let june = try Repository.catalog.exportTerms(for: "h20", to: "CN", on: Day(year: 2025, month: 6, day: 15))
    #expect(june.access == .denied)
    let september = try Repository.catalog.exportTerms(for: "h20", to: "CN", on: Day(year: 2025, month: 9, day: 1))
    #expect(september.ruleSet == "h20-licences-2025")
    #expect(september.access == .licensed)
    #expect(september.fee == 0.15)
    // Before the letter the H20 (class none) needed no licence.
    let march = try Repository.catalog.exportTerms(for: "h20", to: "CN", on: Day(year: 2025, month: 3, day: 1))
    #expect(march.access == .allowed)
  }

  @Test func theFiftyPercentCapBindsInAHandCase() throws {
    // Given the H200's terms for China (50 % of units shipped to US customers, China and Macau pooled),
    // When US customers take 400,000 H200s in a year, Then China and Macau may take at most 200,000:
    // an order of 300,000 is cut to 200,000, one of 150,000 passes whole.
    let terms = try Repository.catalog.exportTerms(for: "h200-sxm", to: "CN", on: Self.window)
    let cap = try #require(terms.volumeCap)
    #expect(cap.bound(referenceUnits: 400_000) == 200_000)
    #expect(min(300_000, cap.bound(referenceUnits: 400_000)) == 200_000)
    #expect(min(150_000, cap.bound(referenceUnits: 400_000)) == 150_000)
    #expect(terms.cumulativeCap == nil)
  }

  @Test func theCapAndTariffDoNotApplyBeforeJanuary2026OrToReexports() throws {
    // Given the H200 into China, When the rules of mid-2025 apply, Then it is denied with no cap;
    // and under Jan 2026 its re-export route (straight from Taiwan) is denied.
    let before = try Repository.catalog.exportTerms(for: "h200-sxm", to: "CN", on: Day(year: 2025, month: 9, day: 1))
    #expect(before.access == .denied && before.caps.isEmpty && before.fee == nil)
    let rules = try Repository.catalog.ruleSet("jan-2026")
    let item = ExportItem(try Repository.catalog.accelerator("h200-sxm"))
    let china = try Repository.catalog.country("CN").destination
    let reexport = rules.policy(for: item, classifiedAs: "3A090.a", to: china, route: .reexport)
    #expect(reexport.policy.decision == .denied)
    #expect(reexport.rule == "D:5 and Macau (presumption of denial)")
  }

  @Test func anAscendOutsideChinaIsNotAUSExportButCarriesTheGP10Warning() throws {
    // Given the Ascend 910C, When it goes to Malaysia, Then US rules are not modelled to reach it
    // (allowed, foreign-produced route) and the May 2025 BIS guidance is attached with a source.
    let terms = try Repository.catalog.exportTerms(for: "ascend-910c", to: "MY", on: Self.window)
    #expect(terms.access == .allowed)
    #expect(terms.route == .foreignProduced)
    #expect(!terms.isUSShipment)
    let advisory = try #require(terms.advisories.first)
    #expect(advisory.issued == Day(year: 2025, month: 5, day: 13))
    #expect(advisory.names.contains("ascend-910c"))
    #expect(!advisory.sources.isEmpty)
    // A US part gets no such warning, and the guidance did not exist before May 2025.
    #expect(try Repository.catalog.exportTerms(for: "h100-sxm", to: "MY", on: Self.window).advisories.isEmpty)
    let early = try Repository.catalog.exportTerms(for: "ascend-910c", to: "MY", on: Day(year: 2025, month: 5, day: 1))
    #expect(early.advisories.isEmpty)
  }

  @Test func theDiffusionQuotaComesBackAsACumulativeCap() throws {
    // Given the AI Diffusion counterfactual, When an H100 goes to the UAE (Tier 2),
    // Then it is licensed under a cumulative cap of 790 M TPP for 2025-2027 and no volume cap.
    let rules = try Repository.catalog.ruleSet("ai-diffusion-2025")
    let terms = rules.terms(
      for: ExportItem(try Repository.catalog.accelerator("h100-sxm")),
      to: try Repository.catalog.country("AE").destination)
    #expect(terms.access == .licensed)
    #expect(terms.cumulativeCap == ExportPolicy.Cap(tpp: 790_000_000, fromYear: 2025, toYear: 2027))
    #expect(terms.volumeCap == nil)
  }
}

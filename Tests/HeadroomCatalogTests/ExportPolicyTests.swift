import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Destination policies under the rules in the repository, for China, an A:6 country and a D:4 country.
@Suite struct ExportPolicyTests {
  let catalog = Repository.catalog
  let china = Destination(iso: "CN", groups: ["D:1", "D:4", "D:5"], diffusionTier: 3)
  let ireland = Destination(iso: "IE", groups: [], diffusionTier: 1)
  let emirates = Destination(iso: "AE", groups: ["D:4"], diffusionTier: 2)
  let israel = Destination(iso: "IL", groups: ["D:4", "A:6"], diffusionTier: 2)

  func policy(_ id: String, _ rules: String, _ destination: Destination) throws -> ExportPolicy {
    let set = try catalog.ruleSet(rules)
    let item = ExportItem(try catalog.accelerator(id))
    return set.policy(for: item, classifiedAs: set.classify(item).eccn, to: destination).policy
  }

  @Test func theJanuary2026WindowLicensesTheH200ButNotBlackwellForChina() throws {
    // Given the Jan 2026 rule, When an H200 (TPP 15,832, 4.8 TB/s) and a B200 (36,000) go to China,
    // Then the H200 is licensed case by case with a 25 % fee and the B200 is denied.
    let h200 = try policy("h200-sxm", "jan-2026", china)
    #expect(h200.decision == .licensed)
    #expect(h200.fee == 0.25)
    #expect(try policy("b200", "jan-2026", china).decision == .denied)
  }

  @Test func beforeJanuary2026TheH200WasDeniedToChina() throws {
    // Given the rules in force in mid-2025, When an H200 goes to China, Then it is denied.
    #expect(try policy("h200-sxm", "h20-letter-2025", china).decision == .denied)
  }

  @Test func theH20IsOutside3A090ButNeedsALicenceToChinaUnderTheLetter() throws {
    // Given the H20 (class none, 4.0 TB/s), When it goes to China under the letter and after the August
    // licences, Then it is denied, then licensed with a 15 % revenue share; under Oct 2023 it was allowed.
    #expect(try policy("h20", "h20-letter-2025", china).decision == .denied)
    #expect(try policy("h20", "h20-licences-2025", china).decision == .licensed)
    #expect(try policy("h20", "jan-2026", china).fee == 0.15)
    #expect(try policy("h20", "oct-2023", china).decision == .allowed)
  }

  @Test func alliesAreAllowedAndD4CountriesNeedALicenceUnlessCarvedOut() throws {
    // Given an H100, When it goes to Ireland, the UAE (D:4) and Israel (D:4 but A:6),
    // Then Ireland needs nothing, the UAE a licence, and Israel nothing (carve-out).
    #expect(try policy("h100-sxm", "jan-2026", ireland).decision == .allowed)
    #expect(try policy("h100-sxm", "jan-2026", emirates).decision == .licensed)
    #expect(try policy("h100-sxm", "jan-2026", israel).decision == .allowed)
  }

  @Test func theDiffusionCounterfactualCapsTier2Countries() throws {
    // Given the rescinded AI Diffusion rule chosen by id, When an H100 goes to a Tier-2 country,
    // Then it is licensed under a cap of 790 M TPP (about 49,900 H100e) for 2025-2027.
    let tier2 = try policy("h100-sxm", "ai-diffusion-2025", emirates)
    #expect(tier2.decision == .licensed)
    #expect(tier2.cap?.h100Equivalents.isApproximatelyEqual(to: 49_899, relativeTolerance: 1e-3) == true)
    #expect(try policy("h100-sxm", "ai-diffusion-2025", ireland).decision == .allowed)
  }
}

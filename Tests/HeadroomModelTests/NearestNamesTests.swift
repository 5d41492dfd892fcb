import HeadroomModel
import Testing

@Suite struct NearestNamesTests {
  @Test func aPrefixComesBeforeCloserEdits() {
    // Given 'h100' among ids where h800 is one edit away, Then the ids starting with h100 come first, shortest first.
    let known = ["h800", "a800", "b200", "h100-sxm", "h100-pcie", "h200-sxm"]
    #expect(NearestNames.nearest(to: "h100", among: known) == ["h100-sxm", "h100-pcie", "h800"])
  }

  @Test func aTypoStillFindsTheNearestByEditDistance() {
    #expect(NearestNames.nearest(to: "h100-sxn", among: ["h100-sxm", "h200-sxm", "b200"]).first == "h100-sxm")
    #expect(NearestNames.nearest(to: "zzzzzz", among: ["h100-sxm"]).isEmpty)
  }
}

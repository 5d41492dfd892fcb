import HeadroomModel
import HeadroomPlanner
import Testing

/// The years a site plan runs over when the caller gives some, none, or the workloads file says.
@Suite struct SitePlanYearsTests {
  @Test func givenYearsWinThenTheFilesHorizonThenTwentyTwentySixToTwentyThirty() {
    // Given a file with a 2027-2029 horizon and one without, When the plan years are chosen, Then given years
    // replace the file's, the file's replace the defaults, and a default last year is never before the first.
    let dated = Workloads(id: "dated", name: "dated", horizon: 2027...2029)
    let undated = Workloads(id: "undated", name: "undated")
    #expect(SitePlanProblem.planYears(from: nil, to: 2028, workloads: dated) == (2027, 2028))
    #expect(SitePlanProblem.planYears(from: nil, to: nil, workloads: dated) == (2027, 2029))
    #expect(SitePlanProblem.planYears(from: nil, to: nil, workloads: undated) == (2026, 2030))
    #expect(SitePlanProblem.planYears(from: 2033, to: nil, workloads: undated) == (2033, 2033))
  }

  @Test func aPlanSpansOneToThirtyYearsInOrder() {
    // Given year ranges, Then one year and thirty years are plannable, reversed years and 31 years are not.
    #expect(SitePlanProblem.isPlannable(first: 2026, last: 2026))
    #expect(SitePlanProblem.isPlannable(first: 2026, last: 2055))
    #expect(!SitePlanProblem.isPlannable(first: 2026, last: 2056))
    #expect(!SitePlanProblem.isPlannable(first: 2030, last: 2026))
  }
}

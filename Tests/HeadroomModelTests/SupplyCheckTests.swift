import HeadroomModel
import HeadroomTestSupport
import Testing

/// Production plans checked against supply limits: hand-solvable cases for the violations and the
/// proportional clipping.
@Suite struct SupplyCheckTests {
  func limit(
    _ id: String, capacity: [Int: Double], usage: [String: Double], kind: SupplyLimit.Kind = .annual,
    stock: Double? = nil, continuation: SeriesContinuation = .hold
  ) -> SupplyLimit {
    SupplyLimit(
      id: id, name: id, unit: "wafers", kind: kind, asOf: Day(year: 2026), capacity: capacity, stock: stock,
      continuation: continuation, usage: usage)
  }

  @Test func aPlanWithinItsLimitsIsUnchanged() throws {
    // Given 100 A (1 wafer each) against 150 wafers, When checked, Then nothing is violated or clipped.
    let plan = ProductionPlan(units: ["a": [2025: 100]])
    let check = try plan.checked(against: [limit("l", capacity: [2025: 150], usage: ["a": 1])])
    #expect(check.violations.isEmpty)
    #expect(check.clipped == plan)
    #expect(check.limitYears.map(\.used) == [100])
    #expect(check.limitYears.first?.binds == false)
  }

  @Test func anExceededLimitScalesEveryKindThatUsesItByTheSameFactor() throws {
    // Given A = 100 (1 wafer each), B = 100 (2 each) and C = 50 (no wafers) against 150 wafers,
    // When checked, Then 300 wafers are required, A and B are halved (150 / 300) and C is untouched.
    let plan = ProductionPlan(units: ["a": [2025: 100], "b": [2025: 100], "c": [2025: 50]])
    let check = try plan.checked(against: [limit("l", capacity: [2025: 150], usage: ["a": 1, "b": 2])])
    #expect(check.violations.count == 1)
    let violation = try #require(check.violations.first)
    #expect(violation.limit == "l" && violation.year == 2025 && violation.kinds == ["a", "b"])
    #expect(isClose(violation.required, 300, tolerance: 1e-9))
    #expect(isClose(violation.available, 150, tolerance: 1e-9))
    #expect(isClose(check.clipped["a", 2025], 50, tolerance: 1e-9))
    #expect(isClose(check.clipped["b", 2025], 50, tolerance: 1e-9))
    #expect(check.clipped["c", 2025] == 50)
    #expect(check.limitYears.first?.binds == true)
  }

  @Test func theMostExceededLimitIsSettledFirstThenTheOthers() throws {
    // Given A = B = 100, limit L1 (A and B, 1 each) of 100 and L2 (B only) of 30,
    // When checked, Then L2 (factor 0.3) clips B to 30 first; L1 then needs 130 and clips both by
    // 100/130: A = 76.923, B = 23.077, and L1 is used to the full.
    let plan = ProductionPlan(units: ["a": [2025: 100], "b": [2025: 100]])
    let check = try plan.checked(against: [
      limit("l1", capacity: [2025: 100], usage: ["a": 1, "b": 1]),
      limit("l2", capacity: [2025: 30], usage: ["b": 1]),
    ])
    #expect(check.violations.map(\.limit) == ["l2", "l1"])
    #expect(isClose(check.violations[0].required, 100, tolerance: 1e-9))
    #expect(isClose(check.violations[1].required, 130, tolerance: 1e-9))
    #expect(isClose(check.clipped["a", 2025], 100 * 100 / 130, tolerance: 1e-9))
    #expect(isClose(check.clipped["b", 2025], 30 * 100 / 130, tolerance: 1e-9))
    let l1 = try #require(check.limitYears.first { $0.limit == "l1" })
    #expect(isClose(l1.used, 100, tolerance: 1e-9) && l1.binds)
  }

  @Test func aStockIsDrawnDownAcrossTheYears() throws {
    // Given a stock of 100 and 60 A (1 each) in each of 2025 and 2026,
    // When checked, Then 2025 fits, 2026 needs 120 cumulated and A is clipped to the 40 left.
    let plan = ProductionPlan(units: ["a": [2025: 60, 2026: 60]])
    let check = try plan.checked(against: [limit("s", capacity: [:], usage: ["a": 1], kind: .stock, stock: 100)])
    #expect(check.violations.map(\.year) == [2026])
    #expect(isClose(check.violations[0].required, 120, tolerance: 1e-9))
    #expect(isClose(check.violations[0].available, 100, tolerance: 1e-9))
    #expect(check.clipped["a", 2025] == 60)
    #expect(isClose(check.clipped["a", 2026], 40, tolerance: 1e-9))
  }

  @Test func aScaleFactorWidensOrNarrowsALimit() throws {
    // Given the halving case (300 needed, 150 available), When the limit is scaled by 2, Then it fits;
    // When scaled by 0.5, Then A and B are cut to a quarter.
    let plan = ProductionPlan(units: ["a": [2025: 100], "b": [2025: 100]])
    let limits = [limit("l", capacity: [2025: 150], usage: ["a": 1, "b": 2])]
    #expect(try plan.checked(against: limits, scales: ["l": 2]).violations.isEmpty)
    let narrowed = try plan.checked(against: limits, scales: ["l": 0.5])
    #expect(isClose(narrowed.clipped["a", 2025], 25, tolerance: 1e-9))
    #expect(isClose(narrowed.violations[0].available, 75, tolerance: 1e-9))
  }

  @Test func anUnknownOrNegativeScaleIsAnError() {
    // Given a scale for 'tsmc-cowo' where the limit is 'tsmc-cowos', When checked,
    // Then the error names the field and value and suggests the known id; a negative scale is refused.
    let limits = [limit("tsmc-cowos", capacity: [2025: 1], usage: [:])]
    let plan = ProductionPlan(units: ["a": [2025: 1]])
    #expect {
      try plan.checked(against: limits, scales: ["tsmc-cowo": 1])
    } throws: { error in
      "\(error)"
        == "field 'supply_scales.tsmc-cowo': value 'tsmc-cowo': unknown supply limit id; did you mean 'tsmc-cowos'?"
    }
    #expect(throws: CatalogError.self) { try plan.checked(against: limits, scales: ["tsmc-cowos": -1]) }
  }

  @Test func yearsBeforeALimitsFirstCapacityAreNotCheckedAndLaterYearsFollowItsRule() throws {
    // Given capacity 100 from 2026 growing 10 % a year after, When 2025 needs 1,000 and 2028 needs 120,
    // Then 2025 is unchecked and 2028 (121 available) fits.
    let plan = ProductionPlan(units: ["a": [2025: 1000, 2028: 120]])
    let check = try plan.checked(against: [
      limit("l", capacity: [2026: 100], usage: ["a": 1], continuation: .growth(1.1))
    ])
    #expect(check.violations.isEmpty)
    #expect(check.limitYears.map(\.year) == [2028])
    #expect(isClose(check.limitYears[0].available, 121, tolerance: 1e-9))
  }

  @Test func outlooksContinueByHoldGrowthOrTheLimitTheyFollow() throws {
    // Given three outlooks stating 2025-2026 (a missing 2025 value means none) and a limit of 100 in 2026
    // and 150 in 2027, When planned through 2027,
    // Then the held kind stays at 10, the growing one is 20 x 1.5 = 30 and the following one 40 x 1.5 = 60.
    let held = ProductionOutlook(
      id: "h", vendor: "h", asOf: Day(year: 2026), lines: [.init(accelerator: "a", units: [2026: 10])])
    let grown = ProductionOutlook(
      id: "g", vendor: "g", asOf: Day(year: 2026),
      lines: [.init(accelerator: "b", units: [2025: 5, 2026: 20])], continuation: .growth(1.5))
    let following = ProductionOutlook(
      id: "f", vendor: "f", asOf: Day(year: 2026), lines: [.init(accelerator: "c", units: [2026: 40])],
      continuation: .followLimit("l"))
    let plan = try ProductionPlan(
      outlooks: [held, grown, following],
      limits: [limit("l", capacity: [2026: 100, 2027: 150], usage: [:])], through: 2027)
    #expect(plan["a", 2027] == 10)
    #expect(isClose(plan["b", 2027], 30, tolerance: 1e-12))
    #expect(isClose(plan["c", 2027], 60, tolerance: 1e-12))
    #expect(plan["a", 2025] == 0 && plan["b", 2025] == 5)
  }
}

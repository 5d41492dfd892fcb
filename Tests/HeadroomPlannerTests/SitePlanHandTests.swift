import Foundation
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import Testing

/// One hall, two systems, one year: plans whose answers follow from arithmetic.
///
/// The hall is air-cooled with 40 kW racks. System A draws 10 kW (4 a rack), costs 1 $M and
/// delivers 1 YFLOP a year; system B draws 20 kW (2 a rack), costs 1.5 $M and delivers 2.5 YFLOP.
/// Electricity is 100 USD/MWh at PUE 1, so a system-year of A costs 0.008766 $M of energy and one of
/// B 0.017532 $M. B is cheaper per YFLOP (0.607 against 1.009 $M), so the plan buys B until power or
/// racks stop it and tops up with A.
@Suite struct SitePlanHandTests {
  let planner = SitePlanner(
    solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(10), relativeGap: 1e-6))

  func problem(
    itKilowatts: Double = 90, racks: Int = 10, compute: Double = 10.5, bDecision: ExportPolicy.Decision = .allowed
  ) -> SitePlanProblem {
    let hall = SitePlanProblem.Hall(id: "hall", cooling: .air, rackKilowatts: 40, usableRacks: racks)
    let a = SitePlanProblem.System(
      id: "a", accelerator: "part-a", accelerators: 8, megawatts: 0.010, priceMillions: 1, decisions: [.allowed],
      placements: [SitePlanProblem.Placement(systemsPerRack: 4)])
    let b = SitePlanProblem.System(
      id: "b", accelerator: "part-b", accelerators: 8, megawatts: 0.020, priceMillions: 1.5, decisions: [bDecision],
      placements: [SitePlanProblem.Placement(systemsPerRack: 2)])
    let run = SitePlanProblem.TrainingRun(
      id: "run", computeYottaflop: compute, windowShares: [1], yottaflopPerSystemYear: [1, 2.5],
      start: Day(year: 2026), deadline: Day(year: 2026, month: 12, day: 31))
    return SitePlanProblem(
      site: "hand", country: "XX", years: [2026], halls: [hall], systems: [a, b], training: [run],
      itMegawatts: [itKilowatts / 1000], pue: 1, electricityUSDPerMWh: 100)
  }

  func installed(_ plan: SitePlan, _ system: String) -> Int {
    plan.builds.filter { $0.system == system }.map(\.installed).reduce(0, +)
  }

  @Test func powerForFourBAndOneAGivesTheHandAnswer() throws {
    // Given 90 kW of IT power, 10 racks and a 10.5 YFLOP run,
    // When planned,
    let plan = try planner.plan(problem())
    // Then 4 B (80 kW, 10 YFLOP) and 1 A (10 kW, half a year's use for the last 0.5 YFLOP) are bought:
    // 3 x B would need 3 A besides (7.5 + 3 = 10.5 $M of capex against 7).
    #expect(plan.status == .optimal)
    #expect(installed(plan, "b") == 4)
    #expect(installed(plan, "a") == 1)
    // And the cost is 4 x 1.5 + 1 + 4 x 0.017532 + 0.5 x 0.008766 = 7.074511 $M (to 1e-6 relative).
    #expect(abs(plan.objective - 7.074511) <= 7.074511 * 1e-6)
    #expect(abs(plan.costs.totalPresent - 7.074511) <= 7.074511 * 1e-6)
    #expect(plan.shortfalls.isEmpty)
    // And B fills 2 racks, A one: 3 racks of 10; 90 kW of 90 kW, so site power binds.
    #expect(plan.hallYears.first?.racksUsed == 3)
    #expect(plan.yearSummaries.first?.binding == [.sitePower])
    #expect(plan.invariantViolations(against: problem()).isEmpty)
  }

  @Test func tooFewRacksReportsARackShortfall() throws {
    // Given only 2 racks (4 B at most, 10 YFLOP, or a B rack and an A rack, 9 YFLOP),
    // When planned,
    let plan = try planner.plan(problem(racks: 2))
    // Then 0.5 YFLOP of the 10.5 is short (to 1e-6), and relaxing racks alone removes it with one
    // more rack; relaxing power alone does not.
    let shortfall = try #require(plan.shortfalls.first)
    #expect(plan.shortfalls.count == 1)
    #expect(shortfall.workload == "run")
    #expect(abs(shortfall.amount - 0.5) <= 1e-6)
    #expect(shortfall.removedBy == [.racks])
    let racks = try #require(plan.diagnoses.first { $0.relaxations == [.racks] })
    #expect(racks.removesAll)
    #expect(racks.needs.map(\.amount).reduce(0, +) <= 1 + 1e-6)
    #expect(plan.diagnoses.first { $0.relaxations == [.power] }?.removesAll == false)
    #expect(plan.training.first?.shortYottaflop ?? 0 > 0.49)
    #expect(plan.invariantViolations(against: problem(racks: 2)).isEmpty)
  }

  @Test func tooLittlePowerReportsAPowerShortfallAndTheMegawattsNeeded() throws {
    // Given 70 kW: 3 B and 1 A deliver 8.5 YFLOP at most (7 A would deliver 7),
    // When planned,
    let plan = try planner.plan(problem(itKilowatts: 70))
    // Then 2 YFLOP are short, site power alone removes it, and it needs 20 kW more
    // (4 B + 1 A = 90 kW), to the diagnosis's 1 % gap.
    let shortfall = try #require(plan.shortfalls.first)
    #expect(abs(shortfall.amount - 2) <= 1e-6)
    #expect(shortfall.removedBy == [.power])
    let power = try #require(plan.diagnoses.first { $0.relaxations == [.power] })
    let megawatts = power.needs.filter { $0.unit == "MW" }.map(\.amount).reduce(0, +)
    #expect(abs(megawatts - 0.02) <= 0.02 * 0.01 + 1e-9)
  }

  @Test func aDeniedSystemIsNeverBoughtAndTheRulesAreReportedShort() throws {
    // Given B denied by the export rules and 90 kW: 9 A deliver 9 YFLOP,
    // When planned,
    let problem = problem(bDecision: .denied)
    let plan = try planner.plan(problem)
    // Then no B is bought, 1.5 YFLOP are short, and relaxing the rules alone removes it.
    #expect(installed(plan, "b") == 0)
    #expect(installed(plan, "a") == 9)
    let shortfall = try #require(plan.shortfalls.first)
    #expect(abs(shortfall.amount - 1.5) <= 1e-6)
    #expect(shortfall.removedBy.contains(.rules))
    #expect(plan.invariantViolations(against: problem).isEmpty)
  }

  @Test func aDeniedSystemHasNoRoomInTheProgram() {
    // Given B denied in its only year, When the MIP is built (no solver),
    let program = SitePlanProgram(problem(bDecision: .denied))
    // Then its installed count is bounded at 0 and A's is free.
    let b = program.installed[0][1]!
    let a = program.installed[0][0]!
    #expect(program.program.upperBound(of: b) == 0)
    #expect(program.program.upperBound(of: a) == .infinity)
    #expect(program.program.isInteger(a))
  }
}

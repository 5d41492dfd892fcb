import Foundation
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import Testing

/// A site whose grid arrives two years after its workload needs power: behind-the-meter generation bridges
/// it when allowed, at the stated cost and lead time; without it the shortfall says "time to power".
///
/// One air-cooled hall of 10 racks at 40 kW; system A draws 10 kW of IT, costs 1 $M and delivers 1 YFLOP a
/// year. PUE 1, no derating, N: a MW of supply is a MW of IT. The grid's 90 kW energises in 2028 (stated 2026,
/// held by the queue); a 2 YFLOP run must finish in 2026, so it needs 2 systems = 20 kW in 2026. Grid power is
/// 100 USD/MWh (0.8766 $M per MW-year). The turbine costs 1,500 USD/kW (1.5 $M/MW), runs at 50 USD/MWh (0.4383
/// $M per MW-year) and 484 g/kWh, with availability 0.8: 20 kW firm needs 25 kW of nameplate.
@Suite struct SitePlanTimeToPowerTests {
  let planner = SitePlanner(
    solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(10), relativeGap: 1e-6))

  func turbine(firstYearIndex: Int?, limit: Double? = nil) -> SitePlanProblem.Generation {
    SitePlanProblem.Generation(
      id: "turbine", combustion: true, capexMillionsPerMW: 1.5, operatingMillionsPerMWYear: 50 * 8766 / 1e6,
      tonnesCO2PerMWYear: 484 * 8766 / 1000, availability: 0.8, firstYearIndex: firstYearIndex,
      newMegawattsLimit: [limit, limit, limit])
  }

  func problem(generation: [SitePlanProblem.Generation], permit: Double? = nil) -> SitePlanProblem {
    let hall = SitePlanProblem.Hall(id: "hall", cooling: .air, rackKilowatts: 40, usableRacks: 10)
    let a = SitePlanProblem.System(
      id: "a", accelerator: "part-a", accelerators: 8, megawatts: 0.010, priceMillions: 1,
      decisions: [.allowed, .allowed, .allowed], placements: [SitePlanProblem.Placement(systemsPerRack: 4)])
    let run = SitePlanProblem.TrainingRun(
      id: "run", computeYottaflop: 2, windowShares: [1, 0, 0], yottaflopPerSystemYear: [1],
      start: Day(year: 2026), deadline: Day(year: 2026, month: 12, day: 31))
    return SitePlanProblem(
      site: "waiting", country: "XX", years: [2026, 2027, 2028], halls: [hall], systems: [a], training: [run],
      itMegawatts: [0, 0, 0.09], pue: 1, electricityUSDPerMWh: 100, discountRate: 0, generation: generation,
      airPermitMegawatts: permit, itPerSupplyMegawatt: 1, statedITMegawatts: [0.09, 0.09, 0.09])
  }

  @Test func allowedTurbinesBridgeTheWaitAtTheStatedCost() throws {
    // Given a turbine that can arrive in 2026, When planned,
    let problem = problem(generation: [turbine(firstYearIndex: 0)])
    let plan = try planner.plan(problem)
    // Then 25 kW of turbine is built in 2026 (20 kW firm / 0.8) and the run is met.
    #expect(plan.shortfalls.isEmpty)
    let built = try #require(plan.generation.first { $0.year == 2026 })
    #expect(abs(built.nameplateMegawatts - 0.025) < 1e-6)
    // And it costs 0.025 MW x 1.5 $M = 0.0375 $M of capex, 0.02 MW-years x 0.4383 = 0.008766 $M of fuel,
    // no grid energy, and 2 systems: 2.046266 $M in all (to 1e-6).
    #expect(abs(plan.costs.generationCapex - 0.0375) < 1e-6)
    #expect(abs(plan.costs.generationOperating - 0.008766) < 1e-6)
    #expect(abs(plan.costs.energy) < 1e-6)
    #expect(abs(plan.costs.totalPresent - 2.046266) < 2.046266 * 1e-6)
    #expect(abs(plan.objective - 2.046266) < 2.046266 * 1e-6)
    // And emits 0.02 MW-years x 8,766 h x 484 g/kWh = 84.86 t of CO2.
    #expect(abs(plan.costs.generationTonnesCO2 - 0.02 * 8766 * 484 / 1000) < 1e-6)
    #expect(plan.invariantViolations(against: problem).isEmpty)
  }

  @Test func aTurbineThatArrivesTooLateLeavesATimeToPowerShortfall() throws {
    // Given a turbine whose lead time lets it count only from 2027, When planned,
    let problem = problem(generation: [turbine(firstYearIndex: 1)])
    let plan = try planner.plan(problem)
    // Then the whole run (2 YFLOP) is short, and the explanation names time to power.
    let shortfall = try #require(plan.shortfalls.first)
    #expect(abs(shortfall.amount - 2) < 1e-6)
    #expect(shortfall.explanation.hasPrefix("time to power:"), "\(shortfall.explanation)")
    #expect(plan.generation.allSatisfy { $0.year >= 2027 })
  }

  @Test func withoutBehindTheMeterTheShortfallNamesTimeToPower() throws {
    // Given no generation allowed, When planned,
    let plan = try planner.plan(problem(generation: []))
    // Then the run is short, relaxing site power alone removes it (+20 kW in 2026), and the explanation says
    // time to power and that nothing may be built behind the meter; 2026's binding limit is time to power.
    let shortfall = try #require(plan.shortfalls.first)
    #expect(shortfall.removedBy == [.power])
    #expect(shortfall.explanation.hasPrefix("time to power:"), "\(shortfall.explanation)")
    #expect(shortfall.explanation.contains("no behind-the-meter generation is allowed"))
    #expect(plan.yearSummaries.first?.binding == [.timeToPower])
  }

  @Test func theAirPermitCapsCombustionAndTheRestIsShort() throws {
    // Given a 12.5 kW air permit (10 kW firm: one system), When planned,
    let problem = problem(generation: [turbine(firstYearIndex: 0)], permit: 0.0125)
    let plan = try planner.plan(problem)
    // Then 12.5 kW is built and half the run (1 YFLOP) is short.
    #expect(abs((plan.generation.first?.nameplateMegawatts ?? 0) - 0.0125) < 1e-6)
    #expect(abs((plan.shortfalls.first?.amount ?? 0) - 1) < 1e-6)
    #expect(plan.invariantViolations(against: problem).isEmpty)
  }

  @Test func aSupplyLimitCapsWhatCanBeBuiltInAYear() throws {
    // Given at most 12.5 kW of turbines a year, When planned, Then the same half is short.
    let problem = problem(generation: [turbine(firstYearIndex: 0, limit: 0.0125)])
    let plan = try planner.plan(problem)
    #expect(abs((plan.shortfalls.first?.amount ?? 0) - 1) < 1e-6)
    #expect(plan.invariantViolations(against: problem).isEmpty)
  }
}

@Suite struct SyntheticBehindTheMeterTests {
  @Test func theBenchmarkSiteWithBehindTheMeterOptionsSolvesWithinItsLimits() throws {
    // Given the benchmark's 10-hall site with the grid at 25 % for two years and three options,
    let problem = SyntheticSitePlan.problem(halls: 10, systems: 8, years: 6, workloads: 5, behindTheMeter: true)
    // When planned to a 1 % gap,
    let planner = SitePlanner(
      solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(30), relativeGap: 0.01),
      explainShortfalls: false)
    let plan = try planner.plan(problem)
    // Then it has a plan that breaks no limit (power with behind the meter, permit, build limits, lead times),
    // and builds something behind the meter in the years the grid is short.
    #expect(plan.status == .optimal)
    #expect(plan.invariantViolations(against: problem, tolerance: 1e-5).isEmpty)
    #expect(plan.generation.contains { $0.year <= 2027 })
  }
}

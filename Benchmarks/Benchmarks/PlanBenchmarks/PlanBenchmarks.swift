import Benchmark
import Foundation
import HeadroomCoinOR
import HeadroomPlanner
import HeadroomSolver

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 20)

  // A synthetic site of 10 halls x 8 candidate systems x 6 years x 5 workloads (3 training runs,
  // 2 inference services), planned to a 1 % gap: the service phase, then the cost phase (no
  // shortfall, so no diagnosis solves). The status and gap reached are printed after each run.
  Benchmark("site plan synthetic 10 halls x 8 systems x 6 years x 5 workloads, 1 % gap") { benchmark in
    let problem = SyntheticSitePlan.problem(halls: 10, systems: 8, years: 6, workloads: 5, seed: 42)
    let planner = SitePlanner(
      solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(30), relativeGap: 0.01),
      explainShortfalls: false)
    let program = SitePlanProgram(problem).program
    var report: String?
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let plan = try planner.plan(problem)
      if report == nil {
        report =
          "site plan synthetic 10x8x6x5: \(program.numberOfVariables) variables (\(program.numberOfIntegerVariables) integer), \(program.numberOfConstraints) rows; \(plan.statusText), \(plan.shortfalls.count) shortfalls, cost \(String(format: "%.1f", plan.costs.totalPresent)) $M"
      }
      blackHole(plan)
    }
    benchmark.stopMeasurement()
    if let report { print(report) }
  }

  // The same site whose grid gives 25 % of its stated power in the first two years (time to power), with three
  // behind-the-meter options (turbine, fuel cell, solar and storage; continuous MW, supply limits and an air
  // permit) that may bridge it.
  Benchmark("site plan synthetic 10 halls x 8 systems x 6 years x 5 workloads with behind-the-meter options, 1 % gap") {
    benchmark in
    let problem = SyntheticSitePlan.problem(
      halls: 10, systems: 8, years: 6, workloads: 5, seed: 42, behindTheMeter: true)
    let planner = SitePlanner(
      solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(30), relativeGap: 0.01),
      explainShortfalls: false)
    let program = SitePlanProgram(problem).program
    var report: String?
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let plan = try planner.plan(problem)
      if report == nil {
        let built = plan.generation.filter { $0.year == problem.years.last }.map(\.nameplateMegawatts).reduce(0, +)
        report =
          "site plan synthetic 10x8x6x5 + BTM: \(program.numberOfVariables) variables (\(program.numberOfIntegerVariables) integer), \(program.numberOfConstraints) rows; \(plan.statusText), \(plan.shortfalls.count) shortfalls, \(String(format: "%.0f", built)) MW behind the meter, cost \(String(format: "%.1f", plan.costs.totalPresent)) $M"
      }
      blackHole(plan)
    }
    benchmark.stopMeasurement()
    if let report { print(report) }
  }
}

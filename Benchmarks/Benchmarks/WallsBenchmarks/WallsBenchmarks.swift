import Benchmark
import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomPlanner

/// The repository root (this file is Benchmarks/Benchmarks/WallsBenchmarks/WallsBenchmarks.swift).
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 20)

  // The bundled baseline (16 countries x 11 years x 38 kinds): build the inputs from the loaded catalog
  // and scenario, then solve every country (joint two-phase, chips-unlimited, power-unlimited).
  Benchmark("walls baseline: build + solve") { benchmark in
    let catalog = try CatalogLoader(root: repository).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: repository).load("baseline")
    let kinds = WallsKindTable(catalog: catalog, referenceModel: scenario.referenceModel)
    let runner = WallsRunner(solver: CoinORSolver(), threshold: scenario.wallThreshold)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let input = try WallsInput(catalog: catalog, scenario: scenario, kinds: kinds)
      blackHole(try runner.solveCountries(input.problems))
    }
  }

  // A synthetic 200 countries x 30 years x 100 kinds model (1.8 M variables in all), countries in
  // parallel: phase 1 (one LP per year), the walls (relaxed years from the first short one on) and
  // the cost phase (one LP per country over the horizon), as `headroom walls` runs them.
  Benchmark("walls synthetic 200x30x100: build + solve", configuration: .init(maxIterations: 3)) { benchmark in
    let problems = SyntheticWalls.problems(countries: 200, years: 30, kinds: 100)
    let runner = WallsRunner(solver: CoinORSolver())
    benchmark.startMeasurement()
    blackHole(try runner.solveCountries(problems))
  }

  // Sweeps (throughput, and what Sobol indices add) are in SweepBenchmarks.
}

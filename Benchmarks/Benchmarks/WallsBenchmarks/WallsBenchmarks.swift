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

  // The bundled baseline: build the inputs from the loaded catalog and scenario, then solve every
  // country (phase 1 in its stages, the relaxations in short years, the cost phase).
  Benchmark("walls baseline: build + solve") { benchmark in
    let catalog = try CatalogLoader(root: repository).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: repository).load("baseline")
    let study = WallsStudy(
      catalog: catalog, solver: CoinORSolver(), solverIdentity: .init(name: "CLP", version: CoinORSolver.clpVersion)
    ).preparingKinds(for: scenario.referenceModel)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try study.run(scenario))
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

  // 1,000 samples of the baseline varying four inputs (phase 1 only, all cores).
  Benchmark("sweep baseline x 1000 samples", configuration: .init(maxIterations: 1)) { benchmark in
    let catalog = try CatalogLoader(root: repository).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: repository).load("baseline")
    let sweep = try SweepStudy(
      scenario: scenario,
      ranges: [
        SweepRange(path: "demand.growth.start", low: 1.8, high: 3.0),
        SweepRange(path: "ai_share_of_dc_growth", low: 0.35, high: 0.6),
        SweepRange(path: "supply_scales.tsmc-cowos", low: 0.8, high: 1.2),
        SweepRange(path: "demand.growth.long_run", low: 1.2, high: 1.5),
      ], seed: 1, samples: 1000,
      walls: WallsStudy(catalog: catalog, solver: CoinORSolver(), solverIdentity: .init(name: "CLP", version: "")))
    benchmark.startMeasurement()
    blackHole(try sweep.run(indices: Array(0..<1000)))
  }
}

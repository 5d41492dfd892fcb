import Benchmark
import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner

/// The repository root (this file is Benchmarks/Benchmarks/SweepBenchmarks/SweepBenchmarks.swift).
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Eight inputs of the baseline, over the ranges the data files' notes give for a sweep (the README's Sobol study).
let ranges = [
  SweepRange(path: "demand.growth.start", low: 1.8, high: 3),
  SweepRange(path: "demand.growth.long_run", low: 1.2, high: 1.5),
  SweepRange(path: "demand.growth.half_life", low: 1, high: 4),
  SweepRange(path: "lifetime", low: 4, high: 6),
  SweepRange(path: "wall_threshold", low: 0.05, high: 0.2),
  SweepRange(path: "ai_share_of_dc_growth", low: 0.35, high: 0.6),
  SweepRange(path: "supply_scales.tsmc-cowos", low: 0.8, high: 1.2),
  SweepRange(path: "countries.CN.licence_uptake", low: 0, high: 1),
]

/// A sweep of the bundled baseline over the eight inputs, on the live solver.
func sweep(_ method: SweepMethod, samples: Int) throws -> SweepStudy {
  let catalog = try CatalogLoader(root: repository).load()
  let scenario = try ScenarioLoader(catalog: catalog, root: repository).load("baseline")
  let walls = WallsStudy(catalog: catalog, solver: CoinORSolver(), solverIdentity: .init(name: "CLP", version: ""))
  return try SweepStudy(scenario: scenario, ranges: ranges, seed: 1, method: method, samples: samples, walls: walls)
}

/// The runs of a Sobol sweep of N = 32 (320 runs), solved once for the summary benchmark.
let sobolSamples: SweepSamples = {
  do {
    return try sweep(.sobol, samples: 32).run(shard: .whole, overrides: [], dataHash: nil, scenarioHash: nil)
  } catch {
    fatalError("the Sobol sweep of the baseline failed: \(error)")
  }
}()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .peakMemoryResident], maxDuration: .seconds(120), maxIterations: 3)

  // Throughput: 200 random samples of the baseline (28 countries, 2025-2035, phase 1 and both
  // relaxations per sample), 8 inputs, on all cores. Samples per second = 200 / wall clock.
  Benchmark("sweep baseline: 200 random samples, 8 inputs") { benchmark in
    let study = try sweep(.random, samples: 200)
    benchmark.startMeasurement()
    blackHole(try study.run(indices: Array(0..<200)))
  }

  // The model runs of a Sobol study: N = 32 base rows x (8 + 2) = 320 runs.
  Benchmark("sobol baseline N=32, 8 inputs: 320 model runs") { benchmark in
    let study = try sweep(.sobol, samples: 32)
    benchmark.startMeasurement()
    blackHole(try study.run(indices: Array(0..<study.runs)))
  }

  // What Sobol adds over those runs: first- and total-order indices of 28 countries x 4 outputs with
  // 1,000-resample bootstrap intervals, from the same 320 runs (solved once, outside the measurement).
  // Overhead = this / the model runs above.
  Benchmark("sobol summary N=32, 8 inputs: estimators + 1,000-resample bootstrap") { benchmark in
    let samples = sobolSamples
    benchmark.startMeasurement()
    blackHole(try SobolSummary(samples: samples))
  }
}

import Benchmark
import Foundation
import HeadroomCatalog

/// The repository root (this file is Benchmarks/Benchmarks/CatalogBenchmarks/CatalogBenchmarks.swift).
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxIterations: 50)

  // Every data file: 38 accelerators, 7 systems, 5 rule sets, 16 countries, 6 sites, the reference
  // models and the MFU defaults, parsed, checked field by field and cross-referenced.
  Benchmark("catalog load (all data files)") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(try CatalogLoader(root: repository).load())
    }
  }

  // The same catalog checked for source coverage and sane ranges (what 'headroom catalog check' does).
  Benchmark("catalog check") { benchmark in
    let catalog = try CatalogLoader(root: repository).load()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(CatalogCheck(catalog))
    }
  }
}

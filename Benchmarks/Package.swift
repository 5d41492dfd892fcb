// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that the benchmark framework never slows the main
// build. Run them from this folder with:
//
//     swift package --disable-sandbox benchmark --target SolverBenchmarks
//     swift package --disable-sandbox benchmark --target SizingBenchmarks
//     swift package --disable-sandbox benchmark --target StoreBenchmarks
//     swift package --disable-sandbox benchmark --target WallsBenchmarks
//     swift package --disable-sandbox benchmark --target CatalogBenchmarks
//     swift package --disable-sandbox benchmark --target PlanBenchmarks
//     swift package --disable-sandbox benchmark --target SweepBenchmarks
//     swift package --disable-sandbox benchmark --target ReportBenchmarks
let package = Package(
  name: "HeadroomBenchmarks",
  platforms: [.macOS(.v14)],
  dependencies: [
    .package(name: "Headroom", path: ".."),
    .package(
      url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
  ],
  targets: [
    .executableTarget(
      name: "SolverBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomModel", package: "Headroom"),
        .product(name: "HeadroomSolver", package: "Headroom"),
        .product(name: "HeadroomCoinOR", package: "Headroom"),
      ],
      path: "Benchmarks/SolverBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "SizingBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomModel", package: "Headroom"),
        .product(name: "HeadroomCatalog", package: "Headroom"),
        .product(name: "HeadroomPlanner", package: "Headroom"),
      ],
      path: "Benchmarks/SizingBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "StoreBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomCatalog", package: "Headroom"),
        .product(name: "HeadroomModel", package: "Headroom"),
        .product(name: "HeadroomStore", package: "Headroom"),
      ],
      path: "Benchmarks/StoreBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "WallsBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomCatalog", package: "Headroom"),
        .product(name: "HeadroomPlanner", package: "Headroom"),
        .product(name: "HeadroomCoinOR", package: "Headroom"),
      ],
      path: "Benchmarks/WallsBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "PlanBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomPlanner", package: "Headroom"),
        .product(name: "HeadroomSolver", package: "Headroom"),
        .product(name: "HeadroomCoinOR", package: "Headroom"),
      ],
      path: "Benchmarks/PlanBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "SweepBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomModel", package: "Headroom"),
        .product(name: "HeadroomCatalog", package: "Headroom"),
        .product(name: "HeadroomPlanner", package: "Headroom"),
        .product(name: "HeadroomCoinOR", package: "Headroom"),
      ],
      path: "Benchmarks/SweepBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "ReportBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomModel", package: "Headroom"),
        .product(name: "HeadroomCatalog", package: "Headroom"),
        .product(name: "HeadroomPlanner", package: "Headroom"),
        .product(name: "HeadroomCoinOR", package: "Headroom"),
        .product(name: "HeadroomReport", package: "Headroom"),
        .product(name: "HeadroomStore", package: "Headroom"),
      ],
      path: "Benchmarks/ReportBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
    .executableTarget(
      name: "CatalogBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "HeadroomCatalog", package: "Headroom"),
      ],
      path: "Benchmarks/CatalogBenchmarks",
      plugins: [
        .plugin(name: "BenchmarkPlugin", package: "benchmark")
      ]
    ),
  ]
)

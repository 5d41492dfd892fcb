// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Headroom",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "headroom", targets: ["headroom"]),
    .library(name: "HeadroomModel", targets: ["HeadroomModel"]),
    .library(name: "HeadroomCatalog", targets: ["HeadroomCatalog"]),
    .library(name: "HeadroomPlanner", targets: ["HeadroomPlanner"]),
    .library(name: "HeadroomSolver", targets: ["HeadroomSolver"]),
    .library(name: "HeadroomCoinOR", targets: ["HeadroomCoinOR"]),
    .library(name: "HeadroomStore", targets: ["HeadroomStore"]),
    .library(name: "HeadroomReport", targets: ["HeadroomReport"]),
    .library(name: "HeadroomCLI", targets: ["HeadroomCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    // 'make docs' (swift package generate-documentation); a command plugin, never built by 'swift build'.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    // MARK: - Public API

    /// Units and domain value types, the catalog value and scenarios: no I/O, no dependencies.
    .target(name: "HeadroomModel"),
    /// Reads and validates Hardware/, Grids/ and Scenarios/: the only module that knows YAML.
    .target(
      name: "HeadroomCatalog",
      dependencies: ["HeadroomModel", .product(name: "Yams", package: "Yams")]
    ),
    /// The LinearProgram value, the LinearSolver protocol, Solution and the MPS writer.
    .target(name: "HeadroomSolver"),
    /// The live COIN-OR solver (CLP for LPs, CBC for MIPs): the only module that imports CCoinOR.
    .target(name: "HeadroomCoinOR", dependencies: ["HeadroomSolver", "CCoinOR"]),
    /// Sizing, site fitting, the walls model, what-if and sweeps.
    .target(
      name: "HeadroomPlanner",
      dependencies: ["HeadroomModel", "HeadroomCatalog", "HeadroomSolver"]
    ),
    /// SQLite through GRDB (Debian's libsqlite3): catalog tables, run history, read-only SQL.
    .target(
      name: "HeadroomStore",
      dependencies: ["HeadroomModel", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    /// Renderers (table, JSON, CSV, Markdown, SVG, HTML) of the planner's results.
    .target(name: "HeadroomReport", dependencies: ["HeadroomModel", "HeadroomPlanner"]),
    /// The commands, as a library so tests can run them.
    .target(
      name: "HeadroomCLI",
      dependencies: [
        "HeadroomModel", "HeadroomCatalog", "HeadroomReport", "HeadroomPlanner", "HeadroomSolver",
        "HeadroomCoinOR", "HeadroomStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "headroom", dependencies: ["HeadroomCLI"]),

    // MARK: - Implementation details

    /// COIN-OR CBC and CLP C APIs: module map and shim only.
    .systemLibrary(
      name: "CCoinOR",
      pkgConfig: "cbc",
      providers: [.apt(["coinor-libcbc-dev", "coinor-libclp-dev"])]
    ),

    // MARK: - Test support

    /// Shared by the test bundles: the repository's data and catalog, tolerances.
    .target(
      name: "HeadroomTestSupport", dependencies: ["HeadroomModel", "HeadroomCatalog"],
      path: "Tests/HeadroomTestSupport"
    ),

    /// The entry points of the fuzz targets (Tests/Fuzz/Targets, built by 'make fuzz') and of the replay test.
    .target(name: "HeadroomFuzzing", dependencies: ["HeadroomModel", "HeadroomCatalog"], path: "Tests/Fuzz/Entries"),

    /// Saves synthetic runs from a separate process, for the store's concurrency and crash tests.
    .executableTarget(
      name: "headroom-store-writer",
      dependencies: ["HeadroomStore", .product(name: "GRDB", package: "GRDB.swift")], path: "Tests/StoreWriter"),

    // MARK: - Unit test bundles

    .testTarget(
      name: "HeadroomFuzzTests", dependencies: ["HeadroomTestSupport", "HeadroomFuzzing"], path: "Tests/Fuzz/Replay"),
    .testTarget(name: "HeadroomModelTests", dependencies: ["HeadroomTestSupport", "HeadroomModel"]),
    .testTarget(name: "HeadroomCatalogTests", dependencies: ["HeadroomTestSupport", "HeadroomCatalog"]),
    .testTarget(name: "HeadroomSolverTests", dependencies: ["HeadroomTestSupport", "HeadroomSolver"]),
    .testTarget(name: "HeadroomCoinORTests", dependencies: ["HeadroomTestSupport", "HeadroomCoinOR", "HeadroomSolver", "HeadroomModel"]),
    .testTarget(name: "HeadroomPlannerTests", dependencies: ["HeadroomTestSupport", "HeadroomPlanner", "HeadroomCatalog", "HeadroomCoinOR"]),
    .testTarget(name: "HeadroomStoreTests", dependencies: ["HeadroomTestSupport", "HeadroomStore", "HeadroomCatalog"]),
    .testTarget(
      name: "HeadroomCLITests",
      dependencies: [
        "HeadroomTestSupport", "HeadroomCLI", "HeadroomReport", "headroom", "headroom-store-writer", "HeadroomCoinOR",
      ]
    ),
  ]
)

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
    .library(name: "HeadroomCLI", targets: ["HeadroomCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
  ],
  targets: [
    // MARK: - Public API

    /// Units and domain value types: no I/O, no dependencies.
    .target(name: "HeadroomModel"),
    /// Reads and validates Hardware/, Grids/ and Scenarios/.
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
      dependencies: ["HeadroomModel", "HeadroomCatalog", .product(name: "GRDB", package: "GRDB.swift")]
    ),
    /// Table, JSON, CSV and Markdown renderers.
    .target(name: "HeadroomReport", dependencies: ["HeadroomModel"]),
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

    // MARK: - Unit test bundles

    .testTarget(name: "HeadroomModelTests", dependencies: ["HeadroomModel"]),
    .testTarget(name: "HeadroomCatalogTests", dependencies: ["HeadroomCatalog"]),
    .testTarget(name: "HeadroomSolverTests", dependencies: ["HeadroomSolver"]),
    .testTarget(name: "HeadroomCoinORTests", dependencies: ["HeadroomCoinOR", "HeadroomSolver", "HeadroomModel"]),
    .testTarget(name: "HeadroomPlannerTests", dependencies: ["HeadroomPlanner", "HeadroomCatalog", "HeadroomCoinOR"]),
    .testTarget(name: "HeadroomStoreTests", dependencies: ["HeadroomStore", "HeadroomCatalog"]),
    .testTarget(name: "HeadroomCLITests", dependencies: ["HeadroomCLI", "headroom", "HeadroomCoinOR"]),
  ]
)

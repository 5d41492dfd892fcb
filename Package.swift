// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "Headroom",
  platforms: [.macOS(.v14)],
  products: [
    .executable(name: "headroom", targets: ["headroom"]),
    .library(name: "HeadroomModel", targets: ["HeadroomModel"]),
    .library(name: "HeadroomCatalog", targets: ["HeadroomCatalog"]),
    .library(name: "HeadroomCLI", targets: ["HeadroomCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
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
    /// Table, JSON, CSV and Markdown renderers.
    .target(name: "HeadroomReport", dependencies: ["HeadroomModel"]),
    /// The commands, as a library so tests can run them.
    .target(
      name: "HeadroomCLI",
      dependencies: [
        "HeadroomModel", "HeadroomCatalog", "HeadroomReport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "headroom", dependencies: ["HeadroomCLI"]),


    // MARK: - Unit test bundles

    .testTarget(name: "HeadroomModelTests", dependencies: ["HeadroomModel"]),
    .testTarget(name: "HeadroomCatalogTests", dependencies: ["HeadroomCatalog"]),
    .testTarget(name: "HeadroomCLITests", dependencies: ["HeadroomCLI", "headroom"]),
  ]
)

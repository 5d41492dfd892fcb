import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner

/// Options shared by `walls`, `whatif` and `sweep`: which scenario, and overrides.
struct ScenarioOptions: ParsableArguments {
  @Option(help: "Scenario id in Scenarios/ or a path to a scenario file.")
  var scenario = "baseline"

  @Option(
    name: .customLong("set"), help: "Override a scenario field, e.g. --set countries.US.power_scale=0.7 (repeatable).")
  var overrides: [String] = []

  /// The overrides, parsed.
  func parsedOverrides() throws -> [ScenarioOverride] {
    try overrides.map { text throws(CatalogError) in try ScenarioOverride(parsing: text) }
  }

  /// Loads the catalog, the scenario with overrides, and the model inputs; `kinds` receives the
  /// catalog's per-kind figures so a caller solving a second scenario need not size every part again.
  func load(_ common: CommonOptions, kinds: inout WallsKindTable?) throws -> (Catalog, URL, Scenario, WallsInput) {
    let root = try DataDirectory.locate(explicit: common.data)
    let catalog = try CatalogLoader(root: root).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: root).load(self.scenario, overrides: parsedOverrides())
    let table = kinds ?? WallsKindTable(catalog: catalog)
    kinds = table
    return (catalog, root, scenario, try WallsInput(catalog: catalog, scenario: scenario, kinds: table))
  }

  /// Loads the catalog, the scenario with overrides, and the model inputs.
  func load(_ common: CommonOptions) throws -> (Catalog, URL, Scenario, WallsInput) {
    var kinds: WallsKindTable?
    return try load(common, kinds: &kinds)
  }
}

/// The live solver and its name for reports.
enum LiveSolver {
  static let solver = CoinORSolver()
  static let version = CoinORSolver.clpVersion
  static let name = "COIN-OR CLP"
}

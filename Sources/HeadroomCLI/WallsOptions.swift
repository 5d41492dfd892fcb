import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner

/// Options shared by `walls`, `whatif` and `sweep`: which scenario, and overrides.
struct ScenarioOptions: ParsableArguments {
  @Option(help: "Scenario id in Scenarios/ or a path to a scenario file.", completion: IDCompletion.of(.scenario))
  var scenario = "baseline"

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Override a scenario field (repeatable), e.g. --set countries.US.power_scale=0.7.", valueName: "path=value"),
    transform: { text in try ScenarioOverride(parsing: text) })
  var overrides: [ScenarioOverride] = []

  @Option(
    parsing: .unconditional,
    help: "Share of demand a gap must exceed for a year to count as a wall (default: the scenario's, 0.1).")
  var threshold: Double?

  /// The overrides, `--threshold` included (as `wall_threshold=`).
  var allOverrides: [ScenarioOverride] {
    overrides + (threshold.map { [ScenarioOverride(path: "wall_threshold", value: "\($0)")] } ?? [])
  }

  /// The overrides as written, for titles and the run history.
  var overrideTexts: [String] { allOverrides.map(\.description) }

  func validate() throws {
    if let threshold, !(threshold > 0 && threshold < 1) {
      throw ValidationError("--threshold must be a share strictly between 0 and 1 (got \(threshold)).")
    }
    try RepeatedOptions.checkUnique(allOverrides, option: "--set") { $0.path }
  }

  /// Loads the catalog and the scenario with its overrides.
  func load(_ common: CommonOptions) throws -> Loaded {
    let data = try common.loadData()
    let loader = data.scenarios
    let prepared = try OptionLookup.named("--scenario", scenario) { () throws(CatalogError) in
      try loader.prepare(scenario)
    }
    let unchanged = loader.unchanged(allOverrides, in: prepared).map {
      "--set \($0) is the scenario's value already (it changes nothing)."
    }
    return Loaded(
      data: data, scenario: try loader.load(prepared, overrides: allOverrides), ignored: unchanged)
  }

  /// The catalog and scenario a planning command works on.
  struct Loaded {
    var data: LoadedData
    var scenario: Scenario
    /// One line each: what the command ignored (overrides that change nothing, parts with no supply).
    var ignored: [String] = []
    /// The catalog parts the scenario gives no supply (set by ``noteUnsupplied(_:)``): the result does not
    /// rest on them.
    var unsupplied: Set<String> = []
    var catalog: Catalog { data.catalog }

    /// The items a walls result rests on: accelerators, systems, countries, export rules, production,
    /// supply limits and the reference model (not sites, generation or equipment, nor parts with no supply).
    var uses: Set<String> {
      Set(
        catalog.accelerators.map(\.id) + catalog.systems.map(\.id) + catalog.countries.map(\.id)
          + catalog.exportRules.all.map(\.id) + catalog.production.map(\.id) + catalog.supplyLimits.map(\.id)
          + [scenario.referenceModel]
      ).subtracting(unsupplied)
    }

    /// The lines for the catalog parts the scenario gives no supply, added to ``ignored``; the user's own
    /// parts (from folders above the bundled data) are named first, so they are not lost behind "...".
    mutating func noteUnsupplied(_ input: WallsInput) {
      let own = Set(catalog.layering.items.filter { $0.kind == "accelerator" }.map(\.id))
      let found = input.kindsWithoutSupply(in: catalog)
      unsupplied = Set(found)
      let unsupplied = found.filter { own.contains($0) } + found.filter { !own.contains($0) }
      let shown = unsupplied.prefix(12).joined(separator: ", ") + (unsupplied.count > 12 ? ", ..." : "")
      if !unsupplied.isEmpty {
        ignored.append(
          "\(unsupplied.count) catalog accelerator\(unsupplied.count == 1 ? " has" : "s have") no supply in the scenario "
            + "(no installed base, production or imports in any country): \(shown); give them production or installed "
            + "units in a scenario to use them.")
      }
    }

    /// The walls study on the live solver.
    var study: WallsStudy {
      WallsStudy(catalog: catalog, solver: LiveSolver.solver, solverIdentity: LiveSolver.identity)
    }
  }
}

/// The live solver and its name for reports.
enum LiveSolver {
  static let solver = CoinORSolver()
  static let identity = SolverIdentity(name: "COIN-OR CLP", version: CoinORSolver.clpVersion)
}

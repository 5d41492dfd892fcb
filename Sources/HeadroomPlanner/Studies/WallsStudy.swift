import HeadroomModel
import HeadroomSolver

/// The walls study as one call: check the scenario against the catalog, build one LP per country,
/// solve (phase 1 in its stages, the relaxations, the cost phase), and post-process into a
/// ``WallsResult`` (PyPSA's shape: check, build, solve, write back, post-process).
///
/// For example:
/// ```swift
/// let study = WallsStudy(catalog: catalog, solver: CoinORSolver(), solverIdentity: .init(name: "COIN-OR CLP", version: "1.17"))
/// let result = try study.run(scenario)
/// print(result.countries[0].powerWallYear ?? "none")
/// ```
public struct WallsStudy: Sendable {
  public var catalog: Catalog
  public var solver: any LinearSolver
  public var solverIdentity: SolverIdentity
  /// Per-kind figures, computed once and reused by every scenario this study runs (for the same
  /// reference model).
  public var kinds: WallsKindTable?

  public init(catalog: Catalog, solver: any LinearSolver, solverIdentity: SolverIdentity, kinds: WallsKindTable? = nil)
  {
    self.catalog = catalog
    self.solver = solver
    self.solverIdentity = solverIdentity
    self.kinds = kinds
  }

  /// The same study with its per-kind figures computed for a reference model (a sweep or a what-if
  /// calls this once so that every scenario shares them).
  public func preparingKinds(for referenceModel: String) -> WallsStudy {
    var study = self
    if study.kinds?.referenceModel != referenceModel {
      study.kinds = WallsKindTable(catalog: catalog, referenceModel: referenceModel)
    }
    return study
  }

  /// The model inputs of a scenario.
  public func input(_ scenario: Scenario) throws(CatalogError) -> WallsInput {
    try WallsInput(catalog: catalog, scenario: scenario, kinds: kinds)
  }

  /// Runs a scenario; `costPhase: false` skips the cost phase (walls come from phase 1).
  public func run(_ scenario: Scenario, costPhase: Bool = true) throws -> WallsResult {
    try run(input(scenario), costPhase: costPhase)
  }

  /// Runs prepared inputs.
  public func run(_ input: WallsInput, costPhase: Bool = true) throws -> WallsResult {
    let scenario = input.scenario
    let runner = WallsRunner(solver: solver, costPhase: costPhase, threshold: scenario.wallThreshold)
    let countries = try runner.solveCountries(input.problems)
    var notes: [String] = []
    if !input.excludedKinds.isEmpty {
      notes.append(
        "Kinds that cannot run: "
          + input.excludedKinds.sorted { $0.key < $1.key }.map { "\($0.key) (\($0.value))" }.joined(separator: "; "))
    }
    notes += input.productionNotes
    if !input.imputedPrices.isEmpty {
      notes.append(
        "Prices imputed from the H100's price per H100e (no catalog price): "
          + input.imputedPrices.joined(separator: ", "))
    }
    return WallsResult(
      scenario: scenario.id, scenarioName: scenario.name, demandCase: scenario.demand.id,
      wallThreshold: scenario.wallThreshold, split: scenario.split, firstYear: scenario.firstYear,
      lastYear: scenario.lastYear, countries: countries, objective: countries.map(\.cost).sum(),
      discountRate: scenario.discountRate, solver: solverIdentity, notes: notes)
  }

  /// The cost-phase LPs of every country, as solved, combined into one program for export.
  public func costProgram(_ scenario: Scenario) throws -> LinearProgram {
    let input = try input(scenario)
    let runner = WallsRunner(solver: solver, threshold: scenario.wallThreshold)
    return LinearProgram.combining(try runner.costPrograms(input.problems), name: "walls-\(scenario.id)")
  }
}

import Foundation
import HeadroomModel
import HeadroomSolver

/// A Monte Carlo sweep of the walls model: draw inputs uniformly within their ranges, set them on the
/// loaded scenario through its typed parameters (no file is read per sample), solve each sample
/// (phase 1 only: walls do not need the cost phase), and summarise the wall years and which inputs
/// move them.
public struct SweepStudy: Sendable {
  public var scenario: Scenario
  public var ranges: [SweepRange]
  public var seed: UInt64
  public var walls: WallsStudy
  let parameters: [Scenario.Parameter]
  let decisions: ExportDecisionTable

  /// Prepares a sweep; a range whose path is not a numeric field, or whose bounds are outside the
  /// field's range, is an error naming it.
  public init(scenario: Scenario, ranges: [SweepRange], seed: UInt64, walls: WallsStudy) throws(CatalogError) {
    self.scenario = scenario
    self.ranges = ranges
    self.seed = seed
    self.walls = walls.preparingKinds(for: scenario.referenceModel)
    var parameters: [Scenario.Parameter] = []
    for range in ranges {
      let parameter = try scenario.parameter(range.path)
      try parameter.check(range.low)
      try parameter.check(range.high)
      parameters.append(parameter)
    }
    self.parameters = parameters
    // Shares are checked together: with every range at its high end, no share list may exceed 1.
    var corner = scenario
    for (parameter, range) in zip(parameters, ranges) { parameter.apply(range.high, to: &corner) }
    let aggregates = Set(walls.catalog.countries.filter { !$0.members.isEmpty }.map(\.id))
    if let excess = corner.overAllocated(aggregates: aggregates) {
      throw CatalogError(
        field: "--vary", value: ranges.map(\.description).joined(separator: " "),
        expected:
          "ranges whose high ends keep the \(excess.list) shares at most 1 (they sum to \(NumberText.plain(excess.total, 4)))"
      )
    }
    let produced = try WallsSupply(catalog: walls.catalog, scenario: scenario).plan.units.keys.sorted()
    self.decisions = try ExportDecisionTable(catalog: walls.catalog, scenario: scenario, kinds: produced)
  }

  /// The year each sample records its gap in.
  public var summaryYear: Int { SweepSamples.summaryYear(firstYear: scenario.firstYear, lastYear: scenario.lastYear) }

  /// Runs the samples with the given indices (all of them, or one shard's), on all cores.
  public func run(indices: [Int], progress: (@Sendable (Int) -> Void)? = nil) throws -> [SweepSample] {
    try concurrentResults(count: indices.count, progress: progress) { try sample(indices[$0]) }
  }

  /// The scenario of one sample, with its drawn inputs set.
  public func scenario(for index: Int) -> (Scenario, [Double]) {
    var random = SweepRandom(seed: seed, sample: index)
    let inputs = ranges.map { $0.value(at: random.unit()) }
    var drawn = scenario
    for (parameter, value) in zip(parameters, inputs) { parameter.apply(value, to: &drawn) }
    return (drawn, inputs)
  }

  /// One sample.
  public func sample(_ index: Int) throws -> SweepSample {
    let (drawn, inputs) = scenario(for: index)
    let input = try WallsInput(catalog: walls.catalog, scenario: drawn, kinds: walls.kinds, decisions: decisions)
    let runner = WallsRunner(solver: walls.solver, costPhase: false, threshold: drawn.wallThreshold)
    let year = summaryYear
    var result: [String: SweepSample.Walls] = [:]
    for problem in input.problems {
      let country = try runner.solveCountry(problem)
      result[problem.country] = .init(
        powerWall: country.powerWallYear, chipWall: country.chipWallYear, firstShort: country.firstShortYear,
        binding: country.bindingWall.rawValue, gapShare: country.years.first { $0.year == year }?.gapShare ?? 0)
    }
    return SweepSample(index: index, inputs: inputs, walls: result)
  }
}

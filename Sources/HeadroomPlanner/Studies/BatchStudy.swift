import HeadroomModel
import HeadroomSolver

/// A batch of scenarios solved one after another (each one's countries on all cores), reporting each
/// country's walls as a sweep finds them (``WallsRunner/findWalls(_:summaryYear:)``: no cost phase, only
/// the years the walls need).
///
/// Scenario i of the batch is always solved the same way wherever it runs, so `--shard i/n` (the
/// positions i − 1 modulo n) run apart merge into the whole batch.
///
/// For example:
/// ```swift
/// let batch = BatchStudy(scenarios: [baseline, chinaH200], references: references, walls: study)
/// let results = try batch.run(shard: .whole, dataHash: hash)
/// ```
public struct BatchStudy: Sendable {
  public var scenarios: [Scenario]
  /// The scenarios as the command line named them, with their file hashes (recorded in the results).
  public var references: [BatchScenario]
  public var walls: WallsStudy

  public init(scenarios: [Scenario], references: [BatchScenario], walls: WallsStudy) {
    self.scenarios = scenarios
    self.references = references
    self.walls = walls
  }

  /// Solves the scenarios of one shard (``SweepShard/whole`` for all); `progress` gets the number done.
  public func run(shard: SweepShard, dataHash: String?, progress: ((Int) -> Void)? = nil) throws -> BatchResults {
    var studies: [String: WallsStudy] = [:]
    var entries: [BatchEntry] = []
    for index in shard.indices(of: scenarios.count) {
      let scenario = scenarios[index]
      let study = studies[scenario.referenceModel] ?? walls.preparingKinds(for: scenario.referenceModel)
      studies[scenario.referenceModel] = study
      let problems = try study.input(scenario).problems
      let year = SweepSamples.summaryYear(firstYear: scenario.firstYear, lastYear: scenario.lastYear)
      let runner = WallsRunner(solver: study.solver, costPhase: false, threshold: scenario.wallThreshold)
      let found = try runner.findWalls(problems, summaryYear: year)
      var countries: [String: SweepSample.Walls] = [:]
      for (problem, walls) in zip(problems, found) { countries[problem.country] = .init(walls) }
      entries.append(
        BatchEntry(
          index: index, scenario: scenario.id, name: scenario.name, firstYear: scenario.firstYear,
          lastYear: scenario.lastYear, summaryYear: year, walls: countries))
      progress?(entries.count)
    }
    return BatchResults(scenarios: references, dataHash: dataHash, shards: ShardCoverage(shard), entries: entries)
  }
}

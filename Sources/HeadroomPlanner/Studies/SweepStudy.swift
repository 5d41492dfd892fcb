import Foundation
import HeadroomModel
import HeadroomSolver

/// A Monte Carlo sweep of the walls model: draw inputs uniformly within their ranges, set them on the
/// loaded scenario through its typed parameters (no file is read per sample), solve each sample
/// (phase 1 only, and only the years the walls need: ``WallsRunner/findWalls(_:summaryYear:)``), and summarise the wall years and which inputs
/// move them.
///
/// `method: .random` draws `samples` independent samples; `method: .sobol` runs the Saltelli design of
/// `samples` base rows (``SobolDesign``: N × (k + 2) runs) for Sobol indices. Either way run i depends
/// only on the seed and i, so shards run anywhere merge into the whole sweep.
public struct SweepStudy: Sendable {
  public var scenario: Scenario
  public var ranges: [SweepRange]
  public var seed: UInt64
  public var method: SweepMethod
  /// Samples (random) or base rows N (sobol).
  public var samples: Int
  public var walls: WallsStudy
  let parameters: [Scenario.Parameter]
  let decisions: ExportDecisionTable

  /// Prepares a sweep; a range whose path is not a numeric field, or whose bounds are outside the
  /// field's range, is an error naming it.
  public init(
    scenario: Scenario, ranges: [SweepRange], seed: UInt64, method: SweepMethod = .random, samples: Int,
    walls: WallsStudy
  ) throws(CatalogError) {
    self.scenario = scenario
    self.ranges = ranges
    self.seed = seed
    self.method = method
    self.samples = samples
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

  /// Model runs the whole sweep makes (``SweepMethod/runs(samples:inputs:)``).
  public var runs: Int { method.runs(samples: samples, inputs: ranges.count) }

  /// Runs the samples with the given indices (all of them, or one shard's), on all cores.
  ///
  /// The indices are read a chunk at a time, so memory grows with the samples finished, not with the
  /// samples asked for (a lazy `stride` of 10^8 indices costs nothing up front). A stop request
  /// (Ctrl-C) is honoured between samples: the samples running finish and ``SweepStopped`` is thrown
  /// with every sample finished so far.
  ///
  /// - Parameter progress: Called with the number of samples finished.
  public func run(
    indices: some Sequence<Int>, stop: StopRequest = .process, progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [SweepSample] {
    var samples: [SweepSample] = []
    var iterator = indices.makeIterator()
    let chunkSize = max(64, Workers.count * 16)
    while true {
      var chunk: [Int] = []
      chunk.reserveCapacity(chunkSize)
      while chunk.count < chunkSize, let index = iterator.next() { chunk.append(index) }
      if chunk.isEmpty { break }
      let before = samples.count
      let box = try concurrentPartialResults(
        count: chunk.count, stop: stop,
        progress: progress.map { report in
          { @Sendable done in report(before + done) }
        }
      ) { try sample(chunk[$0]) }
      samples += try box.finishedValues()
      if let signal = box.stoppedBy { throw SweepStopped(samples: samples, stopped: Stopped(signal: signal)) }
    }
    return samples
  }

  /// Runs one shard (``SweepShard/whole`` for all) and returns its samples with what drew them, as
  /// written to a samples file.
  ///
  /// - Parameters:
  ///   - overrides: The `--set` overrides the scenario was loaded with, as written (recorded only).
  ///   - dataHash: Hash of the data folder (shards from other data refuse to merge).
  ///   - scenarioHash: Hash of the scenario file (likewise).
  public func run(
    shard: SweepShard, overrides: [String], dataHash: String?, scenarioHash: String?,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> SweepSamples {
    let drawn = try run(indices: shard.indices(of: runs), progress: progress)
    return file(shard: shard, overrides: overrides, dataHash: dataHash, scenarioHash: scenarioHash, samples: drawn)
  }

  /// The samples of a shard with what drew them (also for the samples a stopped run finished).
  public func file(
    shard: SweepShard, overrides: [String], dataHash: String?, scenarioHash: String?, samples: [SweepSample]
  )
    -> SweepSamples
  {
    SweepSamples(
      scenario: scenario.id, overrides: overrides, ranges: ranges, seed: seed, method: method,
      samplesRequested: runs, firstYear: scenario.firstYear, lastYear: scenario.lastYear, dataHash: dataHash,
      scenarioHash: scenarioHash, shards: ShardCoverage(shard), samples: samples)
  }

  /// The uniform draws in [0, 1) of run `index`, one per input.
  public func unitInputs(at index: Int) -> [Double] {
    switch method {
    case .random:
      var random = SweepRandom(seed: seed, sample: index)
      return ranges.map { _ in random.unit() }
    case .sobol:
      return SobolDesign(inputs: ranges.count, baseSamples: samples).unitInputs(at: index, seed: seed)
    }
  }

  /// The scenario of one sample, with its drawn inputs set.
  public func scenario(for index: Int) -> (Scenario, [Double]) {
    let inputs = zip(ranges, unitInputs(at: index)).map { $0.value(at: $1) }
    var drawn = scenario
    for (parameter, value) in zip(parameters, inputs) { parameter.apply(value, to: &drawn) }
    return (drawn, inputs)
  }

  /// One sample.
  public func sample(_ index: Int) throws -> SweepSample {
    let (drawn, inputs) = scenario(for: index)
    let input = try WallsInput(catalog: walls.catalog, scenario: drawn, kinds: walls.kinds, decisions: decisions)
    let runner = WallsRunner(solver: walls.solver, costPhase: false, threshold: drawn.wallThreshold)
    var result: [String: SweepSample.Walls] = [:]
    for problem in input.problems {
      result[problem.country] = .init(try runner.findWalls(problem, summaryYear: summaryYear))
    }
    return SweepSample(index: index, inputs: inputs, walls: result)
  }
}

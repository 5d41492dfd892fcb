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
    self.decisions = try ExportDecisionTable(catalog: walls.catalog, scenario: scenario)
  }

  /// The year each sample records its gap in.
  public var summaryYear: Int { SweepSamples.summaryYear(firstYear: scenario.firstYear, lastYear: scenario.lastYear) }

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

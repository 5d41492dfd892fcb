import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomSolver

/// A Monte Carlo sweep of the walls model: draw inputs uniformly within their ranges, solve each
/// sample (phase 1 only: walls do not need the cost phase), and summarise the wall years and which
/// inputs move them.
public struct Sweep: Sendable {
  public var catalog: Catalog
  public var loader: ScenarioLoader
  public var prepared: ScenarioLoader.Prepared
  public var ranges: [SweepRange]
  public var fixed: [ScenarioOverride]
  public var seed: UInt64
  public var runner: WallsRunner
  /// The last year of the scenario's horizon (with the fixed overrides applied).
  public let lastYear: Int
  let kinds: WallsKindTable

  public init(
    catalog: Catalog, loader: ScenarioLoader, scenario: String, ranges: [SweepRange], fixed: [ScenarioOverride],
    seed: UInt64, solver: any LinearSolver
  ) throws(CatalogError) {
    self.catalog = catalog
    self.loader = loader
    self.prepared = try loader.prepare(scenario)
    self.ranges = ranges
    self.fixed = fixed
    self.seed = seed
    self.runner = WallsRunner(solver: solver, costPhase: false)
    self.kinds = WallsKindTable(catalog: catalog)
    self.lastYear = try loader.load(prepared, overrides: fixed).lastYear
    // Check every path and range once, before any work: a bad path fails here, naming it.
    for range in ranges {
      _ = try loader.load(
        prepared, overrides: fixed + [ScenarioOverride(path: range.path, value: Self.text(range.low))])
      _ = try loader.load(
        prepared, overrides: fixed + [ScenarioOverride(path: range.path, value: Self.text(range.high))])
    }
  }

  static func text(_ value: Double) -> String { String(format: "%.6g", value) }

  /// Runs the samples with the given indices (all of them, or one shard's), on all cores.
  public func run(indices: [Int], progress: (@Sendable (Int) -> Void)? = nil) throws -> [SweepSample] {
    let box = SampleBox(count: indices.count)
    DispatchQueue.concurrentPerform(iterations: indices.count) { slot in
      box.set(slot, Result { try sample(indices[slot]) })
      progress?(box.finished())
    }
    return try box.values()
  }

  /// One sample.
  public func sample(_ index: Int) throws -> SweepSample {
    var random = SweepRandom(seed: seed, sample: index)
    let inputs = ranges.map { $0.value(at: random.unit()) }
    let overrides = fixed + zip(ranges, inputs).map { ScenarioOverride(path: $0.path, value: Self.text($1)) }
    let scenario = try loader.load(prepared, overrides: overrides)
    let input = try WallsInput(catalog: catalog, scenario: scenario, kinds: kinds)
    var walls: [String: SweepSample.Walls] = [:]
    for problem in input.problems {
      let country = try runner.solveCountry(problem)
      walls[problem.country] = .init(
        powerWall: country.powerWallYear, chipWall: country.chipWallYear, firstShort: country.firstShortYear,
        binding: country.bindingWall.rawValue)
    }
    return SweepSample(index: index, inputs: inputs, walls: walls)
  }
}

/// Samples written from concurrent iterations.
final class SampleBox: @unchecked Sendable {
  private var slots: [Result<SweepSample, any Error>?]
  private var done = 0
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Result<SweepSample, any Error>) {
    lock.lock()
    slots[index] = value
    done += 1
    lock.unlock()
  }

  func finished() -> Int {
    lock.lock()
    defer { lock.unlock() }
    return done
  }

  func values() throws -> [SweepSample] { try slots.map { try $0!.get() } }
}

/// First- and total-order Sobol indices of each country's walls, from a Sobol sweep's samples.
///
/// Outputs per country: the power wall, chip wall and first short year (a sample with no wall counts
/// as `lastYear + 1`, "none") and the gap share in the summary year (``SweepSample/Walls/gapShare``).
/// Indices use the rows whose k + 2 runs are all present; intervals are bootstrap percentile intervals
/// (``SobolEstimator/Bootstrap``), seeded by the sweep's seed, so a merged sweep and a single run give
/// the same numbers.
public struct SobolSummary: Sendable, Hashable, Codable {
  /// One output quantity of the walls model.
  public enum Output: String, Sendable, Hashable, Codable, CaseIterable {
    case powerWall, chipWall, firstShort, gapShare

    /// The output of one country in one sample.
    func value(_ walls: SweepSample.Walls, none: Int) -> Double {
      switch self {
      case .powerWall: return Double(walls.powerWall ?? none)
      case .chipWall: return Double(walls.chipWall ?? none)
      case .firstShort: return Double(walls.firstShort ?? none)
      case .gapShare: return walls.gapShare
      }
    }
  }

  /// An index with its interval.
  public struct Index: Sendable, Hashable, Codable {
    public var estimate: Double
    public var low: Double
    public var high: Double
  }

  /// The indices of one input for one output.
  public struct Input: Sendable, Hashable, Codable {
    public var input: String
    public var firstOrder: Index
    public var totalOrder: Index
  }

  /// One output of one country.
  public struct OutputIndices: Sendable, Hashable, Codable {
    public var output: Output
    /// Mean and p5/p50/p95 over the A and B runs (2N independent draws); years with "none" as lastYear + 1.
    public var mean: Double
    public var p5: Double
    public var p50: Double
    public var p95: Double
    /// Variance over the A and B runs; 0 when the output is the same in every one of them.
    public var variance: Double
    /// Per input, in the order of the ranges; empty when the output does not vary.
    public var inputs: [Input]
    /// Bootstrap resamples with a non-zero variance (the ones the intervals use).
    public var resamplesUsed: Int
  }

  public struct Country: Sendable, Hashable, Codable {
    public var country: String
    public var outputs: [OutputIndices]
  }

  /// The varied inputs' paths, in order.
  public var inputs: [String]
  /// Base rows requested (N) and rows complete in the samples (the ones used).
  public var baseSamples: Int
  public var rowsUsed: Int
  public var bootstrap: SobolEstimator.Bootstrap
  public var lastYear: Int
  public var summaryYear: Int
  public var countries: [Country]

  /// Estimates every country's indices; throws when the samples are not a Sobol sweep's.
  public init(samples file: SweepSamples, resamples: Int = 1000, level: Double = 0.95) throws(StudyFileError) {
    guard let design = file.design else {
      throw StudyFileError(file: file.scenario, problem: "not a Sobol sweep (method \(file.method.rawValue))")
    }
    inputs = file.ranges.map(\.path)
    baseSamples = design.baseSamples
    bootstrap = .init(resamples: resamples, level: level, seed: file.seed)
    lastYear = file.lastYear
    summaryYear = file.summaryYear
    let byIndex = Dictionary(file.samples.map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
    let none = file.lastYear + 1
    let codes = Set(file.samples.flatMap(\.walls.keys)).sorted()
    var outputs: [SobolEstimator.Outputs] = []
    var rows: [Int] = []
    var keys: [(country: String, output: Output)] = []
    for code in codes {
      for output in Output.allCases {
        let arranged = design.outputs { index in
          byIndex[index].map { sample in sample.walls[code].map { output.value($0, none: none) } ?? Double(none) }
        }
        outputs.append(arranged.outputs)
        rows = arranged.rows
        keys.append((code, output))
      }
    }
    rowsUsed = rows.count
    let estimates = SobolEstimator.estimates(outputs, bootstrap: bootstrap)
    let paths = inputs
    var countries: [Country] = []
    for (position, key) in keys.enumerated() {
      let values = (outputs[position].a + outputs[position].b).sorted()
      let estimate = estimates[position]
      let inputs =
        estimate.map { estimate in
          paths.indices.map { i in
            Input(
              input: paths[i],
              firstOrder: Index(
                estimate: estimate.indices.firstOrder[i], low: estimate.firstOrder[i].low,
                high: estimate.firstOrder[i].high),
              totalOrder: Index(
                estimate: estimate.indices.totalOrder[i], low: estimate.totalOrder[i].low,
                high: estimate.totalOrder[i].high))
          }
        } ?? []
      func nearestRank(_ q: Double) -> Double {
        values.isEmpty ? 0 : values[min(values.count - 1, max(0, Int((q * Double(values.count)).rounded(.up)) - 1))]
      }
      let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
      let indices = OutputIndices(
        output: key.output, mean: mean, p5: nearestRank(0.05), p50: nearestRank(0.5), p95: nearestRank(0.95),
        variance: estimate?.indices.variance ?? 0, inputs: inputs, resamplesUsed: estimate?.resamplesUsed ?? 0)
      if countries.last?.country == key.country {
        countries[countries.count - 1].outputs.append(indices)
      } else {
        countries.append(Country(country: key.country, outputs: [indices]))
      }
    }
    self.countries = countries
  }
}

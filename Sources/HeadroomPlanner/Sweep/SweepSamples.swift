import Foundation
import HeadroomModel

/// A sweep's raw samples with what drew them, as written to a file so shards run apart can be merged.
public struct SweepSamples: Sendable, Hashable, Codable {
  /// The scenario id.
  public var scenario: String
  /// The `--set` overrides fixed for every sample, as given.
  public var overrides: [String]
  public var ranges: [SweepRange]
  public var seed: UInt64
  /// How the inputs were drawn (random when the file does not say: files from before Sobol studies).
  public var method: SweepMethod
  /// Model runs the whole sweep makes: the samples (random) or N × (k + 2) (sobol).
  public var samplesRequested: Int
  public var firstYear: Int
  public var lastYear: Int
  /// The year whose gap each sample records (2030 when in the horizon, else the last year).
  public var summaryYear: Int
  /// Hash of the data folder the samples were solved on, when known.
  public var dataHash: String?
  /// Hash of the scenario file itself, when known (it may live outside the data folder).
  public var scenarioHash: String?
  /// The shards these samples are (nil in files from before shards were recorded).
  public var shards: ShardCoverage?
  public var samples: [SweepSample]

  public init(
    scenario: String, overrides: [String], ranges: [SweepRange], seed: UInt64, method: SweepMethod = .random,
    samplesRequested: Int, firstYear: Int, lastYear: Int, dataHash: String? = nil, scenarioHash: String? = nil,
    shards: ShardCoverage? = nil, samples: [SweepSample]
  ) {
    self.scenario = scenario
    self.overrides = overrides
    self.ranges = ranges
    self.seed = seed
    self.method = method
    self.samplesRequested = samplesRequested
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.summaryYear = Self.summaryYear(firstYear: firstYear, lastYear: lastYear)
    self.dataHash = dataHash
    self.scenarioHash = scenarioHash
    self.shards = shards
    self.samples = samples
  }

  /// The Saltelli design of a Sobol sweep (nil for a random one).
  public var design: SobolDesign? {
    method == .sobol
      ? SobolDesign(inputs: ranges.count, baseSamples: samplesRequested / (ranges.count + 2)) : nil
  }

  /// 2030 when inside the horizon, else its last year.
  public static func summaryYear(firstYear: Int, lastYear: Int) -> Int { min(max(2030, firstYear), lastYear) }

  /// A problem with a samples file, naming the file and what is wrong.
  public typealias FileError = StudyFileError

  /// Checks that a file's contents are a sweep's own: inputs one per range and inside them, years
  /// inside the horizon, sample indices within the samples requested, no sample twice.
  public func validate(file: String) throws(FileError) {
    guard samplesRequested > 0 else { throw FileError(file: file, problem: "samplesRequested is \(samplesRequested)") }
    guard firstYear <= lastYear else { throw FileError(file: file, problem: "the horizon ends before it starts") }
    if method == .sobol && samplesRequested % (ranges.count + 2) != 0 {
      throw FileError(
        file: file,
        problem: "a Sobol sweep of \(ranges.count) inputs makes a multiple of \(ranges.count + 2) runs, "
          + "not \(samplesRequested)")
    }
    try shards?.check(indices: samples.map(\.index), file: file)
    var seen = Set<Int>()
    for sample in samples {
      guard (0..<samplesRequested).contains(sample.index) else {
        throw FileError(file: file, problem: "sample \(sample.index) is outside 0..<\(samplesRequested)")
      }
      guard seen.insert(sample.index).inserted else {
        throw FileError(file: file, problem: "sample \(sample.index) appears twice")
      }
      guard sample.inputs.count == ranges.count else {
        throw FileError(
          file: file, problem: "sample \(sample.index) has \(sample.inputs.count) inputs for \(ranges.count) ranges")
      }
      for (value, range) in zip(sample.inputs, ranges) where !(range.low...range.high).contains(value) {
        throw FileError(
          file: file, problem: "sample \(sample.index) draws \(range.path)=\(value) outside \(range.low):\(range.high)")
      }
      for (country, walls) in sample.walls {
        for year in [walls.powerWall, walls.chipWall, walls.firstShort].compactMap({ $0 })
        where !(firstYear...lastYear).contains(year) {
          throw FileError(
            file: file,
            problem: "sample \(sample.index) has a \(country) wall in \(year), outside \(firstYear)-\(lastYear)")
        }
        guard (0...1).contains(walls.gapShare) else {
          throw FileError(file: file, problem: "sample \(sample.index) has a \(country) gap share of \(walls.gapShare)")
        }
      }
    }
  }

  /// Whether another file holds samples of the same sweep (scenario and its file, overrides, ranges,
  /// method, seed, size, horizon, data and shard split), and if not, what differs.
  public func difference(from other: SweepSamples) -> String? {
    if scenario != other.scenario { return "scenario \(other.scenario) instead of \(scenario)" }
    if scenarioHash != other.scenarioHash {
      return "scenario file hash \(other.scenarioHash ?? "none") instead of \(scenarioHash ?? "none") "
        + "(the scenario file changed between runs)"
    }
    if overrides != other.overrides { return "overrides \(other.overrides) instead of \(overrides)" }
    if ranges != other.ranges {
      func text(_ ranges: [SweepRange]) -> String {
        ranges.map { "\($0.path)=\($0.low):\($0.high)" }.joined(separator: ", ")
      }
      return "--vary \(text(other.ranges)) instead of \(text(ranges))"
    }
    if method != other.method { return "method \(other.method.rawValue) instead of \(method.rawValue)" }
    if seed != other.seed { return "seed \(other.seed) instead of \(seed)" }
    if samplesRequested != other.samplesRequested {
      return "\(other.samplesRequested) samples requested instead of \(samplesRequested)"
    }
    if firstYear != other.firstYear || lastYear != other.lastYear { return "a different horizon" }
    if dataHash != other.dataHash {
      return "data hash \(other.dataHash ?? "none") instead of \(dataHash ?? "none") (solved on different data)"
    }
    if let mine = shards, let theirs = other.shards, mine.count != theirs.count {
      return "split into \(theirs.count) shards instead of \(mine.count)"
    }
    return nil
  }

  /// Merges the shard files of one sweep, refusing files of another sweep; samples present in
  /// several files must agree.
  public static func merge(_ files: [(name: String, samples: SweepSamples)]) throws(FileError) -> SweepSamples {
    guard var merged = files.first?.samples, let firstName = files.first?.name else {
      throw FileError(file: "--merge", problem: "no files")
    }
    var byIndex: [Int: SweepSample] = [:]
    for (name, file) in files {
      try file.validate(file: name)
      if let difference = merged.difference(from: file) {
        throw FileError(file: name, problem: "not a shard of the same sweep as \(firstName): \(difference)")
      }
      for sample in file.samples {
        if let existing = byIndex[sample.index], existing != sample {
          throw FileError(file: name, problem: "sample \(sample.index) differs from the same sample in another file")
        }
        byIndex[sample.index] = sample
      }
    }
    merged.samples = byIndex.values.sorted { $0.index < $1.index }
    switch ShardCoverage.union(files.map(\.samples.shards)) {
    case .success(let coverage): merged.shards = coverage
    case .failure(let mismatch): throw FileError(file: firstName, problem: mismatch.description)
    }
    return merged
  }

  /// The sample indices of `0..<samplesRequested` that no file holds.
  public var missingIndices: [Int] {
    let present = Set(samples.map(\.index))
    return (0..<samplesRequested).filter { !present.contains($0) }
  }

  /// The shards (by number) no file holds, when the files record their shards.
  public var missingShards: [Int] {
    guard let shards else { return [] }
    let held = Set(shards.shards)
    return (1...shards.count).filter { !held.contains($0) }
  }

  /// Throws unless every sample of the sweep is present, naming the missing shards by number (and any
  /// samples missing from the shards given) and the files merged.
  public func checkComplete(files: [String]) throws(FileError) {
    guard
      let missing = ShardCoverage.missing(
        total: samplesRequested, coverage: shards, present: Set(samples.map(\.index)))
    else { return }
    throw FileError(file: files.joined(separator: ", "), problem: missing)
  }

  /// How many of `0..<samplesRequested` no file holds, and the first `limit` of them, without listing
  /// them all (a stopped sweep of 10^8 samples is missing nearly all of them).
  public func missing(first limit: Int) -> (count: Int, first: [Int]) {
    let present = Set(samples.map(\.index))
    var first: [Int] = []
    var index = 0
    while first.count < limit, index < samplesRequested {
      if !present.contains(index) { first.append(index) }
      index += 1
    }
    return (samplesRequested - present.count, first)
  }
}

extension SweepSamples {
  enum CodingKeys: String, CodingKey {
    case scenario, overrides, ranges, seed, method, samplesRequested, firstYear, lastYear, summaryYear, dataHash
    case scenarioHash, shards, samples
  }

  /// Reads a samples file; files written before Sobol studies and shard records read as random sweeps
  /// of unknown shards.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      scenario: try container.decode(String.self, forKey: .scenario),
      overrides: try container.decode([String].self, forKey: .overrides),
      ranges: try container.decode([SweepRange].self, forKey: .ranges),
      seed: try container.decode(UInt64.self, forKey: .seed),
      method: try container.decodeIfPresent(SweepMethod.self, forKey: .method) ?? .random,
      samplesRequested: try container.decode(Int.self, forKey: .samplesRequested),
      firstYear: try container.decode(Int.self, forKey: .firstYear),
      lastYear: try container.decode(Int.self, forKey: .lastYear),
      dataHash: try container.decodeIfPresent(String.self, forKey: .dataHash),
      scenarioHash: try container.decodeIfPresent(String.self, forKey: .scenarioHash),
      shards: try container.decodeIfPresent(ShardCoverage.self, forKey: .shards),
      samples: try container.decode([SweepSample].self, forKey: .samples))
  }
}

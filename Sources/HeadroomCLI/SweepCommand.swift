import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomStore

/// `headroom sweep`: Monte Carlo over input ranges; wall-year percentiles and the inputs that move them.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Monte Carlo over input ranges: p5/p50/p95 wall years per country and which inputs move them.",
    discussion: """
      Examples:
        headroom sweep --vary demand.growth.start=1.6:3.3 --vary ai_share_of_dc_growth=0.35:0.6 --samples 1000
        headroom sweep --vary demand.growth.start=1.6:3.3 --samples 1000 --shard 1/2 --save-samples a.json
        headroom sweep --merge a.json b.json
      Sample i always draws the same inputs for a given --seed, so shards together equal one whole run.
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(
    name: .customLong("vary"), help: ArgumentHelp("An input to vary uniformly (repeatable).", valueName: "path=lo:hi"),
    transform: { text in try SweepRange(parsing: text) })
  var ranges: [SweepRange] = []

  @Option(parsing: .unconditional, help: "Number of samples.") var samples = 200
  @Option(parsing: .unconditional, help: "Random seed (the same seed draws the same samples).") var seed: UInt64 = 1
  @Option(help: ArgumentHelp("Run only shard i of n (1-based), e.g. 2/4.", valueName: "i/n")) var shard: Shard?
  @Option(help: "Write the raw samples as JSON (to merge shards later).") var saveSamples: String?
  @Option(parsing: .upToNextOption, help: "Merge raw sample files from shards instead of solving.") var merge:
    [String] = []
  @OptionGroup var history: RunHistoryOptions

  func validate() throws {
    if merge.isEmpty {
      guard !ranges.isEmpty else { throw ValidationError("Give at least one --vary path=lo:hi (or --merge files).") }
      guard samples > 0 else { throw ValidationError("--samples must be positive (got \(samples)).") }
      try RepeatedOptions.checkUnique(ranges, option: "--vary") { $0.path }
      if let clash = ranges.first(where: { range in scenarioOptions.allOverrides.contains { $0.path == range.path } }) {
        throw ValidationError("\(clash.path) is both --set and --vary; give it one way.")
      }
      if let shard, shard.index > samples {
        throw ValidationError("--shard \(shard): shard \(shard.index) of \(samples) samples would hold none.")
      }
    } else if !ranges.isEmpty || shard != nil || !scenarioOptions.allOverrides.isEmpty || saveSamples != nil {
      throw ValidationError(
        "--merge reads the ranges, overrides and shards from the files: give no --vary, --set, --shard or --save-samples."
      )
    } else {
      try RepeatedOptions.checkUnique(merge, option: "--merge", what: "file") {
        URL(fileURLWithPath: $0).standardizedFileURL.path
      }
    }
    if let saveSamples { try OutputPath.check(saveSamples, option: "--save-samples") }
  }

  func run() throws {
    if !merge.isEmpty {
      let files = try merge.map { path in (name: path, samples: try SweepSamplesFile.read(path)) }
      let merged = try SweepSamples.merge(files)
      let missing = merged.missing(first: 5)
      if missing.count > 0 {
        FileHandle.standardError.write(
          Data(
            "warning: \(missing.count) of \(merged.samplesRequested) samples are in no file (first: \(missing.first.map(String.init).joined(separator: ", ")))\n"
              .utf8))
      }
      options.emit(SweepReport(samples: merged).report())
      return
    }
    let loaded = try scenarioOptions.load(options)
    let sweep = try SweepStudy(scenario: loaded.scenario, ranges: ranges, seed: seed, walls: loaded.study)
    let shard = shard ?? Shard(index: 1, count: 1)
    let indices = shard.indices(of: samples)
    let showProgress = isatty(STDERR_FILENO) == 1
    let total = shard.count(of: samples)
    func file(_ drawn: [SweepSample]) -> SweepSamples {
      SweepSamples(
        scenario: loaded.scenario.id, overrides: scenarioOptions.overrideTexts, ranges: ranges, seed: seed,
        samplesRequested: samples, firstYear: loaded.scenario.firstYear, lastYear: loaded.scenario.lastYear,
        dataHash: DataHash.of(root: loaded.root), samples: drawn)
    }
    let drawn: [SweepSample]
    do {
      drawn = try sweep.run(indices: indices) { done in
        if showProgress && (done % 10 == 0 || done == total) {
          FileHandle.standardError.write(Data("\rsweep: \(done)/\(total) samples".utf8))
        }
      }
    } catch let stopped as SweepStopped {
      // Keep what finished: the samples file can be merged with the rest later (--merge).
      if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
      var kept = "no samples file was asked for (--save-samples)"
      if let saveSamples {
        try SweepSamplesFile.write(file(stopped.samples), to: saveSamples)
        kept = "wrote them to \(saveSamples) (merge it with the rest later: headroom sweep --merge)"
      }
      FileHandle.standardError.write(
        Data("sweep \(stopped.stopped): \(stopped.samples.count) of \(total) samples finished; \(kept)\n".utf8))
      throw stopped.stopped
    }
    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    let file = file(drawn)
    if let saveSamples { try SweepSamplesFile.write(file, to: saveSamples) }
    if shard.count == 1 { history.save(file, data: loaded.data) }
    options.emit(SweepReport(samples: file).report())
  }
}

/// `--shard i/n`: the samples whose index is i − 1 modulo n.
struct Shard: ExpressibleByArgument, CustomStringConvertible {
  var index: Int
  var count: Int

  init(index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  init?(argument: String) {
    let parts = argument.split(separator: "/").map { Int($0) }
    guard parts.count == 2, let index = parts[0], let count = parts[1], count >= 1, (1...count).contains(index) else {
      return nil
    }
    self.init(index: index, count: count)
  }

  var description: String { "\(index)/\(count)" }

  /// The sample indices of this shard among `samples`, lazily (nothing is allocated up front).
  func indices(of samples: Int) -> StrideTo<Int> { stride(from: index - 1, to: samples, by: count) }

  /// How many samples of `samples` this shard holds.
  func count(of samples: Int) -> Int { samples >= index ? (samples - index) / count + 1 : 0 }
}

/// Reading and writing samples files.
enum SweepSamplesFile {
  static func read(_ path: String) throws -> SweepSamples {
    do {
      return try JSONDecoder().decode(SweepSamples.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    } catch {
      throw CommandError("--merge \(path): not a sweep samples file (\(error))")
    }
  }

  static func write(_ samples: SweepSamples, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(samples).write(to: URL(fileURLWithPath: path))
  }
}

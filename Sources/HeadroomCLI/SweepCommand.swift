import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomStore

extension SweepMethod: ExpressibleByArgument {}

/// `headroom sweep`: Monte Carlo or Sobol over input ranges; wall-year percentiles and the inputs that
/// move them.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract:
      "Vary inputs over ranges: wall-year percentiles per country and which inputs move them (Spearman or Sobol).",
    discussion: """
      Examples:
        headroom sweep --vary demand.growth.start=1.6:3.3 \\
          --vary ai_share_of_dc_growth=0.35:0.6 --samples 1000
        headroom sweep --method sobol --vary demand.growth.start=1.6:3.3 \\
          --vary lifetime=4:6 --samples 128
        headroom sweep --vary demand.growth.start=1.6:3.3 --samples 1000 \\
          --shard 1/2 --save-samples a.json
        headroom sweep --merge a.json b.json
        headroom sweep --vary demand.growth.start=1.6:3.3 --samples 200 \\
          --html sweep.html
      --method random (the default) draws --samples independent samples and ranks inputs by Spearman \
      correlation. --method sobol runs a Saltelli design of N = --samples base rows, N x (k + 2) runs for \
      k inputs, and reports first- and total-order Sobol indices with 95 % bootstrap intervals. \
      Run i always draws the same inputs for a given --seed, so shards together equal one whole run. \
      In a Slurm array job the shard comes from SLURM_ARRAY_TASK_ID (see scripts/slurm/README.md). \
      A merge refuses files of another sweep and names missing shards; --partial summarises what is there.
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(
    name: .customLong("vary"), help: ArgumentHelp("An input to vary uniformly (repeatable).", valueName: "path=lo:hi"),
    transform: { text in try SweepRange(parsing: text) })
  var ranges: [SweepRange] = []

  @Option(help: "random (independent samples, Spearman) or sobol (Saltelli design, Sobol indices).")
  var method: SweepMethod = .random
  @Option(parsing: .unconditional, help: "Number of samples (random), or of base rows N (sobol: N x (k + 2) runs).")
  var samples = 200
  @Option(parsing: .unconditional, help: "Random seed (the same seed draws the same samples).") var seed: UInt64 = 1
  @OptionGroup var shardOptions: ShardOptions
  @Option(help: "Write the raw samples as JSON (to merge shards later).", completion: .file(extensions: ["json"]))
  var saveSamples: String?
  @Option(
    parsing: .upToNextOption, help: "Merge raw sample files from shards instead of solving.",
    completion: .file(extensions: ["json"]))
  var merge: [String] = []
  @Flag(help: "With --merge: summarise the samples present even when shards are missing (a warning names them).")
  var partial = false
  @OptionGroup var history: RunHistoryOptions

  @Option(
    help:
      "Write a self-contained HTML report (summary, charts, tables, assumptions and sources) that opens offline.")
  var html: String?

  func validate() throws {
    if let html { try OutputPath.check(html, option: "--html") }
    if merge.isEmpty {
      guard !ranges.isEmpty else { throw ValidationError("Give at least one --vary path=lo:hi (or --merge files).") }
      guard samples > 0 else { throw ValidationError("--samples must be positive (got \(samples)).") }
      var seen = Set<String>()
      for range in ranges where !seen.insert(range.path).inserted {
        throw ValidationError("--vary \(range.path) is given twice; give each path once.")
      }
      if let clash = ranges.first(where: { range in scenarioOptions.allOverrides.contains { $0.path == range.path } }) {
        throw ValidationError("\(clash.path) is both --set and --vary; give it one way.")
      }
      let runs = method.runs(samples: samples, inputs: ranges.count)
      if let shard = shardOptions.shard, shard.index > runs {
        throw ValidationError("--shard \(shard): shard \(shard.index) of \(runs) runs would hold none.")
      }
      if partial { throw ValidationError("--partial only applies to --merge.") }
    } else if !ranges.isEmpty || shardOptions.shard != nil || !scenarioOptions.allOverrides.isEmpty {
      throw ValidationError(
        "--merge reads the ranges, overrides and shards from the files: give no --vary, --set or --shard.")
    }
    try RepeatedOptions.checkUnique(merge, option: "--merge", what: "file") { $0 }
    if let saveSamples { try OutputPath.check(saveSamples, option: "--save-samples") }
  }

  func run() throws {
    if merge.isEmpty { try solve() } else { try mergeFiles() }
  }

  /// Merges shard files: refuses files of another sweep, names missing shards, records a complete sweep.
  func mergeFiles() throws {
    let files = try merge.map { path in
      (name: path, samples: try StudyFile.read(SweepSamples.self, from: path, what: "a sweep samples file"))
    }
    let merged = try SweepSamples.merge(files)
    do {
      try merged.checkComplete(files: merge)
    } catch {
      guard partial else {
        throw CommandError("\(error)\nRun the missing shards, or give --partial to summarise what is there.")
      }
      FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
    }
    if let saveSamples { try StudyFile.write(merged, to: saveSamples) }
    let data = try options.loadData()
    let report = SweepReport(samples: merged)
    let output = options.rendered(options.noted(report.report(), data: data))
    let complete = merged.missing(first: 0).count == 0
    if html != nil || (complete && !history.noSave) {
      let scenario = try? data.scenarios.load(merged.scenario)
      try finish(report, data: data, scenario: scenario, save: complete)
    }
    print(output, terminator: "")
  }

  /// Runs the sweep, or the shard of it this process is given.
  func solve() throws {
    let shard = try shardOptions.resolve()
    let runs = method.runs(samples: samples, inputs: ranges.count)
    try ShardOptions.check(shard, total: runs, unit: "runs")
    let loaded = try scenarioOptions.load(options)
    let sweep = try SweepStudy(
      scenario: loaded.scenario, ranges: ranges, seed: seed, method: method, samples: samples, walls: loaded.study)
    let showProgress = isatty(STDERR_FILENO) == 1
    let total = shard.count(of: runs)
    let scenarioFile = loaded.data.scenarios.url(for: scenarioOptions.scenario)
    let dataHash = DataHash.of(layers: loaded.data.folders.layers)
    let scenarioHash = DataHash.of(file: scenarioFile)
    let file: SweepSamples
    do {
      file = try sweep.run(
        shard: shard, overrides: scenarioOptions.overrideTexts, dataHash: dataHash, scenarioHash: scenarioHash
      ) { done in
        if showProgress && (done % 10 == 0 || done == total) {
          FileHandle.standardError.write(Data("\rsweep: \(done)/\(total) runs".utf8))
        }
      }
    } catch let stopped as SweepStopped {
      // Keep what finished: the samples file can be merged with the rest later (--merge --partial).
      if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
      var kept = "no samples file was asked for (--save-samples)"
      if let saveSamples {
        try StudyFile.write(
          sweep.file(
            shard: shard, overrides: scenarioOptions.overrideTexts, dataHash: dataHash, scenarioHash: scenarioHash,
            samples: stopped.samples), to: saveSamples)
        kept = "wrote them to \(saveSamples) (merge it with the rest later: headroom sweep --merge)"
      }
      FileHandle.standardError.write(
        Data("sweep \(stopped.stopped): \(stopped.samples.count) of \(total) runs finished; \(kept)\n".utf8))
      throw stopped.stopped
    }
    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    if let saveSamples { try StudyFile.write(file, to: saveSamples) }
    let report = SweepReport(samples: file)
    let output = options.rendered(
      options.noted(
        report.report(), data: loaded.data, uses: loaded.uses, scenario: loaded.scenario, ignored: loaded.ignored))
    try finish(report, data: loaded.data, scenario: loaded.scenario, save: shard.count == 1)
    print(output, terminator: "")
  }

  /// Writes the HTML report (when asked) and saves the run (when `save`), the page first so that a page that cannot
  /// be written leaves no run behind, then again with the run id.
  func finish(_ report: SweepReport, data: LoadedData, scenario: Scenario?, save: Bool) throws {
    guard let html else {
      if save { history.save(report.samples, data: data) }
      return
    }
    var context = HTMLOutput.context(data: data, overrides: report.samples.overrides)
    if let scenario { context.add(scenario: scenario, catalog: data.catalog) }
    try HTMLOutput.write(report.html(context: context), to: html)
    guard save else { return }
    context.runID = history.save(report.samples, data: data)
    if context.runID != nil { try HTMLOutput.write(report.html(context: context), to: html) }
  }
}

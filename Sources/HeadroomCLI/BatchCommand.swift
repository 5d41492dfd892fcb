import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomStore

/// `headroom batch`: solve a list of scenarios (sharded like a sweep) and report each one's walls.
struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Solve a list of scenarios and report each country's wall years per scenario.",
    discussion: """
      Examples:
        headroom batch baseline china-h200 us-grid-minus-30
        headroom batch studies/*.yaml --shard 2/4 --save-results shard-2.json
        headroom batch --merge shard-*.json --format json
      Scenario i of the list is shard (i mod n) + 1; in a Slurm array job the shard comes from
      SLURM_ARRAY_TASK_ID (see scripts/slurm/README.md). A merge refuses files of another batch (other
      scenarios, changed scenario files, other data) and names missing shards; --partial shows what is there.
      Walls come from phase 1 of the walls model (the cost phase is not run). A whole batch (not one shard of it)
      saves each scenario in the run history as a run of kind batch (--no-save to skip).
      """
  )

  @OptionGroup var options: CommonOptions

  @Argument(
    help: ArgumentHelp("Scenario ids in Scenarios/ or paths to scenario files.", valueName: "scenario"),
    completion: IDCompletion.of(.scenario))
  var scenarios: [String] = []

  @OptionGroup var shardOptions: ShardOptions
  @Option(help: "Write the results as JSON (to merge shards later).", completion: .file(extensions: ["json"]))
  var saveResults: String?
  @Option(
    parsing: .upToNextOption, help: "Merge results files from shards instead of solving.",
    completion: .file(extensions: ["json"]))
  var merge: [String] = []
  @Flag(help: "With --merge: show the scenarios present even when shards are missing (a warning names them).")
  var partial = false
  @OptionGroup var history: RunHistoryOptions

  func validate() throws {
    if merge.isEmpty {
      guard !scenarios.isEmpty else { throw ValidationError("Give at least one scenario (or --merge files).") }
      if let shard = shardOptions.shard, shard.index > scenarios.count {
        throw ValidationError("--shard \(shard): shard \(shard.index) of \(scenarios.count) scenarios would hold none.")
      }
      if partial { throw ValidationError("--partial only applies to --merge.") }
    } else if !scenarios.isEmpty || shardOptions.shard != nil {
      throw ValidationError("--merge reads the scenarios and shards from the files: give no scenarios or --shard.")
    }
    if let saveResults { try OutputPath.check(saveResults, option: "--save-results") }
  }

  func run() throws {
    let results = merge.isEmpty ? try solve() : try mergeFiles()
    if let saveResults { try StudyFile.write(results, to: saveResults) }
    let data = try options.loadData()
    if !history.noSave && results.entries.count == results.scenarios.count {
      for entry in results.entries.sorted(by: { $0.index < $1.index }) {
        history.save(
          RunSummary(entry, dataHash: results.dataHash ?? DataHash.of(layers: data.folders.layers)), data: data)
      }
    }
    options.emit(BatchReport(results: results).report(), data: data)
  }

  /// Solves the scenarios of this process's shard.
  func solve() throws -> BatchResults {
    let shard = try shardOptions.resolve()
    try ShardOptions.check(shard, total: scenarios.count, unit: "scenarios")
    let data = try options.loadData()
    let loader = data.scenarios
    let loaded = try scenarios.map { try loader.load($0) }
    let references = scenarios.map { BatchScenario(reference: $0, fileHash: DataHash.of(file: loader.url(for: $0))) }
    let study = WallsStudy(catalog: data.catalog, solver: LiveSolver.solver, solverIdentity: LiveSolver.identity)
    let showProgress = isatty(STDERR_FILENO) == 1
    let total = shard.count(of: scenarios.count)
    let results = try BatchStudy(scenarios: loaded, references: references, walls: study).run(
      shard: shard, dataHash: DataHash.of(layers: data.folders.layers)
    ) { done in
      if showProgress { FileHandle.standardError.write(Data("\rbatch: \(done)/\(total) scenarios".utf8)) }
    }
    if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
    return results
  }

  /// Merges shard files: refuses files of another batch and names missing shards.
  func mergeFiles() throws -> BatchResults {
    let files = try merge.map { path in
      (name: path, results: try StudyFile.read(BatchResults.self, from: path, what: "a batch results file"))
    }
    let merged = try BatchResults.merge(files)
    do {
      try merged.checkComplete(files: merge)
    } catch {
      guard partial else {
        throw CommandError("\(error)\nRun the missing shards, or give --partial to show what is there.")
      }
      FileHandle.standardError.write(Data("warning: \(error)\n".utf8))
    }
    return merged
  }
}

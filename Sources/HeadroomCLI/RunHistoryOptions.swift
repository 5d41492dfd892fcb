import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomStore

/// Whether and where `walls`, `whatif`, `sweep`, `batch` and `plan` record their run in the run history.
struct RunHistoryOptions: ParsableArguments {
  @Flag(help: "Do not record this run in the run history database.")
  var noSave = false

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "Run history database (default: $HEADROOM_DB, else .headroom/headroom.sqlite in the data folder when it is "
        + "writable, else in $XDG_DATA_HOME/headroom or ~/.local/share/headroom).", valueName: "file"),
    completion: .file(extensions: ["sqlite", "db"]))
  var database: String?

  /// Records a walls result (unless --no-save) and says its run id on standard error; returns the id.
  @discardableResult
  func save(_ result: WallsResult, kind: RunSummary.Kind, overrides: [ScenarioOverride], data: LoadedData) -> Int64? {
    guard !noSave else { return nil }
    return save(
      RunSummary(result, kind: kind, overrides: overrides, dataHash: DataHash.of(layers: data.folders.layers)),
      data: data)
  }

  /// Records a whole sweep (unless --no-save) by its ``SweepDigest`` and says its run id on standard error;
  /// returns the id.
  @discardableResult
  func save(_ file: SweepSamples, data: LoadedData) -> Int64? {
    guard !noSave else { return nil }
    return save(RunSummary(file, dataHash: file.dataHash ?? DataHash.of(layers: data.folders.layers)), data: data)
  }

  /// Records a run summary with the data folders' field hashes and says its run id on standard error; returns the
  /// id, or nil when the run could not be saved (a warning says why).
  @discardableResult
  func save(_ run: RunSummary, data: LoadedData) -> Int64? {
    var run = run
    run.dataFields = Self.dataFields(data.folders)
    guard let saved = RunHistory.save(run, path: database, folders: data.folders) else { return nil }
    // A database named by --db or found in a --data folder is not the one a bare 'runs show' opens.
    let named = database != nil || data.folders.explicitCount > 0 ? " --db \(saved.file)" : ""
    FileHandle.standardError.write(Data("saved as run \(saved.id) (headroom runs show \(saved.id)\(named))\n".utf8))
    return saved.id
  }

  /// The per-field hashes of the data folder, saved with a run so `runs diff` can name changed fields;
  /// empty (the diff then says they were not recorded) if a file cannot be read.
  static func dataFields(_ folders: DataFolders) -> [RunSummary.DataField] {
    guard let snapshot = try? DataSnapshot.read(folders: folders) else { return [] }
    return snapshot.fieldHashes.map { RunSummary.DataField(file: $0.file, field: $0.field, hash: $0.hash) }
  }
}

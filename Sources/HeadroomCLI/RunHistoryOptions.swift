import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomStore

/// Whether and where `walls`, `whatif` and `sweep` record their run in the run history.
struct RunHistoryOptions: ParsableArguments {
  @Flag(help: "Do not record this run in the run history database.")
  var noSave = false

  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "Run history database (default: $HEADROOM_DB, else .headroom/headroom.sqlite in the data folder).",
      valueName: "file"))
  var database: String?

  /// Records a walls result (unless --no-save) and says its run id on standard error; returns the id.
  @discardableResult
  func save(_ result: WallsResult, kind: RunSummary.Kind, overrides: [ScenarioOverride], data: LoadedData) -> Int64? {
    guard !noSave else { return nil }
    return save(
      RunSummary(result, kind: kind, overrides: overrides, dataHash: DataHash.of(root: data.root)), data: data)
  }

  /// Records a whole sweep: per country, the median wall years and the most common binding wall; the
  /// varied ranges are recorded beside the overrides as `vary.<path>=lo:hi`; returns the run id.
  @discardableResult
  func save(_ file: SweepSamples, data: LoadedData) -> Int64? {
    guard !noSave else { return nil }
    let summary = SweepSummary(samples: file.samples, ranges: file.ranges, lastYear: file.lastYear)
    let none = file.lastYear + 1
    func year(_ value: Int) -> Int? { value >= none ? nil : value }
    let overrides =
      file.overrides.compactMap { try? ScenarioOverride(parsing: $0) }.map {
        RunSummary.Override(path: $0.path, value: $0.value)
      }
      + file.ranges.map { .init(path: "vary.\($0.path)", value: "\($0.low):\($0.high)") }
    let run = RunSummary(
      kind: .sweep, scenario: file.scenario, overrides: overrides,
      dataHash: file.dataHash ?? DataHash.of(root: data.root),
      solverName: LiveSolver.identity.name, solverVersion: LiveSolver.identity.version,
      countries: summary.countries.map { country in
        let binding = country.binding.max { $0.value < $1.value }?.key ?? "none"
        return RunSummary.CountryResult(
          country: country.country, powerWallYear: year(country.powerWall.p50),
          chipWallYear: year(country.chipWall.p50),
          firstShortYear: year(country.firstShort.p50), bindingWall: RunSummary.BindingWall(rawValue: binding) ?? .none)
      })
    return save(run, data: data)
  }

  @discardableResult
  func save(_ run: RunSummary, data: LoadedData) -> Int64? {
    var run = run
    run.dataFields = Self.dataFields(root: data.root)
    guard let id = RunHistory.save(run, path: database, root: data.root) else { return nil }
    FileHandle.standardError.write(Data("saved as run \(id) (headroom runs show \(id))\n".utf8))
    return id
  }

  /// The per-field hashes of the data folder, saved with a run so `runs diff` can name changed fields;
  /// empty (the diff then says they were not recorded) if a file cannot be read.
  static func dataFields(root: URL) -> [RunSummary.DataField] {
    guard let snapshot = try? DataSnapshot.read(root: root) else { return [] }
    return snapshot.fieldHashes.map { RunSummary.DataField(file: $0.file, field: $0.field, hash: $0.hash) }
  }
}

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

  /// Records a whole sweep: per country, the median wall years and the most common binding wall, the
  /// p5/p50/p95 of each wall and the inputs that move it most (Spearman's rank correlation, or the
  /// total-order Sobol index for a Sobol sweep); the varied ranges are recorded beside the overrides as
  /// `vary.<path>=lo:hi`; returns the run id.
  @discardableResult
  func save(_ file: SweepSamples, data: LoadedData) -> Int64? {
    guard !noSave else { return nil }
    return save(Self.summary(of: file, dataHash: file.dataHash ?? DataHash.of(layers: data.folders.layers)), data: data)
  }

  /// The run summary of a whole sweep.
  static func summary(of file: SweepSamples, dataHash: String) -> RunSummary {
    let summary = SweepSummary(samples: file.samples, ranges: file.ranges, lastYear: file.lastYear)
    let none = file.lastYear + 1
    func year(_ value: Int) -> Int? { value >= none ? nil : value }
    let overrides =
      file.overrides.compactMap { try? ScenarioOverride(parsing: $0) }.map {
        RunSummary.Override(path: $0.path, value: $0.value)
      }
      + file.ranges.map { .init(path: "vary.\($0.path)", value: "\($0.low):\($0.high)") }
    var run = RunSummary(
      kind: .sweep, scenario: file.scenario, overrides: overrides, dataHash: dataHash,
      solverName: LiveSolver.identity.name, solverVersion: LiveSolver.identity.version,
      countries: summary.countries.map { country in
        let binding = country.binding.max { $0.value < $1.value }?.key ?? "none"
        return RunSummary.CountryResult(
          country: country.country, powerWallYear: year(country.powerWall.p50),
          chipWallYear: year(country.chipWall.p50),
          firstShortYear: year(country.firstShort.p50), bindingWall: RunSummary.BindingWall(rawValue: binding) ?? .none)
      }, sampleCount: file.samples.count)
    let count = Double(max(file.samples.count, 1))
    let sobol = file.method == .sobol ? try? SobolSummary(samples: file) : nil
    for country in summary.countries {
      let walls:
        [(RunSummary.SweepWall.Wall, SweepSummary.Percentiles, [SweepSummary.Influence], SobolSummary.Output)] =
          [
            (.powerWall, country.powerWall, country.powerDrivers, .powerWall),
            (.chipWall, country.chipWall, country.chipDrivers, .chipWall),
            (.firstShort, country.firstShort, country.drivers, .firstShort),
          ]
      for (wall, percentiles, influences, output) in walls {
        let missing = file.samples.filter { sample in
          guard let walls = sample.walls[country.country] else { return true }
          switch wall {
          case .powerWall: return walls.powerWall == nil
          case .chipWall: return walls.chipWall == nil
          case .firstShort: return walls.firstShort == nil
          }
        }.count
        run.sweepWalls.append(
          RunSummary.SweepWall(
            country: country.country, wall: wall, p5: year(percentiles.p5), p50: year(percentiles.p50),
            p95: year(percentiles.p95), noneShare: Double(missing) / count))
        if let indices = sobol?.countries.first(where: { $0.country == country.country })?.outputs
          .first(where: { $0.output == output })
        {
          let ranked = indices.inputs.filter { $0.totalOrder.estimate > 0 }
            .sorted { $0.totalOrder.estimate > $1.totalOrder.estimate }.prefix(3)
          for (rank, input) in ranked.enumerated() {
            run.drivers.append(
              RunSummary.Driver(
                country: country.country, wall: wall, rank: rank + 1, input: input.input, measure: "sobol total",
                value: input.totalOrder.estimate))
          }
        } else if sobol == nil {
          let moving = influences.filter { $0.correlation.isFinite && $0.correlation != 0 }
          for (rank, influence) in moving.prefix(3).enumerated() {
            run.drivers.append(
              RunSummary.Driver(
                country: country.country, wall: wall, rank: rank + 1, input: influence.input, measure: "spearman",
                value: influence.correlation))
          }
        }
      }
    }
    return run
  }

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

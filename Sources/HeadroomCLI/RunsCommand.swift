import ArgumentParser
import Foundation
import HeadroomModel
import HeadroomReport
import HeadroomStore

/// `headroom runs`: the history of walls, whatif, sweep and plan runs.
struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "List, show and diff saved runs (walls, whatif, sweep and plan save each run).",
    subcommands: [List.self, Show.self, Diff.self],
    defaultSubcommand: List.self
  )

  /// `headroom runs list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every saved run, oldest first.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
      try reportingStoreErrors {
        let path = try store.resolve(options)
        let runs = try HeadroomDatabase(readingAt: path).runs()
        var table = Table(
          title: "Runs in \(path) (\(runs.count))",
          columns: [
            .init("id", .right), .init("kind"), .init("created (UTC)"), .init("scenario"), .init("--set", .right),
            .init("countries", .right), .init("first power wall", .right), .init("first chip wall", .right),
            .init("objective", .right), .init("data"), .init("solver"),
          ])
        for listing in runs {
          let run = listing.run
          table.append([
            run.id.map(String.init) ?? Cells.absent, run.kind, RunCells.time(run.createdAt),
            run.scenario ?? "(baseline)", "\(listing.overrideCount)", "\(listing.countryCount)",
            RunCells.year(listing.firstPowerWallYear), RunCells.year(listing.firstChipWallYear),
            Cells.number(run.objective, digits: 6), run.dataHash,
            RunSummary.solverDescription(name: run.solverName, version: run.solverVersion),
          ])
        }
        table.notes = ["'headroom runs show <id>' gives a run's results; 'headroom runs diff <a> <b>' compares two."]
        let items: [JSONValue] = runs.map { listing in
          .object(
            RunJSON.header(listing.run) + [
              ("overrideCount", .number(Double(listing.overrideCount))),
              ("countryCount", .number(Double(listing.countryCount))),
              ("firstPowerWallYear", listing.firstPowerWallYear.map { .number(Double($0)) } ?? .null),
              ("firstChipWallYear", listing.firstChipWallYear.map { .number(Double($0)) } ?? .null),
            ])
        }
        options.emit(
          Report(
            tables: [table], json: .object([("path", .string(path)), ("runs", .array(items))]),
            data: [RunsData.listTable(runs)]))
      }
    }
  }

  /// `headroom runs show <id>`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One run: its inputs, walls and yearly results.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    @Argument(help: "The run id (see 'headroom runs list').")
    var id: Int64

    func run() throws {
      try reportingStoreErrors {
        let path = try store.resolve(options)
        guard let stored = try HeadroomDatabase(readingAt: path).run(id: id) else {
          throw StoreError.unknownRun(id: id, path: path)
        }
        options.emit(Self.report(stored))
      }
    }

    static func report(_ stored: StoredRun) -> Report {
      let run = stored.summary
      var header = Table(title: "Run \(stored.id)", columns: [.init("field"), .init("value")])
      header.append(["kind", run.kind.rawValue])
      header.append(["created (UTC)", RunCells.time(run.createdAt)])
      header.append(["scenario", run.scenario ?? "(baseline)"])
      header.append(["data hash", run.dataHash])
      header.append(["solver", RunSummary.solverDescription(name: run.solverName, version: run.solverVersion)])
      header.append(["objective", Cells.number(run.objective, digits: 6)])
      var inputs = Table(title: "Overrides (--set)", columns: [.init("path"), .init("value")])
      for override in run.overrides { inputs.append([override.path, override.value]) }
      if run.overrides.isEmpty { inputs.notes = ["none"] }
      var walls = Table(
        title: "Walls",
        columns: [
          .init("country"), .init("power wall", .right), .init("chip wall", .right), .init("first short", .right),
          .init("binding"), .init("cost", .right),
        ])
      for country in run.countries {
        walls.append([
          country.country, RunCells.year(country.powerWallYear), RunCells.year(country.chipWallYear),
          RunCells.year(country.firstShortYear), country.bindingWall.rawValue, Cells.quantity(country.cost),
        ])
      }
      var years = Table(
        title: "By country and year",
        columns: [
          .init("country"), .init("year", .right), .init("demand", .right), .init("served T / I", .right),
          .init("power used / avail", .right), .init("obtainable", .right), .init("gap", .right),
          .init("power gap", .right), .init("chip gap", .right), .init("binds"),
        ])
      for year in run.years {
        years.append([
          year.country, "\(year.year)", year.demand.formatted(),
          "\(Cells.number(year.trainingServedShare * 100)) / \(Cells.number(year.inferenceServedShare * 100)) %",
          "\(year.powerUsed.formatted()) / \(year.powerAvailable.formatted())", year.chipsObtainable.formatted(),
          year.gap.formatted(), year.powerGap.formatted(), year.chipGap.formatted(), year.binding.rawValue,
        ])
      }
      years.notes = [
        "Demand, chips and gaps in H100e; power at the meter; served T / I = training / inference share served."
      ]
      let json = JSONValue.object([
        ("id", .number(Double(stored.id))), ("kind", .string(run.kind.rawValue)),
        ("createdAt", .string(RunsData.iso8601(run.createdAt))), ("scenario", .string(run.scenario)),
        ("dataHash", .string(run.dataHash)), ("solverName", .string(run.solverName)),
        ("solverVersion", .string(run.solverVersion)), ("objectiveMUSD", .number(run.objective)),
        (
          "overrides",
          .array(run.overrides.map { .object([("path", .string($0.path)), ("value", .string($0.value))]) })
        ),
        (
          "countries",
          .array(
            run.countries.map {
              .object([
                ("country", .string($0.country)),
                ("powerWallYear", $0.powerWallYear.map { .number(Double($0)) } ?? .null),
                ("chipWallYear", $0.chipWallYear.map { .number(Double($0)) } ?? .null),
                ("firstShortYear", $0.firstShortYear.map { .number(Double($0)) } ?? .null),
                ("bindingWall", .string($0.bindingWall.rawValue)),
                ("costMUSD", .number($0.cost.map { $0.dollars / 1e6 })),
              ])
            })
        ),
        ("years", .array(run.years.map { .object(RunsData.yearRecord($0)) })),
      ])
      return Report(tables: [header, inputs, walls, years], json: json, data: RunsData.showTables(stored))
    }
  }

  /// `headroom runs diff <a> <b>`.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "What changed from run a to run b: wall years first, with the input changes beside them.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    @Argument(help: "The first run's id.") var a: Int64
    @Argument(help: "The second run's id.") var b: Int64

    func run() throws {
      try reportingStoreErrors {
        let path = try store.resolve(options)
        let diff = try HeadroomDatabase(readingAt: path).diff(a, b)
        options.emit(Self.report(diff, a: a, b: b))
      }
    }

    static func report(_ diff: RunDiff, a: Int64, b: Int64) -> Report {
      var walls = Table(
        title: "Wall changes, run \(a) -> run \(b)",
        columns: [
          .init("country"), .init("wall"), .init("run \(a)", .right), .init("run \(b)", .right), .init("change"),
        ])
      for change in diff.wallChanges {
        walls.append([
          change.country, change.field.rawValue, change.a ?? "(absent)", change.b ?? "(absent)",
          RunCells.change(change),
        ])
      }
      if diff.wallChanges.isEmpty { walls.notes = ["No wall moved."] }
      var inputs = Table(
        title: "Input changes", columns: [.init("input"), .init("run \(a)"), .init("run \(b)")])
      for change in diff.inputChanges {
        inputs.append([change.label, change.a ?? "(not set)", change.b ?? "(not set)"])
      }
      if diff.inputChanges.isEmpty { inputs.notes = ["Same inputs."] }
      var dataTables: [Table] = []
      switch diff.dataFields {
      case .same: break
      case .notRecorded:
        inputs.notes.append(
          "The data hash changed, but the data fields were not recorded with both runs (runs saved before schema v2).")
      case .changed(let changes):
        var data = Table(title: "Data fields changed", columns: [.init("file"), .init("field"), .init("change")])
        for change in changes { data.append([change.file, change.field ?? "(whole file)", change.change.rawValue]) }
        data.notes = ["'headroom catalog diff --against <revision or folder>' shows old and new values with sources."]
        dataTables.append(data)
      }
      if let objective = diff.objective {
        inputs.notes.append(
          "Objective: \(Cells.number(objective.a, digits: 6)) -> \(Cells.number(objective.b, digits: 6))"
            + (objective.delta.map { " (\($0 >= 0 ? "+" : "")\(Cells.number($0, digits: 4)))" } ?? ""))
      } else {
        inputs.notes.append("Objective unchanged.")
      }
      let json = JSONValue.object([
        ("a", .number(Double(a))), ("b", .number(Double(b))),
        (
          "wallChanges",
          .array(diff.wallChanges.map { .object(RunsData.wallChange($0)) })
        ),
        (
          "inputChanges",
          .array(
            diff.inputChanges.map { change in
              .object([("input", .string(change.label)), ("a", .string(change.a)), ("b", .string(change.b))])
            })
        ),
        (
          "objective",
          diff.objective.map { .object([("a", .number($0.a)), ("b", .number($0.b)), ("delta", .number($0.delta))]) }
            ?? .null
        ),
        ("dataFields", Self.json(diff.dataFields)),
      ])
      return Report(tables: [walls, inputs] + dataTables, json: json, data: RunsData.diffTables(diff))
    }

    static func json(_ fields: RunDiff.DataFields) -> JSONValue {
      switch fields {
      case .same: return .string("same")
      case .notRecorded: return .string("not recorded")
      case .changed(let changes):
        return .array(
          changes.map {
            .object([("file", .string($0.file)), ("field", .string($0.field)), ("change", .string($0.change.rawValue))])
          })
      }
    }
  }
}

/// Cell text for run tables.
enum RunCells {
  /// A wall year, or `none` when the wall is not hit within the horizon.
  static func year(_ value: Int?) -> String { value.map(String.init) ?? "none" }

  /// How a wall moved: `+2 years`, `-1 year`, `no longer hit`, `now hit in 2029`, or a dash.
  static func change(_ change: RunDiff.WallChange) -> String {
    if let shift = change.yearShift { return "\(shift > 0 ? "+" : "")\(shift) year\(abs(shift) == 1 ? "" : "s")" }
    guard change.field != .bindingWall else { return Cells.absent }
    if change.b == "none" { return "no longer hit" }
    if change.a == "none", let year = change.b { return "now hit in \(year)" }
    return Cells.absent
  }

  /// A UTC time to the second: `2026-01-01 00:00:00`.
  static func time(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
  }
}

/// JSON for a run's row.
enum RunJSON {
  static func header(_ run: RunRecord) -> [(String, JSONValue)] {
    [
      ("id", run.id.map { .number(Double($0)) } ?? .null), ("kind", .string(run.kind)),
      ("createdAt", .string(RunsData.iso8601(run.createdAt))), ("scenario", .string(run.scenario)),
      ("dataHash", .string(run.dataHash)), ("solverName", .string(run.solverName)),
      ("solverVersion", .string(run.solverVersion)), ("objectiveMUSD", .number(run.objective)),
    ]
  }
}

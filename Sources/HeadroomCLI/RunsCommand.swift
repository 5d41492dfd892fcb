import ArgumentParser
import Foundation
import HeadroomModel
import HeadroomReport
import HeadroomStore

/// `headroom runs`: the history of walls, whatif, sweep and plan runs.
struct RunsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "runs",
    abstract: "List, show and diff saved runs (walls, whatif, sweep, batch and plan save each run).",
    subcommands: [List.self, Show.self, Diff.self],
    defaultSubcommand: List.self
  )

  /// `headroom runs list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every saved run, oldest first.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
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
          RunCells.money(run.objective), run.dataHash,
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

  /// `headroom runs show <id>`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "One run: its inputs, walls and yearly results.")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    @Argument(help: "The run id (see 'headroom runs list').")
    var id: Int64

    func run() throws {
      let path = try store.resolve(options)
      guard let stored = try HeadroomDatabase(readingAt: path).run(id: id) else {
        throw StoreError.unknownRun(id: id, path: path)
      }
      options.emit(Self.report(stored))
    }

    static func report(_ stored: StoredRun) -> Report {
      let run = stored.summary
      var header = Table(title: "Run \(stored.id)", columns: [.init("field"), .init("value")])
      header.append(["kind", run.kind.rawValue])
      header.append(["created (UTC)", RunCells.time(run.createdAt)])
      header.append([run.kind == .plan ? "workloads" : "scenario", run.scenario ?? "(baseline)"])
      if let site = run.site { header.append(["site", site]) }
      if let samples = run.sampleCount { header.append(["samples", Cells.grouped(Double(samples))]) }
      header.append(["data hash", run.dataHash])
      header.append(["solver", RunSummary.solverDescription(name: run.solverName, version: run.solverVersion)])
      header.append(["objective", RunCells.money(run.objective)])
      var inputs = Table(title: "Overrides (--set)", columns: [.init("path"), .init("value")])
      let varied = run.overrides.filter { $0.path.hasPrefix("vary.") }
      for override in run.overrides where !override.path.hasPrefix("vary.") {
        inputs.append([override.path, override.value])
      }
      if inputs.rows.isEmpty { inputs.notes = ["none"] }
      var ranges = Table(title: "Varied inputs (--vary)", columns: [.init("path"), .init("range")])
      for override in varied { ranges.append([String(override.path.dropFirst("vary.".count)), override.value]) }
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
      years.keyColumns = 2
      years.notes = [
        "Demand, chips and gaps in H100e; power at the meter; served T / I = training / inference share served."
      ]
      var tables = [header, inputs] + (varied.isEmpty ? [] : [ranges])
      if !run.sweepWalls.isEmpty {
        tables += sweepTables(run)
      } else if !run.countries.isEmpty {
        tables.append(walls)
      }
      if !run.years.isEmpty { tables.append(years) }
      if !run.planYears.isEmpty { tables.append(planTable(run.planYears)) }
      let json = JSONValue.object([
        ("id", .number(Double(stored.id))), ("kind", .string(run.kind.rawValue)),
        ("createdAt", .string(RunsData.iso8601(run.createdAt))), ("scenario", .string(run.scenario)),
        ("dataHash", .string(run.dataHash)), ("solverName", .string(run.solverName)),
        ("solverVersion", .string(run.solverVersion)), ("objectiveMUSD", .number(run.objective)),
        ("site", .string(run.site)), ("sampleCount", run.sampleCount.map { .number(Double($0)) } ?? .null),
        (
          "sweepWalls",
          .array(
            run.sweepWalls.map {
              .object([
                ("country", .string($0.country)), ("wall", .string($0.wall.rawValue)),
                ("p5Year", $0.p5.map { .number(Double($0)) } ?? .null),
                ("p50Year", $0.p50.map { .number(Double($0)) } ?? .null),
                ("p95Year", $0.p95.map { .number(Double($0)) } ?? .null),
                ("noneShare", .number(JSONValue.rounded($0.noneShare, 6))),
              ])
            })
        ),
        (
          "drivers",
          .array(
            run.drivers.map {
              .object([
                ("country", .string($0.country)), ("wall", .string($0.wall.rawValue)),
                ("rank", .number(Double($0.rank))),
                ("input", .string($0.input)), ("measure", .string($0.measure)),
                ("value", .number(JSONValue.rounded($0.value, 6))),
              ])
            })
        ),
        (
          "planYears",
          .array(
            run.planYears.map {
              .object([
                ("year", .number(Double($0.year))), ("systemsBought", .number(Double($0.systemsBought))),
                ("accelerators", .number(Double($0.accelerators))),
                ("itPowerUsedMW", .number(JSONValue.rounded($0.itPowerUsed.megawatts, 6))),
                ("itPowerAvailableMW", .number(JSONValue.rounded($0.itPowerAvailable.megawatts, 6))),
                ("racksUsed", .number(Double($0.racksUsed))),
                ("capexMUSD", .number(JSONValue.rounded($0.capex.millionsOfDollars, 6))),
                ("energyMUSD", .number(JSONValue.rounded($0.energyCost.millionsOfDollars, 6))),
                ("servedShare", .number(JSONValue.rounded($0.servedShare, 6))), ("binding", .string($0.binding)),
              ])
            })
        ),
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
                ("costMUSD", .number($0.cost.map(\.millionsOfDollars))),
              ])
            })
        ),
        ("years", .array(run.years.map { .object(RunsData.yearRecord($0)) })),
      ])
      return Report(tables: tables, json: json, data: RunsData.showTables(stored))
    }

    /// A sweep's wall years (p5 / p50 / p95 over the samples) and the inputs that move each wall.
    static func sweepTables(_ run: RunSummary) -> [Table] {
      var percentiles = Table(
        title: "Wall years over \(run.sampleCount.map { Cells.grouped(Double($0)) } ?? "the") samples (p5 / p50 / p95)",
        columns: [
          .init("country"), .init("power wall", .right), .init("chip wall", .right), .init("first short", .right),
          .init("binding (most samples)"),
        ])
      func cell(_ wall: RunSummary.SweepWall?) -> String {
        guard let wall else { return Cells.absent }
        return [wall.p5, wall.p50, wall.p95].map(RunCells.year).joined(separator: " / ")
      }
      for country in run.countries {
        let walls = run.sweepWalls.filter { $0.country == country.country }
        percentiles.append([
          country.country, cell(walls.first { $0.wall == .powerWall }), cell(walls.first { $0.wall == .chipWall }),
          cell(walls.first { $0.wall == .firstShort }), country.bindingWall.rawValue,
        ])
      }
      percentiles.notes = ["none = no such wall within the horizon at that percentile."]
      var drivers = Table(
        title: "What moves each wall most",
        columns: [.init("country"), .init("wall"), .init("1st"), .init("2nd"), .init("3rd")])
      for country in run.countries {
        for wall in RunSummary.SweepWall.Wall.allCases {
          let ranked = run.drivers.filter { $0.country == country.country && $0.wall == wall }.sorted {
            $0.rank < $1.rank
          }
          guard !ranked.isEmpty else { continue }
          let cells = (0..<3).map { index in
            index < ranked.count ? "\(ranked[index].input) \(NumberText.plain(ranked[index].value, 2))" : Cells.absent
          }
          drivers.append([country.country, wall.rawValue] + cells)
        }
      }
      drivers.keyColumns = 2
      let measure = run.drivers.first?.measure ?? "spearman"
      drivers.notes = [
        measure == "spearman"
          ? "Spearman rank correlation of the input with the wall year (-1…1; positive: a higher input makes the wall later)."
          : "Total-order Sobol index of the input for the wall year (0…1: the share of the variance it takes part in)."
      ]
      return [percentiles] + (drivers.rows.isEmpty ? [] : [drivers])
    }

    /// A plan's years.
    static func planTable(_ years: [RunSummary.PlanYear]) -> Table {
      var table = Table(
        title: "Site plan by year",
        columns: [
          .init("year"), .init("bought", .right), .init("accelerators", .right), .init("IT power used", .right),
          .init("IT power available", .right), .init("racks used", .right), .init("capex", .right),
          .init("energy", .right), .init("served", .right), .init("binding"),
        ])
      for year in years {
        table.append([
          "\(year.year)", Cells.grouped(Double(year.systemsBought)), Cells.grouped(Double(year.accelerators)),
          year.itPowerUsed.formatted(), year.itPowerAvailable.formatted(), Cells.grouped(Double(year.racksUsed)),
          year.capex.formatted(), year.energyCost.formatted(), "\(NumberText.plain(year.servedShare * 100, 3)) %",
          year.binding,
        ])
      }
      table.notes = ["Served = share of the year's inference demand served (tokens/s); costs undiscounted."]
      return table
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
      let path = try store.resolve(options)
      let diff = try HeadroomDatabase(readingAt: path).diff(a, b)
      if diff.incomparable {
        throw CommandError(
          "run \(a) is a \(diff.kindA.rawValue) run and run \(b) a \(diff.kindB.rawValue) run: a site plan has no walls "
            + "and a walls run no site, so there is nothing to compare; diff two plans, or two runs of the walls model"
        )
      }
      // A table or Markdown report carries the warning as its first note; JSON and CSV readers get it on
      // standard error (once: a terminal shows both streams).
      if diff.kindsDiffer && (options.format == .json || options.format == .csv) {
        FileHandle.standardError.write(Data((Self.kindWarning(diff, a: a, b: b) + "\n").utf8))
      }
      options.emit(Self.report(diff, a: a, b: b))
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
      if diff.wallChanges.isEmpty && diff.kindA != .plan { walls.notes = ["No wall moved."] }
      if diff.kindsDiffer {
        walls.title = "Wall changes, run \(a) (\(diff.kindA.rawValue)) -> run \(b) (\(diff.kindB.rawValue))"
        walls.notes.insert(Self.kindWarning(diff, a: a, b: b), at: 0)
      }
      var served: [Table] = []
      if let year = diff.comparisonYear, !diff.countryChanges.isEmpty {
        var table = Table(
          title: "Served share and power used in \(year)",
          columns: [
            .init("country"), .init("served run \(a)", .right), .init("served run \(b)", .right),
            .init("change", .right), .init("power run \(a)", .right), .init("power run \(b)", .right),
            .init("change", .right),
          ])
        for change in diff.countryChanges {
          let shareDelta = change.servedShareChange * 100
          let powerDelta = change.powerUsedChange
          table.append([
            change.country, "\(NumberText.plain(change.servedShareA * 100, 3)) %",
            "\(NumberText.plain(change.servedShareB * 100, 3)) %",
            "\(shareDelta >= 0 ? "+" : "")\(NumberText.plain(shareDelta, 3)) pts", change.powerUsedA.formatted(),
            change.powerUsedB.formatted(),
            (powerDelta.baseValue >= 0 ? "+" : "-") + Power(baseValue: abs(powerDelta.baseValue)).formatted(),
          ])
        }
        table.notes = ["Countries whose served share and power used are the same in both runs are not listed."]
        served.append(table)
      }
      if !diff.planChanges.isEmpty {
        var table = Table(
          title: "Site plan changes by year",
          columns: [
            .init("year"), .init("accelerators run \(a)", .right), .init("accelerators run \(b)", .right),
            .init("IT power run \(a)", .right), .init("IT power run \(b)", .right), .init("served run \(a)", .right),
            .init("served run \(b)", .right),
          ])
        for change in diff.planChanges {
          table.append([
            "\(change.year)", change.a.map { Cells.grouped(Double($0.accelerators)) } ?? "(absent)",
            change.b.map { Cells.grouped(Double($0.accelerators)) } ?? "(absent)",
            change.a?.itPowerUsed.formatted() ?? "(absent)", change.b?.itPowerUsed.formatted() ?? "(absent)",
            change.a.map { "\(NumberText.plain($0.servedShare * 100, 3)) %" } ?? "(absent)",
            change.b.map { "\(NumberText.plain($0.servedShare * 100, 3)) %" } ?? "(absent)",
          ])
        }
        served.append(table)
      }
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
          "Objective: \(RunCells.money(objective.a)) -> \(RunCells.money(objective.b))"
            + (objective.delta.map { " (\($0 >= 0 ? "+" : "-")\(RunCells.money(abs($0))))" } ?? ""))
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
        ("kinds", .array([.string(diff.kindA.rawValue), .string(diff.kindB.rawValue)])),
        ("comparisonYear", diff.comparisonYear.map { .number(Double($0)) } ?? .null),
        (
          "countryChanges",
          .array(
            diff.countryChanges.map {
              .object([
                ("country", .string($0.country)), ("year", .number(Double($0.year))),
                ("servedShareA", .number(JSONValue.rounded($0.servedShareA, 6))),
                ("servedShareB", .number(JSONValue.rounded($0.servedShareB, 6))),
                ("powerUsedAGW", .number(JSONValue.rounded($0.powerUsedA.gigawatts, 6))),
                ("powerUsedBGW", .number(JSONValue.rounded($0.powerUsedB.gigawatts, 6))),
              ])
            })
        ),
      ])
      return Report(tables: [walls] + served + [inputs] + dataTables, json: json, data: RunsData.diffTables(diff))
    }

    /// The warning for runs of different kinds.
    static func kindWarning(_ diff: RunDiff, a: Int64, b: Int64) -> String {
      "warning: run \(a) is a \(diff.kindA.rawValue) run and run \(b) a \(diff.kindB.rawValue) run"
        + (diff.kindA == .sweep || diff.kindB == .sweep ? " (a sweep's wall years are the medians of its samples)" : "")
        + (diff.kindA == .batch || diff.kindB == .batch ? " (a batch's walls come from phase 1 only)" : "")
        + ": compare with care."
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

  /// An objective in millions of USD (the walls cost phase, a plan's discounted cost) as money: `$9.44T`.
  static func money(_ millions: Double?) -> String {
    guard let millions, millions.isFinite else { return Cells.absent }
    return Money(millionsOfDollars: millions).formatted()
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

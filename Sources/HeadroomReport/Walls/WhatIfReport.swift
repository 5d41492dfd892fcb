import HeadroomModel
import HeadroomPlanner

/// A what-if beside its baseline as a table (countries whose walls moved first) and JSON.
public struct WhatIfReport: Sendable {
  public var result: WhatIfResult
  public var overrides: [String]

  public init(result: WhatIfResult, overrides: [String] = []) {
    self.result = result
    self.overrides = overrides
  }

  static func year(_ value: Int?) -> String { value.map(String.init) ?? "none" }

  /// `2027 (no change)`, `2026 → 2028 (+2)`, `2027 → none (gone)`, `none → 2030 (new)`.
  public static func delta(_ change: WhatIfResult.Change<Int?>) -> String {
    switch (change.baseline, change.whatIf) {
    case (nil, nil): return "none"
    case (let a?, let b?): return a == b ? "\(a) (no change)" : "\(a) → \(b) (\(b - a > 0 ? "+" : "")\(b - a))"
    case (let a?, nil): return "\(a) → none (gone)"
    case (nil, let b?): return "none → \(b) (new)"
    }
  }

  public func report() -> Report {
    let label = result.whatIf.scenario + (overrides.isEmpty ? "" : " with --set \(overrides.joined(separator: " "))")
    let year = result.comparisonYear.map(String.init) ?? "—"
    var table = Table(
      title: "What-if: \(label) against \(result.baseline.scenario)",
      columns: [
        .init("country"), .init("power wall"), .init("chip wall"), .init("binds"), .init("served \(year)", .right),
        .init("AI power \(year)", .right), .init("gap \(year)", .right),
      ])
    for country in result.countries {
      let binding =
        country.bindingWall.changed
        ? "\(country.bindingWall.baseline.rawValue) → \(country.bindingWall.whatIf.rawValue)"
        : country.bindingWall.baseline.rawValue
      table.append([
        country.country, Self.delta(country.powerWallYear), Self.delta(country.chipWallYear), binding,
        "\(WallsReport.percent(country.servedShare.baseline)) → \(WallsReport.percent(country.servedShare.whatIf))",
        "\(country.powerUsed.baseline.formatted()) → \(country.powerUsed.whatIf.formatted())",
        "\(country.gap.baseline.formatted()) → \(country.gap.whatIf.formatted())",
      ])
    }
    let moved = result.countries.filter(\.wallsMoved).count
    let whose = moved == 1 ? "country's walls" : "countries' walls"
    table.notes =
      [
        moved == 0 ? "No wall year or binding wall moved." : "\(moved) \(whose) moved (listed first).",
        "Baseline cost-phase objective \(result.baseline.objective.formatted()); what-if \(result.whatIf.objective.formatted()).",
      ] + result.notes
      + (result.onlyInBaseline.isEmpty
        ? [] : ["Only in the baseline: \(result.onlyInBaseline.joined(separator: ", "))."])
      + (result.onlyInWhatIf.isEmpty ? [] : ["Only in the what-if: \(result.onlyInWhatIf.joined(separator: ", "))."])
    func pair(_ change: WhatIfResult.Change<Int?>) -> JSONValue {
      .object([
        ("baseline", change.baseline.map { .number(Double($0)) } ?? .null),
        ("whatIf", change.whatIf.map { .number(Double($0)) } ?? .null),
      ])
    }
    let countries: [JSONValue] = result.countries.map { country in
      .object([
        ("country", .string(country.country)), ("wallsMoved", .bool(country.wallsMoved)),
        ("powerWallYear", pair(country.powerWallYear)), ("chipWallYear", pair(country.chipWallYear)),
        ("firstShortYear", pair(country.firstShortYear)),
        (
          "bindingWall",
          .object([
            ("baseline", .string(country.bindingWall.baseline.rawValue)),
            ("whatIf", .string(country.bindingWall.whatIf.rawValue)),
          ])
        ),
        (
          "servedShare",
          .object([
            ("baseline", WallsReport.share(country.servedShare.baseline)),
            ("whatIf", WallsReport.share(country.servedShare.whatIf)),
          ])
        ),
        (
          "powerUsedGW",
          .object([
            ("baseline", WallsReport.gigawatts(country.powerUsed.baseline)),
            ("whatIf", WallsReport.gigawatts(country.powerUsed.whatIf)),
          ])
        ),
        (
          "gapH100e",
          .object([
            ("baseline", WallsReport.h100e(country.gap.baseline)), ("whatIf", WallsReport.h100e(country.gap.whatIf)),
          ])
        ),
      ])
    }
    return Report(
      tables: [table],
      json: json(countries: countries), data: dataTables())
  }

  func json(countries: [JSONValue]) -> JSONValue {
    .object([
      ("baseline", .string(result.baseline.scenario)), ("scenario", .string(result.whatIf.scenario)),
      ("overrides", .array(overrides.map { .string($0) })),
      ("comparisonYear", result.comparisonYear.map { .number(Double($0)) } ?? .null),
      (
        "commonYears",
        result.commonYears.map {
          .object([("from", .number(Double($0.lowerBound))), ("to", .number(Double($0.upperBound)))])
        } ?? .null
      ),
      ("countries", .array(countries)), ("notes", .array(result.notes.map { .string($0) })),
      ("baselineResult", WallsReport(result: result.baseline).json()),
      ("whatIfResult", WallsReport(result: result.whatIf, overrides: overrides).json()),
    ])
  }

  /// The data tables: countries (one row per country and run, the comparison year's figures) and years (one row
  /// per run, country and year, as `walls --table years`).
  public func dataTables() -> [DataTable] {
    var countries = DataTable(
      name: "countries",
      rowMeaning: "one row per country and run (baseline, whatIf): walls and the comparison year's figures",
      columns: [
        "country", "run", "powerWallYear", "chipWallYear", "firstShortYear", "bindingWall", "wallsMoved",
        "comparisonYear", "servedShare", "powerUsedGW", "gapH100e",
      ])
    for country in result.countries {
      for (run, pick) in [("baseline", true), ("whatIf", false)] {
        func value<T>(_ change: WhatIfResult.Change<T>) -> T { pick ? change.baseline : change.whatIf }
        countries.append([
          ("country", .string(country.country)), ("run", .string(run)),
          ("powerWallYear", WallsReport.year(value(country.powerWallYear))),
          ("chipWallYear", WallsReport.year(value(country.chipWallYear))),
          ("firstShortYear", WallsReport.year(value(country.firstShortYear))),
          ("bindingWall", .string(value(country.bindingWall).rawValue)), ("wallsMoved", .bool(country.wallsMoved)),
          ("comparisonYear", WallsReport.year(result.comparisonYear)),
          ("servedShare", WallsReport.share(value(country.servedShare))),
          ("powerUsedGW", WallsReport.gigawatts(value(country.powerUsed))),
          ("gapH100e", WallsReport.h100e(value(country.gap))),
        ])
      }
    }
    var years = DataTable(
      name: "years", rowMeaning: "one row per run (baseline, whatIf), country and year, as walls --table years",
      columns: ["run", "country"] + WallsReport.yearColumns)
    for (run, walls) in [("baseline", result.baseline), ("whatIf", result.whatIf)] {
      for country in walls.countries {
        for year in country.years {
          years.append([("run", .string(run)), ("country", .string(country.country))] + WallsReport.yearRecord(year))
        }
      }
    }
    return [countries, years]
  }
}

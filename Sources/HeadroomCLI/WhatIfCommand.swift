import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// `headroom whatif`: a scenario with changes, beside the baseline, wall-year changes first.
struct WhatIfCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "whatif",
    abstract: "Run a what-if beside the baseline: wall-year changes first, then served demand and power.",
    discussion: """
      Examples:
        headroom whatif --scenario china-h200
        headroom whatif --set countries.US.power_scale=0.7
        headroom whatif --scenario diffusion-enforced --baseline baseline
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(help: "The scenario to compare against (id in Scenarios/ or a path).")
  var baseline = "baseline"

  @OptionGroup var history: RunHistoryOptions

  func validate() throws {
    if scenarioOptions.scenario == baseline && scenarioOptions.overrides.isEmpty {
      throw ValidationError("Nothing to compare: give --scenario <what-if> or at least one --set path=value.")
    }
  }

  func run() throws {
    try reportingErrors {
      var kinds: WallsKindTable?
      let (catalog, root, scenario, input) = try scenarioOptions.load(options, kinds: &kinds)
      let base = try ScenarioLoader(catalog: catalog, root: root).load(baseline)
      let runner = WallsRunner(solver: LiveSolver.solver, solverName: LiveSolver.name)
      let baseResult = try runner.run(try WallsInput(catalog: catalog, scenario: base, kinds: kinds))
      let whatIf = try runner.run(input)
      history.save(
        whatIf, kind: .whatif, overrides: try scenarioOptions.parsedOverrides(), root: root, options: options)
      options.emit(
        Self.report(
          base: baseResult, baseScenario: base, whatIf: whatIf, scenario: scenario, overrides: scenarioOptions.overrides
        ))
    }
  }

  static func delta(_ a: Int?, _ b: Int?) -> String {
    switch (a, b) {
    case (nil, nil): return "none → none"
    case (let a?, let b?): return a == b ? "\(a) (no change)" : "\(a) → \(b) (\(b - a > 0 ? "+" : "")\(b - a))"
    case (let a?, nil): return "\(a) → none (gone)"
    case (nil, let b?): return "none → \(b) (new)"
    }
  }

  static func report(
    base: WallsResult, baseScenario: Scenario, whatIf: WallsResult, scenario: Scenario, overrides: [String]
  ) -> Report {
    let label = scenario.id + (overrides.isEmpty ? "" : " with --set \(overrides.joined(separator: " "))")
    var walls = Table(
      title: "What-if: \(label) against \(baseScenario.id)",
      columns: [
        .init("country"), .init("power wall"), .init("chip wall"), .init("binds"), .init("served 2030", .right),
        .init("AI power 2030", .right),
      ])
    var changed: [JSONValue] = []
    var rows: [(Bool, [String])] = []
    for (a, b) in zip(base.countries, whatIf.countries) {
      let movesWall =
        a.powerWallYear != b.powerWallYear || a.chipWallYear != b.chipWallYear || a.bindingWall != b.bindingWall
      let servedA = 1 - (a.years.first { $0.year == 2030 }?.unmetShare ?? 0)
      let servedB = 1 - (b.years.first { $0.year == 2030 }?.unmetShare ?? 0)
      let powerA = a.years.first { $0.year == 2030 }?.powerUsedMW ?? 0
      let powerB = b.years.first { $0.year == 2030 }?.powerUsedMW ?? 0
      rows.append(
        (
          movesWall,
          [
            a.country, delta(a.powerWallYear, b.powerWallYear), delta(a.chipWallYear, b.chipWallYear),
            a.bindingWall == b.bindingWall
              ? a.bindingWall.rawValue : "\(a.bindingWall.rawValue) → \(b.bindingWall.rawValue)",
            "\(WallsReport.percent(servedA)) → \(WallsReport.percent(servedB))",
            "\(Power(megawatts: powerA).formatted()) → \(Power(megawatts: powerB).formatted())",
          ]
        ))
      changed.append(
        .object([
          ("country", .string(a.country)), ("wallsMoved", .bool(movesWall)),
          (
            "powerWallYear",
            .object([
              ("baseline", a.powerWallYear.map { .number(Double($0)) } ?? .null),
              ("whatIf", b.powerWallYear.map { .number(Double($0)) } ?? .null),
            ])
          ),
          (
            "chipWallYear",
            .object([
              ("baseline", a.chipWallYear.map { .number(Double($0)) } ?? .null),
              ("whatIf", b.chipWallYear.map { .number(Double($0)) } ?? .null),
            ])
          ),
          (
            "bindingWall",
            .object([("baseline", .string(a.bindingWall.rawValue)), ("whatIf", .string(b.bindingWall.rawValue))])
          ),
          ("served2030", .object([("baseline", .number(servedA)), ("whatIf", .number(servedB))])),
          ("powerUsed2030MW", .object([("baseline", .number(powerA)), ("whatIf", .number(powerB))])),
        ]))
    }
    // Countries whose walls moved come first.
    for (_, row) in rows.filter(\.0) + rows.filter({ !$0.0 }) { walls.append(row) }
    let moved = rows.filter(\.0).count
    walls.notes = [
      moved == 0 ? "No wall year or binding wall moved." : "\(moved) countries' walls moved (listed first).",
      "Baseline cost-phase objective \(Money(dollars: base.objective * 1e6).formatted()); what-if \(Money(dollars: whatIf.objective * 1e6).formatted()).",
    ]
    return Report(
      tables: [walls],
      json: .object([
        ("baseline", .string(baseScenario.id)), ("scenario", .string(scenario.id)),
        ("overrides", .array(overrides.map { .string($0) })), ("countries", .array(changed)),
        ("baselineResult", WallsReport(result: base, scenario: baseScenario, overrides: []).json()),
        ("whatIfResult", WallsReport(result: whatIf, scenario: scenario, overrides: overrides).json()),
      ]))
  }
}

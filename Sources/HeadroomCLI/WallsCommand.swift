import ArgumentParser
import Foundation
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomSolver

/// `headroom walls`: where each country hits its power wall and its chip wall.
struct WallsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walls",
    abstract: "Find each country's power wall and chip wall (with no arguments: the bundled baseline).",
    discussion: """
      Power wall: the first year the gap exceeds the threshold share of demand (default 10 %) with chips \
      unlimited. Chip wall: the same with power unlimited. Binding wall: read from the duals of the power and \
      fleet rows in the joint model's first year over the threshold. Examples:
        headroom walls
        headroom walls --scenario china-h200 --year-by-year
        headroom walls --set demand.case=low --threshold 0.05
        headroom walls --set countries.US.power_scale=0.7 --chart walls.svg
        headroom walls --html walls.html
        headroom walls --format csv --table years
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Flag(help: "Also print every country's year-by-year table.")
  var yearByYear = false

  @Option(
    help: "Write an SVG chart of demand against power and chips per country, with the wall years marked.",
    completion: .file(extensions: ["svg"]))
  var chart: String?

  @Option(
    help:
      "Write a self-contained HTML report (summary, charts, tables, assumptions and sources) that opens offline.",
    completion: .file(extensions: ["html"]))
  var html: String?

  @Option(
    help: "Write the cost phase of the whole scenario as one LP in free MPS format.",
    completion: .file(extensions: ["mps"]))
  var exportMps: String?

  @OptionGroup var history: RunHistoryOptions

  func validate() throws {
    for (path, option) in [(chart, "--chart"), (html, "--html"), (exportMps, "--export-mps")] {
      if let path { try OutputPath.check(path, option: option) }
    }
  }

  func run() throws {
    var loaded = try scenarioOptions.load(options)
    let study = loaded.study
    let input = try study.input(loaded.scenario)
    loaded.noteUnsupplied(input)
    let result = try study.run(input)
    if let exportMps {
      try study.costProgram(loaded.scenario).writeMPS(to: URL(fileURLWithPath: exportMps))
    }
    let report = WallsReport(result: result, overrides: scenarioOptions.overrideTexts)
    // Everything that can fail happens before the run is saved: a failed command records nothing.
    let output = options.rendered(
      options.noted(
        report.report(yearByYear: yearByYear), data: loaded.data, uses: loaded.uses, scenario: loaded.scenario,
        ignored: loaded.ignored))
    if let chart {
      try WallsChart(result: result, overrides: scenarioOptions.overrideTexts).svg()
        .write(toFile: chart, atomically: true, encoding: .utf8)
    }
    if let html {
      var context = HTMLOutput.context(data: loaded.data, overrides: scenarioOptions.overrideTexts)
      context.add(scenario: loaded.scenario, catalog: loaded.catalog)
      // The charts are drawn once; only the page text is rendered again with the run id once the run is saved.
      var page = report.html(context: context)
      try HTMLOutput.write(page, to: html)
      page.context.runID = history.save(
        result, kind: .walls, overrides: scenarioOptions.allOverrides, data: loaded.data)
      if page.context.runID != nil { try HTMLOutput.write(page, to: html) }
    } else {
      history.save(result, kind: .walls, overrides: scenarioOptions.allOverrides, data: loaded.data)
    }
    print(output, terminator: "")
  }
}

import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomSolver
import HeadroomStore

/// `headroom walls`: where each country hits its power wall and its chip wall.
struct WallsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walls",
    abstract: "Find each country's power wall and chip wall (with no arguments: the bundled baseline).",
    discussion: """
      Power wall: the first year demand goes unmet with chips unlimited. Chip wall: the first year with power \
      unlimited. Binding wall: read from the duals of the power and fleet rows in the first short year of the \
      joint model. Examples:
        headroom walls
        headroom walls --scenario china-h200 --year-by-year
        headroom walls --set countries.US.power_scale=0.7 --chart walls.svg
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Flag(help: "Also print every country's year-by-year table.")
  var yearByYear = false

  @Option(help: "Write an SVG chart of demand against what can be served, with the wall years marked.")
  var chart: String?

  @Option(help: "Write the cost phase of the whole scenario as one LP in free MPS format.")
  var exportMps: String?

  @OptionGroup var history: RunHistoryOptions

  func run() throws {
    try reportingErrors {
      let (_, root, scenario, input) = try scenarioOptions.load(options)
      let runner = WallsRunner(solver: LiveSolver.solver, solverName: LiveSolver.name)
      let result = try runner.run(input)
      history.save(result, kind: .walls, overrides: try scenarioOptions.parsedOverrides(), root: root, options: options)
      if let exportMps {
        let combined = LinearProgram.combining(try runner.costPrograms(input), name: "walls-\(scenario.id)")
        try combined.writeMPS(to: URL(fileURLWithPath: exportMps))
      }
      if let chart {
        try WallsChart(result: result, scenario: scenario).svg().write(toFile: chart, atomically: true, encoding: .utf8)
      }
      options.emit(
        WallsReport(result: result, scenario: scenario, overrides: scenarioOptions.overrides).report(
          yearByYear: yearByYear))
    }
  }
}

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
        headroom whatif --scenario china-h200 --html china-h200.html
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(help: "The scenario to compare against (id in Scenarios/ or a path).", completion: IDCompletion.of(.scenario))
  var baseline = "baseline"

  @OptionGroup var history: RunHistoryOptions

  @Option(
    help:
      "Write a self-contained HTML report (summary, charts, tables, assumptions and sources) that opens offline.")
  var html: String?

  func validate() throws {
    if let html { try OutputPath.check(html, option: "--html") }
    if scenarioOptions.scenario == baseline && scenarioOptions.allOverrides.isEmpty {
      throw ValidationError("Nothing to compare: give --scenario <what-if> or at least one --set path=value.")
    }
  }

  func run() throws {
    var loaded = try scenarioOptions.load(options)
    let base = try OptionLookup.named("--baseline", baseline) { () throws(CatalogError) in
      try loaded.data.scenarios.load(baseline)
    }
    let result = try WhatIfStudy(walls: loaded.study).run(baseline: base, whatIf: loaded.scenario)
    loaded.noteUnsupplied(try loaded.study.input(loaded.scenario))
    let report = WhatIfReport(result: result, overrides: scenarioOptions.overrideTexts)
    // Everything that can fail happens before the run is saved: a failed command records nothing.
    let output = options.rendered(
      options.noted(
        report.report(), data: loaded.data, uses: loaded.uses, scenario: loaded.scenario, ignored: loaded.ignored))
    if let html {
      var context = HTMLOutput.context(data: loaded.data, overrides: scenarioOptions.overrideTexts)
      context.add(scenario: loaded.scenario, catalog: loaded.catalog)
      context.add(scenario: base, catalog: loaded.catalog)
      try HTMLOutput.write(report.html(context: context), to: html)
      context.runID = history.save(
        result.whatIf, kind: .whatif, overrides: scenarioOptions.allOverrides, data: loaded.data)
      if context.runID != nil { try HTMLOutput.write(report.html(context: context), to: html) }
    } else {
      history.save(result.whatIf, kind: .whatif, overrides: scenarioOptions.allOverrides, data: loaded.data)
    }
    print(output, terminator: "")
  }
}

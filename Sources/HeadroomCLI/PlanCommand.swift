import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomSolver
import HeadroomStore

/// `headroom plan`: fit training and inference workloads into one site's halls, racks and phased
/// power with a MIP, year by year.
struct PlanCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plan",
    abstract:
      "Plan a site's build-out for its workloads: systems per hall and year, binding limits, costs, shortfalls.",
    discussion: """
      A MIP (COIN-OR CBC) chooses whole systems per hall and year (never removed) and assigns them to the \
      training runs and inference services of a workloads file (Scenarios/workloads/<id>.yaml), within site power \
      after PUE, redundancy and derating, rack power, cooling and rack count per hall, and what the export rules in \
      force let the site's country buy each year. It minimises capex plus energy, discounted. Demand rows are \
      elastic: a plan that cannot meet its workloads reports what is short, and which limit (site power, racks, \
      supply caps, export rules) removes the shortfall when relaxed. A site with a grid request (grid_requested) or an \
      equipment order (equipment_ordered) gets its grid phases when its region's queue and its long-lead equipment allow \
      ("time to power"); behind-the-meter generation (the site's behind_the_meter, or --btm) may bridge the wait at \
      its capex, fuel cost, CO2 and lead time, within the air permit. Examples:
        headroom plan --site abilene-campus --workloads us-frontier
        headroom plan --site cn-western-hub --workloads cn-frontier \\
          --set policy.h200-sxm=allowed
        headroom plan --site dublin-colo-hall --workloads dublin-inference \\
          --from 2026 --to 2028 --format json
        headroom plan --site ercot-gigawatt-campus --workloads texas-2027 \\
          --btm none
        headroom plan --site abilene-campus --workloads us-frontier \\
          --html abilene.html
      """
  )

  @OptionGroup var options: CommonOptions

  @Option(help: "Site id ('headroom site list').", completion: IDCompletion.of(.site)) var site: String
  @Option(
    help: "Workloads id ('headroom workloads list') or a path to a workloads file.",
    completion: IDCompletion.of(.workloads))
  var workloads: String
  @Option(parsing: .unconditional, help: "First plan year (default: the file's horizon, else 2026).") var from: Int?
  @Option(parsing: .unconditional, help: "Last plan year (default: the file's horizon, else 2030).") var to: Int?

  @Option(
    name: .customLong("set"),
    help:
      "Override a workloads field, e.g. --set training.frontier-2026.deadline=2027 or --set policy.h200-sxm=allowed (repeatable)."
  )
  var overrides: [String] = []

  @Option(help: "Write the MIP in free MPS format to this file.", completion: .file(extensions: ["mps"]))
  var exportMps: String?

  @Option(
    help:
      "Write a self-contained HTML report (summary, charts, tables, assumptions and sources) that opens offline.")
  var html: String?

  @Option(
    parsing: .unconditional,
    help:
      "Stop the cost phase after this long and report the best plan found, e.g. 30s, 2min, 500ms (the service phase gets a quarter of it, each diagnosis solve an eighth)."
  )
  var timeLimit = "30s"

  @Option(parsing: .unconditional, help: "Relative MIP gap at which the solver may stop, in percent.") var gap = 0.1

  @Flag(help: "Skip the re-solves that explain which limit causes a shortfall.") var noDiagnosis = false

  @OptionGroup var history: RunHistoryOptions

  @Option(
    help:
      "Behind-the-meter options the plan may build: 'site' (the site file's behind_the_meter), 'none', 'all', or ids from Grids/generation separated by commas."
  )
  var btm = "site"

  func validate() throws {
    if let html { try OutputPath.check(html, option: "--html") }
    if let exportMps { try OutputPath.check(exportMps, option: "--export-mps") }
    try RepeatedOptions.checkUnique(overrides, option: "--set") { text in
      (try? ScenarioOverride(parsing: text).path) ?? text
    }
  }

  func run() throws {
    let data = try options.loadData()
    let catalog = data.catalog
    let site = try OptionLookup.named("--site", self.site) { () throws(CatalogError) in try catalog.site(self.site) }
    let parsed = try overrides.map { text throws(CatalogError) in try ScenarioOverride(parsing: text) }
    let workloads = try OptionLookup.named("--workloads", self.workloads) { () throws(CatalogError) in
      try data.workloads.load(self.workloads, overrides: parsed)
    }
    let (first, last) = SitePlanProblem.planYears(from: from, to: to, workloads: workloads)
    guard SitePlanProblem.isPlannable(first: first, last: last) else {
      throw CommandError(
        "--from \(first) --to \(last): expected a range of 1 to \(SitePlanProblem.maximumYears) years with --from not "
          + "after --to")
    }
    let limit = try Self.seconds(timeLimit)
    guard gap >= 0, gap < 100 else { throw CommandError("--gap \(gap): expected a percentage from 0 to 100") }
    let solveOptions = SolveOptions(timeLimit: .milliseconds(Int(limit * 1000)), relativeGap: gap / 100)
    do {
      let generation: [String]?
      switch btm {
      case "site": generation = nil
      case "none": generation = []
      case "all": generation = catalog.generation.map(\.id)
      default: generation = btm.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
      }
      let problem = try SitePlanProblem(
        catalog: catalog, site: site, workloads: workloads, years: first...last, generation: generation)
      let planner = SitePlanner(solver: CoinORSolver(), options: solveOptions, explainShortfalls: !noDiagnosis)
      if let exportMps {
        try planner.program(for: problem).program.writeMPS(to: URL(fileURLWithPath: exportMps))
      }
      let clock = ContinuousClock()
      let started = clock.now
      let plan = try planner.plan(problem)
      let seconds = TimeSpan(clock.now - started).seconds
      let report = SitePlanReport(
        plan: plan, problem: problem, workloads: workloads, overrides: parsed,
        solver: "COIN-OR CBC \(CoinORSolver.cbcVersion)", seconds: seconds, timeLimit: limit, gapTarget: gap / 100)
      let used = Set([site.id, site.country, workloads.id] + problem.systems.flatMap { [$0.id, $0.accelerator] })
      // Everything that can fail happens before the run is saved: a failed command records nothing.
      let output = options.rendered(options.noted(report.report(), data: data, uses: used))
      if let html {
        var context = HTMLOutput.context(data: data, overrides: parsed.map(\.description))
        context.add(site.provenance, item: "site \(site.id)", file: catalog.files[site.id])
        if let country = catalog.countries.first(where: { $0.id == site.country }) {
          context.add(country.provenance, item: "country \(country.id)", file: catalog.files[country.id])
        }
        try HTMLOutput.write(report.html(context: context), to: html)
      }
      if !history.noSave {
        history.save(
          RunSummary(
            plan, workloads: workloads.id, overrides: parsed, dataHash: DataHash.of(layers: data.folders.layers),
            solver: "COIN-OR CBC", solverVersion: CoinORSolver.cbcVersion), data: data)
      }
      print(output, terminator: "")
    } catch let error as LinearProgramError {
      throw CommandError("the site-plan MIP is malformed: \(error)")
    }
  }

  /// Seconds in a time limit written `30s`, `2min`, `500ms` or a plain number of seconds.
  static func seconds(_ text: String) throws -> Double {
    let seconds = Double(text).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? (try? TimeSpan(parsing: text))?.seconds
    guard let seconds, seconds > 0, seconds.isFinite else {
      throw CommandError("--time-limit \(text): expected a positive duration, e.g. 30s, 2min or 500ms")
    }
    // The solver takes whole milliseconds.
    guard Int(representing: seconds * 1000) != nil else {
      throw CommandError("--time-limit \(text): expected at most \(NumberText.readable(Double(Int.max) / 1000)) s")
    }
    return seconds
  }
}

import Benchmark
import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomReport
import HeadroomStore

// What `--html` adds to `headroom walls` on the baseline, measured apart from the solve (done once, before):
//
// - "walls HTML report: context + render + write": hash the data folder, gather the scenario's, demand case's
//   and countries' sources, render the page (four small-multiple figures of every country, the tables,
//   the sources) and write it to a file — everything the option does after the walls are solved.
// - "walls HTML report: render only": the page as text, to tell rendering from hashing and writing.
// - "walls CSV and JSON": the data tables and the JSON document every walls run renders anyway.

/// The repository's data folder, four levels above this file.
let repository = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The baseline solved once, with its catalog and scenario.
struct Solved: Sendable {
  var catalog: Catalog
  var scenario: Scenario
  var result: WallsResult

  static func baseline() throws -> Solved {
    let catalog = try CatalogLoader(root: repository).load()
    let scenario = try ScenarioLoader(catalog: catalog, root: repository).load("baseline")
    let study = WallsStudy(
      catalog: catalog, solver: CoinORSolver(), solverIdentity: .init(name: "CLP", version: CoinORSolver.clpVersion))
    return Solved(catalog: catalog, scenario: scenario, result: try study.run(scenario))
  }
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 50)

  Benchmark("walls HTML report: context + render + write") { benchmark in
    let solved = try Solved.baseline()
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("walls-\(UUID().uuidString).html")
    defer { try? FileManager.default.removeItem(at: file) }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      var context = ReportContext(
        dataHash: DataHash.of(root: repository), dataRoot: repository.path, command: "headroom walls --html")
      context.add(scenario: solved.scenario, catalog: solved.catalog)
      let page = WallsReport(result: solved.result).html(context: context).render()
      try page.write(to: file, atomically: true, encoding: .utf8)
    }
  }

  Benchmark("walls HTML report: render only") { benchmark in
    let solved = try Solved.baseline()
    var context = ReportContext(dataHash: "0", dataRoot: repository.path)
    context.add(scenario: solved.scenario, catalog: solved.catalog)
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(WallsReport(result: solved.result).html(context: context).render())
    }
  }

  Benchmark("walls CSV and JSON") { benchmark in
    let solved = try Solved.baseline()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let report = WallsReport(result: solved.result).report(yearByYear: true)
      blackHole(try report.render(.csv, table: "years"))
      blackHole(report.render(.json))
    }
  }
}

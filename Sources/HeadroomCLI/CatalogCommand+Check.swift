import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension CatalogCommand {
  /// `headroom catalog check`: source coverage, sanity ranges and references; fails below 100 %.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check every data file: source coverage (must be 100 %), sane ranges, ids and references.")

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      let loader = data.scenarios
      let check = CatalogCheck(
        data.catalog, scenarios: try Self.scenarios(loader),
        demandCases: try loader.demandCaseIDs.map { id throws(CatalogError) in try loader.loadDemandCase(id) })
      options.emit(Self.report(check), data: data, uses: [])
      if !check.passed { throw ExitCode.failure }
    }

    /// Every scenario in the data folders' Scenarios/ (not its models/ folder or the sizing tables), loaded
    /// and checked (a scenario in a folder above another replaces the one with its id).
    static func scenarios(_ loader: ScenarioLoader) throws -> [(file: String, scenario: Scenario)] {
      try loader.scenarioIDs.map { id throws(CatalogError) in
        let url = loader.url(for: id)
        return (loader.folders.display(url), try loader.load(url.path))
      }
    }

    static func report(_ check: CatalogCheck) -> Report {
      var table = Table(
        title: "Source coverage",
        columns: [
          .init("kind"), .init("items", .right), .init("figures", .right), .init("covered", .right),
          .init("of which private", .right), .init("coverage", .right),
        ])
      for entry in check.coverage {
        table.append([
          entry.kind, "\(entry.items)", "\(entry.numericFields)", "\(entry.covered)", "\(entry.coveredPrivately)",
          "\(NumberText.plain(entry.share * 100, 4)) %",
        ])
      }
      let all = check.all
      table.append([
        all.kind, "\(all.items)", "\(all.numericFields)", "\(all.covered)", "\(all.coveredPrivately)",
        "\(NumberText.plain(all.share * 100, 4)) %",
      ])
      var notes: [String] = []
      for entry in check.coverage { notes += entry.uncovered.map { "UNCOVERED \($0)" } }
      notes += check.problems.map { "OUT OF RANGE \($0)" }
      notes += check.warnings.map { "warning: \($0)" }
      let privately = all.coveredPrivately
      if privately > 0 {
        notes.append(
          "\(privately) figure\(privately == 1 ? " is" : "s are") covered privately (private: true, a note instead of a "
            + "public source): own data; reports say when a result rests on them.")
      }
      notes.append(check.passed ? "check passed" : "check FAILED")
      table.notes = notes
      var kinds = DataTable(
        name: "kinds", rowMeaning: "one row per kind of data file: items, numeric figures, figures covered by a source",
        columns: ["kind", "items", "figures", "covered", "coverageShare"])
      for entry in check.coverage {
        kinds.append([
          ("kind", .string(entry.kind)), ("items", .number(Double(entry.items))),
          ("figures", .number(Double(entry.numericFields))), ("covered", .number(Double(entry.covered))),
          ("coverageShare", .number(entry.share)),
        ])
      }
      var findings = DataTable(
        name: "findings", rowMeaning: "one row per finding: uncovered figure, value out of range, or warning",
        columns: ["finding", "text"])
      for entry in check.coverage {
        for field in entry.uncovered { findings.append([("finding", "uncovered"), ("text", .string(field))]) }
      }
      for problem in check.problems { findings.append([("finding", "outOfRange"), ("text", .string(problem))]) }
      for warning in check.warnings { findings.append([("finding", "warning"), ("text", .string(warning))]) }
      return Report(
        tables: [table],
        json: .object([
          ("passed", .bool(check.passed)), ("figures", .number(Double(all.numericFields))),
          ("covered", .number(Double(all.covered))), ("coverageShare", .number(all.share)),
          (
            "kinds",
            .array(
              check.coverage.map {
                .object([
                  ("kind", .string($0.kind)), ("items", .number(Double($0.items))),
                  ("figures", .number(Double($0.numericFields))), ("covered", .number(Double($0.covered))),
                  ("coveredPrivately", .number(Double($0.coveredPrivately))),
                  ("uncovered", .array($0.uncovered.map { .string($0) })),
                ])
              })
          ),
          ("problems", .array(check.problems.map { .string($0) })),
          ("warnings", .array(check.warnings.map { .string($0) })),
        ]), data: [kinds, findings])
    }
  }
}

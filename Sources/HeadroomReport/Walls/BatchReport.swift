import HeadroomModel
import HeadroomPlanner

/// A batch's wall years per scenario and country, as a table and JSON.
public struct BatchReport: Sendable {
  public var results: BatchResults

  public init(results: BatchResults) { self.results = results }

  public func report() -> Report {
    func year(_ value: Int?) -> String { value.map(String.init) ?? "none" }
    var table = Table(
      title: "Batch of \(results.scenarios.count) scenarios: \(results.entries.count) solved",
      columns: [
        .init("scenario"), .init("country"), .init("power wall", .right), .init("chip wall", .right),
        .init("first short", .right), .init("binds"), .init("gap", .right), .init("in", .right),
      ])
    for entry in results.entries {
      for (country, walls) in entry.walls.sorted(by: { $0.key < $1.key }) {
        table.append([
          entry.scenario, country, year(walls.powerWall), year(walls.chipWall), year(walls.firstShort), walls.binding,
          "\(NumberText.plain(walls.gapShare * 100, 3)) %", "\(entry.summaryYear)",
        ])
      }
    }
    table.notes = [
      "Walls from phase 1 of the walls model (the cost phase is not run); none = no wall within the scenario's horizon. "
        + "Gap: share of demand unmet in the year shown (2030 when in the horizon)."
    ]
    return Report(
      tables: [table],
      json: .object([
        (
          "scenarios",
          .array(
            results.scenarios.map {
              .object([("reference", .string($0.reference)), ("fileHash", .string($0.fileHash))])
            }
          )
        ),
        ("dataHash", .string(results.dataHash)),
        (
          "results",
          .array(
            results.entries.map { entry in
              .object([
                ("index", .number(Double(entry.index))), ("scenario", .string(entry.scenario)),
                ("name", .string(entry.name)), ("firstYear", .number(Double(entry.firstYear))),
                ("lastYear", .number(Double(entry.lastYear))), ("gapYear", .number(Double(entry.summaryYear))),
                (
                  "countries",
                  .array(
                    entry.walls.sorted { $0.key < $1.key }.map { country, walls in
                      .object([
                        ("country", .string(country)), ("powerWallYear", .number(walls.powerWall.map(Double.init))),
                        ("chipWallYear", .number(walls.chipWall.map(Double.init))),
                        ("firstShortYear", .number(walls.firstShort.map(Double.init))),
                        ("bindingWall", .string(walls.binding)),
                        ("gapShare", .number(JSONValue.rounded(walls.gapShare, 6))),
                      ])
                    })
                ),
              ])
            })
        ),
      ]), data: [dataTable()])
  }

  /// One row per scenario and country: its walls.
  func dataTable() -> DataTable {
    var table = DataTable(
      name: "walls", rowMeaning: "one row per scenario and country: walls and the gap share in the gap year",
      columns: [
        "scenario", "country", "powerWallYear", "chipWallYear", "firstShortYear", "bindingWall", "gapShare", "gapYear",
      ])
    for entry in results.entries {
      for (country, walls) in entry.walls.sorted(by: { $0.key < $1.key }) {
        table.append([
          ("scenario", .string(entry.scenario)), ("country", .string(country)),
          ("powerWallYear", WallsReport.year(walls.powerWall)), ("chipWallYear", WallsReport.year(walls.chipWall)),
          ("firstShortYear", WallsReport.year(walls.firstShort)), ("bindingWall", .string(walls.binding)),
          ("gapShare", .number(JSONValue.rounded(walls.gapShare, 6))), ("gapYear", .number(Double(entry.summaryYear))),
        ])
      }
    }
    return table
  }
}

import HeadroomModel
import HeadroomPlanner

extension WallsReport {
  /// The behind-the-meter generation the walls build, per country that builds any; nil when none does.
  func onSiteTable() -> Table? {
    let year = summaryYear
    let builders = result.countries.filter { country in country.years.contains { $0.onSitePower.watts > 0 } }
    guard !builders.isEmpty else { return nil }
    var table = Table(
      title: "Behind-the-meter generation the walls build (cost phase: the cheapest build that keeps what is served)",
      columns: [
        .init("country"), .init("from", .right), .init("firm \(year)", .right),
        .init("firm \(result.lastYear)", .right), .init("capex", .right), .init("CO2 \(year)", .right),
        .init("nameplate in \(result.lastYear) by option"),
      ])
    for country in builders {
      let first = country.years.first { $0.onSitePower.watts > 0 }
      let summary = country.years.first { $0.year == year }
      let last = country.years.last
      table.append([
        country.country, first.map { "\($0.year)" } ?? "", (summary?.onSitePower ?? .zero).formatted(),
        (last?.onSitePower ?? .zero).formatted(), country.onSiteCapex.formatted(),
        (summary?.onSiteEmissions ?? .zero).formatted(),
        (last?.onSiteBuilt ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.formatted())" }
          .joined(separator: ", "),
      ])
    }
    table.notes = [
      "firm = nameplate x availability, counted as power for accelerators beside the grid's; capex = overnight cost of what is built over the horizon (not discounted); CO2 = a year at firm output.",
      "Options with a yearly supply limit in Grids/generation/ only, ordered from \(result.firstYear + 1) and in service after their lead time; a country's share of a global limit is the scenario's behind_the_meter.shares. --set behind_the_meter.allowed=false forbids it.",
    ]
    return table
  }
}

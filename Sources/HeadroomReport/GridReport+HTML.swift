import Foundation
import HeadroomModel
import HeadroomPlanner

extension GridReport {
  /// `grid show` as one HTML page: the country's supply series and each region's, the additions and what limits
  /// block, the tables, and every source.
  public static func html(_ outlook: GridOutlook, context: ReportContext) -> HTMLReport {
    let country = outlook.country
    let national = outlook.national
    let years = national.years.map { Double($0.year) }
    func gigawatts(_ supply: PowerSupply) -> [Double?] { supply.years.map { $0.grid.watts / 1e9 } }
    var panels = [
      LinePanel(
        title: "\(country.id) national", subtitle: "power available to data centres (average load)", x: years,
        series: [.init("available", gigawatts(national), .powerAvailable)], yTitle: "GW (average load)", unit: "GW",
        label: country.id)
    ]
    for entry in outlook.regions {
      panels.append(
        LinePanel(
          title: "\(entry.region.id)", subtitle: ReportText.clip(entry.region.name, 44),
          x: entry.supply.years.map { Double($0.year) },
          series: [.init("available", gigawatts(entry.supply), .chipsObtainable)], yTitle: "GW (connected)", unit: "GW",
          label: entry.region.id))
    }
    let series = SmallMultiples(
      id: "grid-supply",
      title: "\(country.name) (\(country.id)): power available to data centres, \(outlook.from)-\(outlook.to)",
      subtitle: "The country, then each region a site can name; each panel on its own scale.",
      legend: [
        LegendEntry("national (average load)", .powerAvailable),
        LegendEntry("region (connected capacity)", .chipsObtainable),
      ], panels: panels, columns: min(3, panels.count), panelWidth: 400, panelHeight: 230)
    let additions = BarChart(
      id: "grid-additions", title: "Data-centre supply added each year, and what limits block",
      subtitle: "\(country.id): additions reaching data centres after the time to energise",
      categories: national.years.map { String($0.year) },
      stacks: [
        .init("added", national.years.map { $0.gridAdded.watts / 1e9 }, ChartStyle(color: ChartStyle.Palette.green)),
        .init(
          "blocked by limits", national.years.map { $0.gridBlocked.watts / 1e9 },
          ChartStyle(color: ChartStyle.Palette.vermilion)),
      ], yTitle: "GW a year", xTitle: "year", unit: "GW")
    let first = national.years.first
    let last = national.years.last
    var summary = "\(country.name) (\(country.id)): power available to data centres"
    if let first, let last {
      summary += " grows from \(first.grid.formatted()) in \(first.year) to \(last.grid.formatted()) in \(last.year)"
      if last.year > first.year, first.grid.watts > 0 {
        let rate = pow(last.grid.watts / first.grid.watts, 1 / Double(last.year - first.year)) - 1
        summary += " (\(NumberText.plain(rate * 100, 3)) % a year)"
      }
    }
    summary += "."
    let blocked = national.years.filter { $0.gridBlocked.watts > 0 }
    var second =
      country.limits.isEmpty
      ? "No limit on data-centre connections is recorded."
      : "\(country.limits.count) limit(s) recorded: "
        + country.limits.map(\.name).joined(separator: "; ") + "."
    if !blocked.isEmpty {
      second +=
        " Limits block supply in \(blocked.count) year(s), \(Power(watts: blocked.map { $0.gridBlocked.watts }.reduce(0, +)).formatted()) in all."
    }
    var context = context
    context.add(country.provenance, item: "country \(country.id)")
    for option in outlook.options { context.add(option.provenance, item: "option \(option.id)") }
    return HTMLReport(
      kind: "grid", title: "Grid: \(country.name) (\(country.id))",
      summary: [
        summary, second,
        "\(outlook.regions.count) region(s) a site can name; \(outlook.options.count) behind-the-meter option(s).",
      ],
      facts: [
        ("country", "\(country.name) (\(country.id))"), ("years", "\(outlook.from)-\(outlook.to)"),
        ("basis", national.basis.rawValue),
        ("time to energise", ReportText.years(country.interconnection?.timeToEnergise)),
      ],
      blocks: [
        .figure(.init(id: series.id, caption: "Hover a point for its value.", svg: series.svg())),
        .figure(
          .init(
            id: additions.id,
            caption: "Green: supply added that year; vermilion: additions that limits in force block.",
            svg: additions.svg())),
      ],
      tables: show(outlook).tables, context: context)
  }
}

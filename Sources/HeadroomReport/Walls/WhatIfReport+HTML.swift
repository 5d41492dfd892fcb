import Foundation
import HeadroomModel
import HeadroomPlanner

extension WhatIfReport {
  /// The what-if as one HTML page: wall years moved (baseline to what-if, per country), demand against power and
  /// chips with the baseline and the what-if overlaid, the tables, and the assumptions and sources of both runs.
  public func html(context: ReportContext) -> HTMLReport {
    let last = max(result.baseline.lastYear, result.whatIf.lastYear)
    let first = min(result.baseline.firstYear, result.whatIf.firstYear)
    func dumbbell(
      _ id: String, _ name: String, _ pick: (WhatIfResult.Country) -> WhatIfResult.Change<Int?>, _ color: String
    )
      -> HTMLReport.Figure
    {
      let chart = YearRowsChart(
        id: id, title: "\(name) year: baseline → what-if",
        subtitle: "\(label); none = no wall by \(last).", firstYear: first, lastYear: last,
        rows: result.countries.map { country in
          .init(label: country.country, baseline: pick(country).baseline, whatIf: pick(country).whatIf)
        }, color: color, xTitle: "\(name) year (none: not within the horizon)")
      return .init(
        id: id,
        caption: "Hollow: the baseline's \(name) year; filled: the what-if's; a line joins them where they differ.",
        svg: chart.svg())
    }
    let baselineCountries = Dictionary(
      result.baseline.countries.map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })
    let baselineChart = WallsChart(result: result.baseline)
    let whatIfChart = WallsChart(result: result.whatIf, overrides: overrides)
    func overlay(power: Bool) -> SmallMultiples {
      let panels = result.whatIf.countries.map { country -> LinePanel in
        var panel = power ? whatIfChart.powerPanel(country) : whatIfChart.chipsPanel(country)
        panel.subtitle = "what-if " + Self.short(WallsChart.wallsLine(country, lastYear: result.whatIf.lastYear))
        if let base = baselineCountries[country.country] {
          let basePanel = power ? baselineChart.powerPanel(base) : baselineChart.chipsPanel(base)
          let grey = ChartStyle(color: ChartStyle.Palette.grey, dash: "2 2", width: 1.4)
          panel.series =
            basePanel.series.prefix(2).map { LinePanel.Series("baseline " + $0.name, $0.values, grey) }
            + panel.series.prefix(2).map { LinePanel.Series("what-if " + $0.name, $0.values, $0.style) }
          panel.bands = panel.bands.map { band in
            var band = band
            band.name = "what-if: " + band.name
            return band
          }
          panel.subtitle += "; baseline " + Self.short(WallsChart.wallsLine(base, lastYear: result.baseline.lastYear))
        }
        return panel
      }
      let grey = ChartStyle(color: ChartStyle.Palette.grey, dash: "2 2", width: 1.4)
      return SmallMultiples(
        id: power ? "whatif-power" : "whatif-chips",
        title: power
          ? "Demand against power available (GW at the meter), baseline and what-if"
          : "Demand against obtainable chips (million H100e), baseline and what-if",
        subtitle: label,
        legend: [
          LegendEntry("baseline (grey, dotted)", grey), LegendEntry("what-if demand", .demand),
          LegendEntry(
            power ? "what-if power available" : "what-if chips obtainable", power ? .powerAvailable : .chipsObtainable),
          LegendEntry(
            "what-if gap", ChartStyle(color: power ? ChartStyle.Palette.vermilion : ChartStyle.Palette.blue),
            kind: .area),
        ] + WallsChart.markerLegend, panels: panels)
    }
    let power = overlay(power: true)
    let chips = overlay(power: false)
    var context = context
    context.overrides = overrides
    return HTMLReport(
      kind: "whatif", title: "What-if: \(label)", summary: summary(),
      facts: [
        ("baseline", result.baseline.scenarioName + " (\(result.baseline.scenario))"),
        ("what-if", result.whatIf.scenarioName + " (\(result.whatIf.scenario))"),
        ("horizon", "\(result.whatIf.firstYear)-\(result.whatIf.lastYear)"),
        ("comparison year", result.comparisonYear.map(String.init) ?? "none"),
        ("solver", "\(result.whatIf.solver.name) \(result.whatIf.solver.version)"),
      ],
      blocks: [
        .row([
          dumbbell("whatif-power-wall", "power wall", { $0.powerWallYear }, ChartStyle.Palette.vermilion),
          dumbbell("whatif-chip-wall", "chip wall", { $0.chipWallYear }, ChartStyle.Palette.blue),
        ]),
        .figure(
          .init(
            id: power.id, caption: "Grey dotted: the baseline's demand and power available; colours: the what-if's.",
            svg: power.svg())),
        .figure(
          .init(
            id: chips.id, caption: "Grey dotted: the baseline's demand and chips obtainable; colours: the what-if's.",
            svg: chips.svg())),
      ],
      tables: report().tables,
      foldedTables: [
        ("Baseline walls", WallsReport(result: result.baseline).report(yearByYear: false).tables),
        ("What-if walls", WallsReport(result: result.whatIf, overrides: overrides).report(yearByYear: false).tables),
      ], context: context)
  }

  /// `P 2029 · C none` from `power wall 2029 · chip wall none by 2035`.
  static func short(_ line: String) -> String {
    line.replacingOccurrences(of: "power wall", with: "P").replacingOccurrences(of: "chip wall", with: "C")
      .replacingOccurrences(of: #" by \d{4}"#, with: "", options: .regularExpression)
  }

  /// The what-if scenario and its overrides, against the baseline.
  var label: String {
    result.whatIf.scenario + (overrides.isEmpty ? "" : " with --set \(overrides.joined(separator: " "))")
      + " against \(result.baseline.scenario)"
  }

  /// The comparison in words.
  func summary() -> [String] {
    let moved = result.countries.filter(\.wallsMoved)
    var first = "What-if \(label). "
    if moved.isEmpty {
      first += "No country's wall year or binding wall moves."
    } else {
      first += "\(moved.count) of \(result.countries.count) countries' walls move: "
      first +=
        moved.map { country in
          var parts: [String] = []
          if country.powerWallYear.changed { parts.append("power wall \(Self.delta(country.powerWallYear))") }
          if country.chipWallYear.changed { parts.append("chip wall \(Self.delta(country.chipWallYear))") }
          if country.bindingWall.changed {
            parts.append("binds \(country.bindingWall.baseline.rawValue) → \(country.bindingWall.whatIf.rawValue)")
          }
          return "\(country.country) (\(parts.joined(separator: ", ")))"
        }.joined(separator: "; ") + "."
    }
    var paragraphs = [first]
    if let year = result.comparisonYear {
      let shifts = result.countries.filter { abs($0.servedShare.whatIf - $0.servedShare.baseline) > 0.005 }
        .sorted {
          abs($0.servedShare.whatIf - $0.servedShare.baseline) > abs($1.servedShare.whatIf - $1.servedShare.baseline)
        }
        .prefix(4)
      paragraphs.append(
        shifts.isEmpty
          ? "In \(year) the share of demand served changes by less than half a point in every country."
          : "In \(year) the share of demand served moves most in "
            + shifts.map {
              "\($0.country) (\(WallsReport.percent($0.servedShare.baseline)) → \(WallsReport.percent($0.servedShare.whatIf)))"
            }.joined(separator: ", ") + ".")
    }
    return paragraphs
  }
}

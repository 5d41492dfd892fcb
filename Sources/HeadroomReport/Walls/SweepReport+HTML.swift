import HeadroomModel
import HeadroomPlanner

extension SweepReport {
  /// The sweep as one HTML page: each country's distribution of wall years, a tornado of the inputs that move
  /// them (Spearman correlations for a random sweep, total-order Sobol indices for a Sobol sweep), the tables,
  /// and the sweep's inputs.
  public func html(context: ReportContext) -> HTMLReport {
    let summary = SweepSummary(samples: samples.samples, ranges: samples.ranges, lastYear: samples.lastYear)
    let none = samples.lastYear + 1
    func distribution(
      _ id: String, _ name: String, _ pick: (SweepSample.Walls) -> Int?,
      _ percentiles: (SweepSummary.Country) -> SweepSummary.Percentiles, _ color: String
    )
      -> HTMLReport.Figure
    {
      let rows = summary.countries.map { country -> YearRowsChart.Row in
        var counts = [Double](repeating: 0, count: none - samples.firstYear + 1)
        for sample in samples.samples {
          guard let walls = sample.walls[country.country] else { continue }
          let year = min(pick(walls) ?? none, none)
          counts[max(0, year - samples.firstYear)] += 1
        }
        let total = max(1, Double(samples.samples.count))
        let p = percentiles(country)
        return .init(label: country.country, shares: counts.map { $0 / total }, percentiles: (p.p5, p.p50, p.p95))
      }
      let chart = YearRowsChart(
        id: id, title: "Distribution of the \(name) year over \(samples.samples.count) samples",
        subtitle: "\(samples.scenario); darker = more samples; none = no wall by \(samples.lastYear).",
        firstYear: samples.firstYear, lastYear: samples.lastYear, rows: rows, color: color,
        xTitle: "\(name) year (none: not within the horizon)")
      return .init(
        id: id,
        caption: "Each cell: the share of samples whose \(name) falls in that year. Line: p5 to p95; diamond: median.",
        svg: chart.svg())
    }
    var blocks: [HTMLReport.Block] = [
      .row([
        distribution(
          "sweep-power-wall", "power wall", { $0.powerWall }, { $0.powerWall }, ChartStyle.Palette.vermilion),
        distribution("sweep-chip-wall", "chip wall", { $0.chipWall }, { $0.chipWall }, ChartStyle.Palette.blue),
      ])
    ]
    if samples.method == .sobol, let sobol = try? SobolSummary(samples: samples) {
      func tornado(_ output: SobolSummary.Output, _ name: String, _ color: String) -> HTMLReport.Figure {
        var bars: [TornadoChart.Bar] = []
        for country in sobol.countries {
          guard let indices = country.outputs.first(where: { $0.output == output }) else { continue }
          for input in indices.inputs.sorted(by: { $0.totalOrder.estimate > $1.totalOrder.estimate })
          where input.totalOrder.estimate >= SobolReport.shownTotalOrder {
            bars.append(
              .init(
                group: country.country, label: input.input, value: input.totalOrder.estimate,
                low: input.totalOrder.low, high: input.totalOrder.high))
          }
        }
        let id = "sweep-tornado-\(output.rawValue)"
        return .init(
          id: id,
          caption:
            "Total-order Sobol index ST: the share of the \(name) year's variance that goes if the input is fixed; whiskers: \(NumberText.plain(sobol.bootstrap.level * 100, 3)) % bootstrap interval. Inputs below \(NumberText.plain(SobolReport.shownTotalOrder, 2)) are left out.",
          svg: TornadoChart(
            id: id, title: "What moves the \(name): total-order Sobol indices",
            subtitle: "Per country, inputs with ST ≥ \(NumberText.plain(SobolReport.shownTotalOrder, 2))", bars: bars,
            range: 0...1, xTitle: "total-order Sobol index (share of variance)", color: color
          ).svg())
      }
      blocks.append(
        .row([
          tornado(.powerWall, "power wall", ChartStyle.Palette.vermilion),
          tornado(.chipWall, "chip wall", ChartStyle.Palette.blue),
        ]))
    } else {
      func tornado(
        _ name: String, _ key: String, _ pick: (SweepSummary.Country) -> [SweepSummary.Influence], _ color: String
      )
        -> HTMLReport.Figure
      {
        var bars: [TornadoChart.Bar] = []
        for country in summary.countries {
          for influence in pick(country) where abs(influence.correlation) >= 0.05 {
            bars.append(.init(group: country.country, label: influence.input, value: influence.correlation))
          }
        }
        let id = "sweep-tornado-\(key)"
        return .init(
          id: id,
          caption:
            "Spearman rank correlation of each input with the \(name) year; negative (vermilion): a higher input brings the wall earlier. |rho| < 0.05 is left out.",
          svg: TornadoChart(
            id: id, title: "What moves the \(name): Spearman rank correlation",
            subtitle: "Per country, inputs with |rho| ≥ 0.05", bars: bars, range: -1...1,
            xTitle: "Spearman rank correlation with the \(name) year", color: color
          ).svg())
      }
      blocks.append(
        .row([
          tornado("power wall", "powerWall", { $0.powerDrivers }, ChartStyle.Palette.green),
          tornado("chip wall", "chipWall", { $0.chipDrivers }, ChartStyle.Palette.blue),
        ]))
    }
    var context = context
    context.overrides = samples.overrides
    return HTMLReport(
      kind: "sweep", title: "Sweep of \(samples.scenario)", summary: words(summary),
      facts: [
        ("scenario", samples.scenario), ("method", samples.method.rawValue),
        ("samples", "\(samples.samples.count) of \(samples.samplesRequested) runs"), ("seed", "\(samples.seed)"),
        (
          "inputs varied",
          samples.ranges.map { "\($0.path) in [\(NumberText.plain($0.low, 4)), \(NumberText.plain($0.high, 4))]" }
            .joined(separator: "; ")
        ),
        ("horizon", "\(samples.firstYear)-\(samples.lastYear)"),
      ],
      blocks: blocks, tables: report().tables, context: context)
  }

  /// The sweep in words: how spread the walls are and which inputs move them.
  func words(_ summary: SweepSummary) -> [String] {
    let none = samples.lastYear + 1
    func year(_ value: Int) -> String { value >= none ? "none" : "\(value)" }
    var first =
      "\(samples.samples.count) runs of \(samples.scenario) (\(samples.method.rawValue), seed \(samples.seed)) vary "
      + samples.ranges.map { "\($0.path) from \(NumberText.plain($0.low, 4)) to \(NumberText.plain($0.high, 4))" }
      .joined(separator: ", ") + ". "
    let spread = summary.countries.filter { $0.powerWall.p5 != $0.powerWall.p95 || $0.chipWall.p5 != $0.chipWall.p95 }
    first +=
      spread.isEmpty
      ? "No country's wall year moves across the samples."
      : "Wall years move in \(spread.count) of \(summary.countries.count) countries: "
        + spread.prefix(6).map {
          "\($0.country) power \(year($0.powerWall.p5))-\(year($0.powerWall.p95)), chip \(year($0.chipWall.p5))-\(year($0.chipWall.p95))"
        }.joined(separator: "; ") + (spread.count > 6 ? "; ..." : "") + " (p5-p95)."
    var tally: [String: Int] = [:]
    for country in summary.countries {
      for list in [country.powerDrivers, country.chipDrivers] {
        if let top = list.first, abs(top.correlation) >= 0.05 { tally[top.input, default: 0] += 1 }
      }
    }
    let second =
      tally.isEmpty
      ? "No input moves a wall year by |rho| ≥ 0.05."
      : "The input that moves a wall most often: "
        + tally.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) (\($0.value) walls)" }
        .joined(separator: ", ") + "."
    return [first, second]
  }
}

import HeadroomModel
import HeadroomPlanner

extension SitePlanReport {
  /// The plan as one HTML page: IT power installed by hall and year (stacked) against what the site makes
  /// available, the shortfalls, the tables, and the site's and workloads' sources.
  public func html(context: ReportContext) -> HTMLReport {
    let years = plan.years
    let halls = plan.builds.reduce(into: [String]()) { names, build in
      if !names.contains(build.hall) { names.append(build.hall) }
    }
    let stacks = halls.enumerated().map { index, hall in
      LinePanel.Series(
        hall,
        years.map { year in
          plan.builds.filter { $0.year == year && $0.hall == hall }.map(\.itMegawatts).reduce(0, +)
        }, ChartStyle(color: ChartStyle.Palette.cycle[index % ChartStyle.Palette.cycle.count]))
    }
    let summaries = Dictionary(plan.yearSummaries.map { ($0.year, $0) }, uniquingKeysWith: { first, _ in first })
    let build = BarChart(
      id: "plan-build-out", title: "Build-out by hall and year: IT power installed against IT power available",
      subtitle: "\(plan.site) (\(plan.country)), workloads '\(workloads.id)'",
      categories: years.map(String.init), stacks: stacks,
      lines: [
        .init("IT power available", years.map { summaries[$0]?.itAvailableMegawatts }, .powerAvailable),
        .init(
          "IT power used", years.map { summaries[$0]?.itUsedMegawatts },
          ChartStyle(color: ChartStyle.Palette.black, dash: "5 3", width: 2)),
      ], yTitle: "IT power (MW)", xTitle: "year", unit: "MW")
    var blocks: [HTMLReport.Block] = [
      .figure(
        .init(
          id: build.id,
          caption:
            "Bars: IT power of the systems installed by the end of each year, stacked by hall. Green: IT power the site delivers (supply × derating / redundancy / PUE); dashed: IT power the systems use at their maximum.",
          svg: build.svg()))
    ]
    let racks = BarChart(
      id: "plan-racks", title: "Racks used against usable racks",
      subtitle: "\(plan.site): racks filled by the systems installed, per year",
      categories: years.map(String.init),
      stacks: halls.enumerated().map { index, hall in
        LinePanel.Series(
          hall,
          years.map { year in Double(plan.hallYears.first { $0.year == year && $0.hall == hall }?.racksUsed ?? 0) },
          ChartStyle(color: ChartStyle.Palette.cycle[index % ChartStyle.Palette.cycle.count]))
      },
      lines: [.init("usable racks", years.map { summaries[$0].map { Double($0.usableRacks) } }, .powerAvailable)],
      yTitle: "racks", xTitle: "year", unit: "racks")
    let short = BarChart(
      id: "plan-shortfalls", title: "Shortfalls: share of each workload's demand not served",
      subtitle: plan.shortfalls.isEmpty ? "Every workload is met in full." : "\(plan.shortfalls.count) shortfall(s)",
      categories: plan.shortfalls.map { "\($0.workload) \($0.year.map(String.init) ?? "window")" },
      stacks: [
        .init(
          "short (% of demand)", plan.shortfalls.map { $0.share * 100 },
          ChartStyle(color: ChartStyle.Palette.vermilion))
      ], yTitle: "share of demand short (%)", xTitle: "workload and year", unit: "%")
    blocks.append(
      .row([
        .init(
          id: racks.id, caption: "Racks used per hall (stacked) and the site's usable racks.",
          svg: racks.svg(width: 600)),
        .init(
          id: short.id,
          caption: plan.shortfalls.isEmpty
            ? "No shortfall: the plan serves every workload."
            : "Each bar: one workload's unserved share; the shortfall table says which limit removes it.",
          svg: short.svg(width: 600)),
      ]))
    var context = context
    context.overrides = overrides.map(\.description)
    return HTMLReport(
      kind: "plan", title: "Site plan: \(plan.site), workloads '\(workloads.id)'", summary: words(),
      facts: [
        ("site", "\(plan.site) (\(plan.country))"), ("workloads", workloads.id), ("years", yearSpan),
        ("status", plan.statusText), ("solver", "\(solver), \(NumberText.plain(seconds, 3)) s"),
        ("present value", "\(Self.money(plan.costs.totalPresent)) $M"),
      ],
      blocks: blocks, tables: report().tables, context: context)
  }

  var yearSpan: String { "\(plan.years.first ?? 0)-\(plan.years.last ?? 0)" }

  /// The plan in words.
  func words() -> [String] {
    var first =
      "The plan for \(plan.site) (\(plan.country)), \(yearSpan), workloads '\(workloads.id)', is \(plan.statusText). "
    let installed = plan.yearSummaries.last
    if let installed {
      first +=
        "By \(installed.year) it installs \(ReportText.grouped(Double(installed.acceleratorsInstalled))) accelerators "
        + "using \(Self.mw(installed.itUsedMegawatts)) MW of \(Self.mw(installed.itAvailableMegawatts)) MW of IT power "
        + "and \(ReportText.grouped(Double(installed.racksUsed))) of \(ReportText.grouped(Double(installed.usableRacks))) racks, "
        + "for \(Self.money(plan.costs.totalPresent)) $M in present value (capex \(Self.money(plan.costs.capexPresent)) $M, energy \(Self.money(plan.costs.energyPresent)) $M)."
    }
    let second =
      plan.shortfalls.isEmpty
      ? "Every workload is served in full."
      : "\(plan.shortfalls.count) shortfall\(plan.shortfalls.count == 1 ? "" : "s"): "
        + plan.shortfalls.map {
          "\($0.workload) \($0.year.map(String.init) ?? "over its window") \(Self.percent($0.share)) short (\($0.explanation))"
        }.joined(separator: "; ") + "."
    let binding = plan.yearSummaries.map { "\($0.year): \($0.bindingText)" }.joined(separator: "; ")
    return [first, second, "Binding limits by year: \(binding)."]
  }
}

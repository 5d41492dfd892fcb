import HeadroomModel
import HeadroomPlanner

extension WallsReport {
  /// The walls as one HTML page: a summary in words, demand against power and against chips per country (each
  /// country's own scale, or one scale for all), the tables, and the assumptions and sources.
  public func html(context: ReportContext) -> HTMLReport {
    let chart = WallsChart(result: result, overrides: overrides)
    let threshold = Self.percent(result.wallThreshold)
    let caption =
      "Shaded: the gap. ▲ at the top: the power wall (first year the gap exceeds \(threshold) of demand with chips unlimited); ● at the bottom: the chip wall (the same with power unlimited). Hover a point for its value."
    let powerNote =
      " Demand in GW is what it would draw on the year's most power-efficient chips, a floor: an older fleet draws more, so power used can lie above it."
    func choice(_ id: String, own: SmallMultiples, shared: SmallMultiples, note: String = "") -> HTMLReport.Block {
      let caption = caption + note
      return .choice(
        .init(
          id: id,
          options: [
            ("each country's own scale", .init(id: own.id, caption: caption, svg: own.svg())),
            (
              "one scale for every country",
              .init(
                id: shared.id, caption: caption + " One scale: sizes compare across countries.", svg: shared.svg())
            ),
          ]))
    }
    var context = context
    context.overrides = overrides
    return HTMLReport(
      kind: "walls", title: "Walls: \(result.scenarioName)", summary: summary(),
      facts: [
        ("scenario", "\(result.scenarioName) (\(result.scenario))"),
        ("horizon", "\(result.firstYear)-\(result.lastYear)"), ("demand case", result.demandCase),
        ("wall threshold", threshold), ("shortage split", result.split.rawValue),
        ("solver", "\(result.solver.name) \(result.solver.version)"),
        (
          "cost-phase objective",
          "\(result.objective.formatted()) (present value at \(Self.percent(result.discountRate)))"
        ),
      ],
      blocks: [
        choice(
          "walls-power", own: chart.powerFigure(sharedScale: false), shared: chart.powerFigure(sharedScale: true),
          note: powerNote),
        choice(
          "walls-chips", own: chart.chipsFigure(sharedScale: false), shared: chart.chipsFigure(sharedScale: true)),
      ],
      tables: report(yearByYear: false).tables,
      foldedTables: [("Year by year, per country", result.countries.map(Self.yearTable))], context: context)
  }

  /// The result in words: who hits which wall when, what binds, and where the gaps are largest.
  func summary() -> [String] {
    let countries = result.countries
    func list(_ entries: [(String, Int)]) -> String {
      entries.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
    let power = countries.compactMap { country in country.powerWallYear.map { (country.country, $0) } }
    let chip = countries.compactMap { country in country.chipWallYear.map { (country.country, $0) } }
    let neither = countries.filter { $0.powerWallYear == nil && $0.chipWallYear == nil }.map(\.country)
    var first =
      "Under \(result.scenarioName) (\(result.scenario)), \(result.firstYear)-\(result.lastYear), demand case \(result.demandCase)"
      + (overrides.isEmpty ? "" : " with --set \(overrides.joined(separator: " "))")
      + ", \(countries.count) countries and regions are modelled. "
    first +=
      power.isEmpty
      ? "None hits the power wall by \(result.lastYear). "
      : "\(power.count) hit the power wall within the horizon (\(list(power))). "
    first +=
      chip.isEmpty
      ? "None hits the chip wall by \(result.lastYear)." : "\(chip.count) hit the chip wall (\(list(chip)))."
    if !neither.isEmpty { first += " Neither wall by \(result.lastYear): \(neither.joined(separator: ", "))." }
    var binding: [String] = []
    for kind in [WallsResult.Binding.power, .chip, .both] {
      let names = countries.filter { $0.bindingWall == kind }.map(\.country)
      if !names.isEmpty { binding.append("\(kind.rawValue) in \(names.joined(separator: ", "))") }
    }
    let second =
      binding.isEmpty
      ? "No country falls short of its demand by more than \(Self.percent(result.wallThreshold)) in any year."
      : "In the first year a country falls short by more than \(Self.percent(result.wallThreshold)), the binding limit is "
        + binding.joined(separator: "; ") + "."
    let year = summaryYear
    let gaps = countries.compactMap { country -> (String, WallsResult.Year)? in
      country.years.first { $0.year == year }.map { (country.country, $0) }
    }.filter { $0.1.gapShare > 0.001 }.sorted { $0.1.gapShare > $1.1.gapShare }.prefix(3)
    let third =
      gaps.isEmpty
      ? "In \(year) every country's demand is served."
      : "In \(year) the largest shares of demand left unserved are "
        + gaps.map {
          "\($0.0) \(Self.percent($0.1.gapShare)) (\($0.1.gap.formatted()) short; power gap \($0.1.powerGap.formatted()), chip gap \($0.1.chipGap.formatted()))"
        }.joined(separator: ", ") + "."
    return [first, second, third]
  }
}

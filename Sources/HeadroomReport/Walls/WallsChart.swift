import HeadroomModel
import HeadroomPlanner

/// The walls as charts: per country, demand against power available (GW at the meter) and against obtainable
/// chips (million H100e) over the years, the gaps shaded, and both wall years marked on every panel — the power
/// wall as a triangle at the top, the chip wall as a circle at the bottom, so equal years stay apart.
///
/// ``svg()`` is the `walls --chart` file; the HTML report (``WallsHTML``) draws the same panels.
public struct WallsChart: Sendable {
  public var result: WallsResult
  public var overrides: [String]

  public init(result: WallsResult, overrides: [String] = []) {
    self.result = result
    self.overrides = overrides
  }

  /// What the result ran on, for chart titles: the scenario, its horizon, and the overrides.
  var runLabel: String {
    "\(result.scenarioName), \(result.firstYear)-\(result.lastYear), demand case \(result.demandCase)"
      + (overrides.isEmpty ? "" : "; --set \(overrides.joined(separator: " "))")
  }

  /// `power wall 2028 · chip wall none by 2035`.
  static func wallsLine(_ country: WallsResult.Country, lastYear: Int) -> String {
    func year(_ value: Int?) -> String { value.map(String.init) ?? "none by \(lastYear)" }
    return "power wall \(year(country.powerWallYear)) · chip wall \(year(country.chipWallYear))"
  }

  /// The wall markers of a country, both on every panel.
  static func markers(_ country: WallsResult.Country, threshold: String) -> [LinePanel.Marker] {
    var markers: [LinePanel.Marker] = []
    if let year = country.powerWallYear {
      markers.append(
        .init(
          x: Double(year), label: "P \(year)",
          tooltip:
            "\(country.country) power wall \(year): first year the gap exceeds \(threshold) of demand with chips unlimited",
          style: .powerWall, place: .top))
    }
    if let year = country.chipWallYear {
      markers.append(
        .init(
          x: Double(year), label: "C \(year)",
          tooltip:
            "\(country.country) chip wall \(year): first year the gap exceeds \(threshold) of demand with power unlimited",
          style: .chipWall, place: .bottom))
    }
    return markers
  }

  /// Demand against power available and used, in GW, with the power gap shaded.
  public func powerPanel(_ country: WallsResult.Country, title: String? = nil) -> LinePanel {
    let years = country.years.map { Double($0.year) }
    let demand = country.years.map { Optional($0.demandPower.watts / 1e9) }
    let available = country.years.map { Optional($0.powerAvailable.watts / 1e9) }
    return LinePanel(
      title: title ?? "\(country.country) power", subtitle: Self.wallsLine(country, lastYear: result.lastYear),
      x: years,
      series: [
        .init("demand", demand, .demand), .init("power available", available, .powerAvailable),
        .init("power used", country.years.map { Optional($0.powerUsed.watts / 1e9) }, .powerUsed),
      ],
      bands: [
        .init("demand above power available", upper: demand, lower: available, color: ChartStyle.Palette.vermilion)
      ],
      markers: Self.markers(country, threshold: WallsReport.percent(result.wallThreshold)),
      yTitle: "GW at the meter", unit: "GW", label: country.country)
  }

  /// Demand against obtainable chips and the fleet owned, in million H100e, with the chip gap shaded.
  public func chipsPanel(_ country: WallsResult.Country, title: String? = nil) -> LinePanel {
    let years = country.years.map { Double($0.year) }
    let demand = country.years.map { Optional($0.demand.value / 1e6) }
    let obtainable = country.years.map { Optional($0.chipsObtainable.value / 1e6) }
    return LinePanel(
      title: title ?? "\(country.country) chips", subtitle: Self.wallsLine(country, lastYear: result.lastYear),
      x: years,
      series: [
        .init("demand", demand, .demand), .init("chips obtainable", obtainable, .chipsObtainable),
        .init("fleet owned", country.years.map { Optional($0.fleet.value / 1e6) }, .fleet),
      ],
      bands: [.init("demand above chips obtainable", upper: demand, lower: obtainable, color: ChartStyle.Palette.blue)],
      markers: Self.markers(country, threshold: WallsReport.percent(result.wallThreshold)),
      yTitle: "million H100e", unit: "million H100e", label: country.country)
  }

  static let markerLegend = [
    LegendEntry("power wall (▲ top)", .powerWall, kind: .marker),
    LegendEntry("chip wall (● bottom)", .chipWall, kind: .marker),
  ]

  static let powerLegend =
    [
      LegendEntry("demand (GW on the year's most efficient chips: a floor)", .demand),
      LegendEntry("power available", .powerAvailable), LegendEntry("power used", .powerUsed),
      LegendEntry("gap: demand above power", ChartStyle(color: ChartStyle.Palette.vermilion), kind: .area),
    ] + markerLegend

  static let chipsLegend =
    [
      LegendEntry("demand", .demand), LegendEntry("chips obtainable", .chipsObtainable),
      LegendEntry("fleet owned", .fleet),
      LegendEntry("gap: demand above chips", ChartStyle(color: ChartStyle.Palette.blue), kind: .area),
    ] + markerLegend

  /// Every country's power panel, on one scale or each on its own.
  public func powerFigure(sharedScale: Bool) -> SmallMultiples {
    SmallMultiples(
      id: sharedScale ? "walls-power-shared" : "walls-power-own",
      title: "Demand against power available (GW at the meter), "
        + (sharedScale ? "one scale for every country" : "each country on its own scale"),
      subtitle: runLabel, legend: Self.powerLegend, panels: result.countries.map { powerPanel($0) },
      sharedScale: sharedScale)
  }

  /// Every country's chips panel, on one scale or each on its own.
  public func chipsFigure(sharedScale: Bool) -> SmallMultiples {
    SmallMultiples(
      id: sharedScale ? "walls-chips-shared" : "walls-chips-own",
      title: "Demand against obtainable chips (million H100e), "
        + (sharedScale ? "one scale for every country" : "each country on its own scale"),
      subtitle: runLabel, legend: Self.chipsLegend, panels: result.countries.map { chipsPanel($0) },
      sharedScale: sharedScale)
  }

  /// The `--chart` file: per country its power panel and its chips panel side by side, each on its own scale.
  public func svg() -> String {
    let threshold = WallsReport.percent(result.wallThreshold)
    return SmallMultiples(
      id: "walls", title: "Walls: \(runLabel)",
      subtitle:
        "Per country: demand against power available (GW) and against obtainable chips (million H100e), each panel on its own scale. Walls: the first year the gap exceeds \(threshold) of demand with the other limit lifted. Demand in GW is what it would draw on the year's most power-efficient chips; an older fleet draws more, so power used can lie above it.",
      legend: [LegendEntry("demand", .demand)] + Array(Self.powerLegend[1..<3]) + [
        LegendEntry("chips obtainable", .chipsObtainable), LegendEntry("fleet owned", .fleet),
      ] + Self.markerLegend,
      panels: result.countries.flatMap { [powerPanel($0), chipsPanel($0)] }
    ).svg(standalone: true)
  }
}

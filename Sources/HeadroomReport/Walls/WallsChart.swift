import Foundation
import HeadroomModel
import HeadroomPlanner

/// The walls as an SVG chart: per country, demand against power available (GW) and against
/// obtainable chips (million H100e), each on its own scale, with the power wall on the power panel and
/// the chip wall on the chips panel (so equal years never hide each other).
public struct WallsChart: Sendable {
  public var result: WallsResult
  public var overrides: [String]

  public init(result: WallsResult, overrides: [String] = []) {
    self.result = result
    self.overrides = overrides
  }

  static func range(_ values: [Double]) -> ClosedRange<Double> {
    let top = values.filter(\.isFinite).max() ?? 1
    guard top > 0 else { return 0...1 }
    let power = pow(10, floor(log10(top)))
    let steps: [Double] = [1, 2, 2.5, 5, 10]
    let step = steps.map { $0 * power }.first { $0 * 4 >= top } ?? power * 10
    return 0...(step * 4)
  }

  public func svg() -> String {
    let years = { (country: WallsResult.Country) in country.years.map { Double($0.year) } }
    var panels: [SVGChart.Panel] = []
    for country in result.countries {
      let demandGW = country.years.map { $0.demandPower.watts / 1e9 }
      let availableGW = country.years.map { $0.powerAvailable.watts / 1e9 }
      let usedGW = country.years.map { $0.powerUsed.watts / 1e9 }
      panels.append(
        SVGChart.Panel(
          title:
            "\(country.country) power: wall \(country.powerWallYear.map(String.init) ?? "none by \(result.lastYear)")",
          xValues: years(country),
          series: [
            .init(name: "demand", values: demandGW, dashed: true),
            .init(name: "available", values: availableGW, dashed: false),
            .init(name: "used", values: usedGW, dashed: false),
          ],
          markers: country.powerWallYear.map {
            [SVGChart.Marker(x: Double($0), label: "power wall \($0)", color: "#d62728")]
          }
            ?? [],
          yRange: Self.range(demandGW + availableGW), yLabel: "GW at the meter"))
      let demandH = country.years.map { $0.demand.value / 1e6 }
      let obtainableH = country.years.map { $0.chipsObtainable.value / 1e6 }
      let fleetH = country.years.map { $0.fleet.value / 1e6 }
      panels.append(
        SVGChart.Panel(
          title:
            "\(country.country) chips: wall \(country.chipWallYear.map(String.init) ?? "none by \(result.lastYear)")",
          xValues: years(country),
          series: [
            .init(name: "demand", values: demandH, dashed: true),
            .init(name: "obtainable", values: obtainableH, dashed: false),
            .init(name: "fleet", values: fleetH, dashed: false),
          ],
          markers: country.chipWallYear.map {
            [SVGChart.Marker(x: Double($0), label: "chip wall \($0)", color: "#1f77b4")]
          }
            ?? [],
          yRange: Self.range(demandH + obtainableH), yLabel: "million H100e"))
    }
    let threshold = WallsReport.percent(result.wallThreshold)
    return SVGChart(
      title: "\(result.scenarioName): demand against power and chips"
        + (overrides.isEmpty ? "" : " (--set \(overrides.joined(separator: " ")))"),
      subtitle:
        "Grey dashed: demand. Green: available (power) / obtainable (chips). Orange: used / owned. Walls: first year the gap exceeds \(threshold) of demand with the other limit lifted.",
      panels: panels, yRange: 0...1, yLabel: "", columns: 4
    ).render()
  }
}

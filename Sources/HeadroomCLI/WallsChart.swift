import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// The SVG chart of the walls: per country, demand against what is served, with the wall years marked.
struct WallsChart {
  var result: WallsResult
  var scenario: Scenario

  func svg() -> String {
    let panels = result.countries.map { country in
      SVGChart.Panel(
        title: "\(country.country): binds \(country.bindingWall.rawValue)",
        xValues: country.years.map { Double($0.year) },
        series: [
          .init(name: "demand", values: country.years.map { _ in 100 }, dashed: true),
          .init(name: "served", values: country.years.map { 100 * (1 - $0.unmetShare) }, dashed: false),
        ],
        markers: [
          country.powerWallYear.map { SVGChart.Marker(x: Double($0), label: "power wall \($0)", color: "#d62728") },
          country.chipWallYear.map { SVGChart.Marker(x: Double($0), label: "chip wall \($0)", color: "#1f77b4") },
        ].compactMap { $0 })
    }
    return SVGChart(
      title: "\(scenario.name): share of demand served (%)",
      subtitle:
        "Dashed: demand (100 %). Solid: served. Red: power wall (chips unlimited). Blue: chip wall (power unlimited).",
      panels: panels, yRange: 0...100, yLabel: "% of demand"
    ).render()
  }
}

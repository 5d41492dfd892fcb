/// One small line chart over years: series, shaded bands between two series, and vertical markers
/// (wall years), with axis titles and a tooltip (`<title>`) on every point.
public struct LinePanel: Sendable {
  /// A line.
  public struct Series: Sendable {
    public var name: String
    /// One value per x; nil leaves a hole.
    public var values: [Double?]
    public var style: ChartStyle

    public init(_ name: String, _ values: [Double?], _ style: ChartStyle) {
      self.name = name
      self.values = values
      self.style = style
    }
  }

  /// A shaded area where `upper` exceeds `lower` (a gap between demand and supply).
  public struct Band: Sendable {
    public var name: String
    public var upper: [Double?]
    public var lower: [Double?]
    public var color: String

    public init(_ name: String, upper: [Double?], lower: [Double?], color: String) {
      self.name = name
      self.upper = upper
      self.lower = lower
      self.color = color
    }
  }

  /// A vertical line at an x value, its symbol at the top or the bottom of the plot and its label beside it.
  public struct Marker: Sendable {
    public enum Place: Sendable { case top, bottom }
    public var x: Double
    public var label: String
    public var tooltip: String
    public var style: ChartStyle
    public var place: Place

    public init(x: Double, label: String, tooltip: String, style: ChartStyle, place: Place) {
      self.x = x
      self.label = label
      self.tooltip = tooltip
      self.style = style
      self.place = place
    }
  }

  public var title: String
  /// A second line under the title (wall years, "no wall by 2035").
  public var subtitle: String
  public var x: [Double]
  public var series: [Series]
  public var bands: [Band]
  public var markers: [Marker]
  public var yTitle: String
  public var xTitle: String
  /// The unit written after values in tooltips (`GW`).
  public var unit: String
  /// A tooltip prefix naming the panel's item (`US 2030`).
  public var label: String

  public init(
    title: String, subtitle: String = "", x: [Double], series: [Series], bands: [Band] = [], markers: [Marker] = [],
    yTitle: String, xTitle: String = "year", unit: String, label: String
  ) {
    self.title = title
    self.subtitle = subtitle
    self.x = x
    self.series = series
    self.bands = bands
    self.markers = markers
    self.yTitle = yTitle
    self.xTitle = xTitle
    self.unit = unit
    self.label = label
  }

  /// The largest value drawn (series and bands), 0 when there is none.
  public var maximum: Double {
    let values = series.flatMap(\.values) + bands.flatMap { $0.upper + $0.lower }
    return values.compactMap { $0 }.filter(\.isFinite).max() ?? 0
  }

  /// The panel as an SVG group at (originX, originY), `width` by `height`, with the y axis from 0 to `top`.
  func render(originX: Double, originY: Double, width: Double, height: Double, top: Double? = nil) -> String {
    let axis = SVG.ticks(upTo: top ?? maximum)
    let left = originX + 46
    let right = originX + width - 10
    let plotTop = originY + (subtitle.isEmpty ? 24 : 36)
    let plotBottom = originY + height - 30
    let minX = x.min() ?? 0
    let maxX = x.max() ?? 1
    let spanX = max(maxX - minX, 1)
    func px(_ value: Double) -> Double { left + (value - minX) / spanX * (right - left) }
    func py(_ value: Double) -> Double {
      plotBottom - min(max(value, 0), axis.top) / axis.top * (plotBottom - plotTop)
    }
    var svg = "<g class=\"panel\" data-title=\"\(SVG.escape(title))\">"
    svg +=
      "<text x=\"\(SVG.f(originX + 4))\" y=\"\(SVG.f(originY + 13))\" font-size=\"12.5\" font-weight=\"bold\">\(SVG.escape(title))</text>"
    if !subtitle.isEmpty {
      svg +=
        "<text x=\"\(SVG.f(originX + 4))\" y=\"\(SVG.f(originY + 27))\" font-size=\"10.5\" fill=\"#333\">\(SVG.escape(subtitle))</text>"
    }
    svg +=
      "<rect x=\"\(SVG.f(left))\" y=\"\(SVG.f(plotTop))\" width=\"\(SVG.f(right - left))\" height=\"\(SVG.f(plotBottom - plotTop))\" fill=\"#fbfbfb\" stroke=\"#c8c8c8\"/>"
    for tick in axis.ticks {
      let y = py(tick)
      svg +=
        "<line x1=\"\(SVG.f(left))\" x2=\"\(SVG.f(right))\" y1=\"\(SVG.f(y))\" y2=\"\(SVG.f(y))\" stroke=\"#e6e6e6\"/>"
        + "<text x=\"\(SVG.f(left - 4))\" y=\"\(SVG.f(y + 3))\" font-size=\"9\" text-anchor=\"end\" fill=\"#555\">\(SVG.number(tick))</text>"
    }
    let midY = (plotTop + plotBottom) / 2
    svg +=
      "<text class=\"axis-title\" x=\"\(SVG.f(originX + 9))\" y=\"\(SVG.f(midY))\" font-size=\"9.5\" fill=\"#333\" text-anchor=\"middle\" transform=\"rotate(-90 \(SVG.f(originX + 9)) \(SVG.f(midY)))\">\(SVG.escape(yTitle))</text>"
    let step = spanX > 8 ? 2.0 : 1.0
    var tick = minX
    while tick <= maxX + 1e-9 {
      svg +=
        "<line x1=\"\(SVG.f(px(tick)))\" x2=\"\(SVG.f(px(tick)))\" y1=\"\(SVG.f(plotBottom))\" y2=\"\(SVG.f(plotBottom + 3))\" stroke=\"#888\"/>"
        + "<text x=\"\(SVG.f(px(tick)))\" y=\"\(SVG.f(plotBottom + 12))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#555\">\(SVG.number(tick).replacingOccurrences(of: ",", with: ""))</text>"
      tick += step
    }
    svg +=
      "<text class=\"axis-title\" x=\"\(SVG.f((left + right) / 2))\" y=\"\(SVG.f(plotBottom + 24))\" font-size=\"9.5\" fill=\"#333\" text-anchor=\"middle\">\(SVG.escape(xTitle))</text>"
    for band in bands {
      var upper: [(Double, Double)] = []
      var lower: [(Double, Double)] = []
      for (index, xValue) in x.enumerated() {
        guard index < band.upper.count, index < band.lower.count, let high = band.upper[index],
          let low = band.lower[index]
        else { continue }
        upper.append((px(xValue), py(max(high, low))))
        lower.append((px(xValue), py(low)))
      }
      guard upper.count > 1 else { continue }
      let points = (upper + lower.reversed()).map { "\(SVG.f($0.0)),\(SVG.f($0.1))" }.joined(separator: " ")
      svg +=
        "<polygon class=\"band\" points=\"\(points)\" fill=\"\(band.color)\" fill-opacity=\"0.22\" stroke=\"none\"><title>\(SVG.escape("\(label): \(band.name)"))</title></polygon>"
    }
    for series in series {
      var runs: [[(Double, Double)]] = [[]]
      for (index, xValue) in x.enumerated() {
        guard index < series.values.count, let value = series.values[index], value.isFinite else {
          if !(runs.last?.isEmpty ?? true) { runs.append([]) }
          continue
        }
        runs[runs.count - 1].append((px(xValue), py(value)))
      }
      let style = series.style
      for run in runs where run.count > 1 {
        svg +=
          "<polyline class=\"series\" points=\"\(run.map { "\(SVG.f($0.0)),\(SVG.f($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(style.color)\" stroke-width=\"\(SVG.f(style.width))\""
          + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + " stroke-linejoin=\"round\"/>"
      }
      for (index, xValue) in x.enumerated() {
        guard index < series.values.count, let value = series.values[index], value.isFinite else { continue }
        let year = SVG.number(xValue).replacingOccurrences(of: ",", with: "")
        svg +=
          "<circle class=\"point\" cx=\"\(SVG.f(px(xValue)))\" cy=\"\(SVG.f(py(value)))\" r=\"2.4\" fill=\"\(style.color)\"><title>\(SVG.escape("\(label) \(year): \(series.name) \(SVG.number(value)) \(unit)"))</title></circle>"
      }
    }
    for marker in markers {
      let mx = px(marker.x)
      let style = marker.style
      svg +=
        "<g class=\"marker\"><title>\(SVG.escape(marker.tooltip))</title><line x1=\"\(SVG.f(mx))\" x2=\"\(SVG.f(mx))\" y1=\"\(SVG.f(plotTop))\" y2=\"\(SVG.f(plotBottom))\" stroke=\"\(style.color)\" stroke-width=\"\(SVG.f(style.width))\""
        + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
      let symbolY = marker.place == .top ? plotTop + 5 : plotBottom - 5
      svg += ChartSymbol.svg(style.symbol, x: mx, y: symbolY, size: 5, color: style.color)
      let anchorEnd = mx > (left + right) / 2
      let labelX = anchorEnd ? mx - 7 : mx + 7
      svg +=
        "<text x=\"\(SVG.f(labelX))\" y=\"\(SVG.f(symbolY + 3.5))\" font-size=\"9.5\" fill=\"\(style.color)\" text-anchor=\"\(anchorEnd ? "end" : "start")\" font-weight=\"bold\">\(SVG.escape(marker.label))</text></g>"
    }
    return svg + "</g>"
  }
}

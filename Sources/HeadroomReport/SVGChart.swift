import Foundation
import HeadroomModel

/// Small-multiple line charts as a standalone SVG document: one panel per item, shared y range,
/// vertical markers for events (wall years).
public struct SVGChart: Sendable {
  /// A line.
  public struct Series: Sendable {
    public var name: String
    public var values: [Double]
    public var dashed: Bool
    public init(name: String, values: [Double], dashed: Bool) {
      self.name = name
      self.values = values
      self.dashed = dashed
    }
  }

  /// A vertical line at an x value, with a label.
  public struct Marker: Sendable {
    public var x: Double
    public var label: String
    public var color: String
    public init(x: Double, label: String, color: String) {
      self.x = x
      self.label = label
      self.color = color
    }
  }

  /// One small chart.
  public struct Panel: Sendable {
    public var title: String
    public var xValues: [Double]
    public var series: [Series]
    public var markers: [Marker]
    /// The panel's own y range and axis title; nil for the chart's.
    public var yRange: ClosedRange<Double>?
    public var yLabel: String?
    public init(
      title: String, xValues: [Double], series: [Series], markers: [Marker], yRange: ClosedRange<Double>? = nil,
      yLabel: String? = nil
    ) {
      self.title = title
      self.xValues = xValues
      self.series = series
      self.markers = markers
      self.yRange = yRange
      self.yLabel = yLabel
    }
  }

  public var title: String
  public var subtitle: String
  public var panels: [Panel]
  public var yRange: ClosedRange<Double>
  public var yLabel: String
  /// Panels per row.
  public var columns: Int

  public init(
    title: String, subtitle: String, panels: [Panel], yRange: ClosedRange<Double>, yLabel: String, columns: Int = 4
  ) {
    self.title = title
    self.subtitle = subtitle
    self.panels = panels
    self.yRange = yRange
    self.yLabel = yLabel
    self.columns = columns
  }

  static let colors = ["#555555", "#2ca02c", "#ff7f0e", "#9467bd"]

  /// The SVG text.
  public func render() -> String {
    let panelWidth = 300.0
    let panelHeight = 190.0
    let margin = 40.0
    let header = 70.0
    let rows = (panels.count + columns - 1) / max(columns, 1)
    let width = Double(columns) * panelWidth + margin
    let height = header + Double(rows) * panelHeight + margin
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(margin / 2)" y="28" font-size="18" font-weight="bold">\(escape(title))</text>
      <text x="\(margin / 2)" y="50" font-size="12" fill="#444">\(escape(subtitle))</text>

      """
    for (index, panel) in panels.enumerated() {
      let originX = margin / 2 + Double(index % columns) * panelWidth
      let originY = header + Double(index / columns) * panelHeight
      svg += render(panel, x: originX, y: originY, width: panelWidth - 20, height: panelHeight - 20)
    }
    return svg + "</svg>\n"
  }

  func render(_ panel: Panel, x: Double, y: Double, width: Double, height: Double) -> String {
    let yRange = panel.yRange ?? self.yRange
    let plotX = x + 40
    let plotY = y + 22
    let plotWidth = width - 50
    let plotHeight = height - 48
    guard let minX = panel.xValues.min(), let maxX = panel.xValues.max() else { return "" }
    let spanX = max(maxX - minX, 1)
    func px(_ value: Double) -> Double { plotX + (value - minX) / spanX * plotWidth }
    func py(_ value: Double) -> Double {
      let clamped = min(max(value, yRange.lowerBound), yRange.upperBound)
      return plotY + plotHeight - (clamped - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * plotHeight
    }
    var out =
      "<g>\n<text x=\"\(x + 4)\" y=\"\(y + 14)\" font-size=\"12\" font-weight=\"bold\">\(escape(panel.title))</text>\n"
    let axisTitle = panel.yLabel ?? yLabel
    out +=
      "<text x=\"\(x + 8)\" y=\"\(plotY + plotHeight / 2)\" font-size=\"9\" fill=\"#444\" text-anchor=\"middle\" transform=\"rotate(-90 \(x + 8) \(plotY + plotHeight / 2))\">\(escape(axisTitle))</text>\n"
    out +=
      "<rect x=\"\(plotX)\" y=\"\(plotY)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"#fafafa\" stroke=\"#ccc\"/>\n"
    for tick in stride(
      from: yRange.lowerBound, through: yRange.upperBound, by: (yRange.upperBound - yRange.lowerBound) / 4)
    {
      out +=
        "<text x=\"\(plotX - 4)\" y=\"\(py(tick) + 3)\" font-size=\"9\" text-anchor=\"end\" fill=\"#666\">\(NumberText.plain(tick, 3))</text>\n"
      out +=
        "<line x1=\"\(plotX)\" x2=\"\(plotX + plotWidth)\" y1=\"\(py(tick))\" y2=\"\(py(tick))\" stroke=\"#eee\"/>\n"
    }
    let step = max(1, Int(representing: spanX / 5, rounding: .up) ?? 1)
    let first = Int(representing: minX, rounding: .towardZero) ?? 0
    let last = Int(representing: maxX, rounding: .towardZero) ?? first
    for value in stride(from: first, through: max(first, last), by: step) {
      out +=
        "<text x=\"\(px(Double(value)))\" y=\"\(plotY + plotHeight + 12)\" font-size=\"9\" text-anchor=\"middle\" fill=\"#666\">\(value)</text>\n"
    }
    for (index, marker) in panel.markers.enumerated() {
      let mx = px(marker.x)
      out +=
        "<line x1=\"\(mx)\" x2=\"\(mx)\" y1=\"\(plotY)\" y2=\"\(plotY + plotHeight)\" stroke=\"\(marker.color)\" stroke-width=\"2\"/>\n"
      out +=
        "<text x=\"\(min(mx + 3, plotX + plotWidth - 60))\" y=\"\(plotY + plotHeight + 24 + Double(index) * 0)\" font-size=\"9\" fill=\"\(marker.color)\" \(index == 1 ? "dy=\"10\"" : "")>\(escape(marker.label))</text>\n"
    }
    for (index, series) in panel.series.enumerated() {
      let points = zip(panel.xValues, series.values).map { "\(px($0)),\(py($1))" }.joined(separator: " ")
      let dash = series.dashed ? " stroke-dasharray=\"5,3\"" : ""
      out +=
        "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(Self.colors[index % Self.colors.count])\" stroke-width=\"2\"\(dash)/>\n"
    }
    return out + "</g>\n"
  }

  func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }
}

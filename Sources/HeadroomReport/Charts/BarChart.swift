/// Vertical bars per category (years), stacked by series, with lines on the same scale (power available).
public struct BarChart: Sendable {
  public var id: String
  public var title: String
  public var subtitle: String
  public var categories: [String]
  /// Stacked from the bottom, in order.
  public var stacks: [LinePanel.Series]
  /// Lines across the categories.
  public var lines: [LinePanel.Series]
  public var yTitle: String
  public var xTitle: String
  public var unit: String

  public init(
    id: String, title: String, subtitle: String, categories: [String], stacks: [LinePanel.Series],
    lines: [LinePanel.Series] = [], yTitle: String, xTitle: String, unit: String
  ) {
    self.id = id
    self.title = title
    self.subtitle = subtitle
    self.categories = categories
    self.stacks = stacks
    self.lines = lines
    self.yTitle = yTitle
    self.xTitle = xTitle
    self.unit = unit
  }

  public func svg(width: Double = 900, plotHeight: Double = 260) -> String {
    var y = 8.0
    var body = ""
    for line in ChartText.wrap(title, width: width - 20, size: 15) {
      y += 19
      body += "<text x=\"10\" y=\"\(SVG.f(y))\" font-size=\"15\" font-weight=\"bold\">\(SVG.escape(line))</text>"
    }
    for line in ChartText.wrap(subtitle, width: width - 20, size: 11) {
      y += 15
      body += "<text x=\"10\" y=\"\(SVG.f(y))\" font-size=\"11\" fill=\"#333\">\(SVG.escape(line))</text>"
    }
    y += 12
    let legend =
      stacks.map { LegendEntry($0.name, $0.style, kind: .bar) } + lines.map { LegendEntry($0.name, $0.style) }
    let rendered = LegendEntry.render(legend, x: 12, y: y + 4, width: width - 24)
    body += rendered.svg
    y += rendered.height + 6
    let left = 64.0
    let right = width - 16
    let plotTop = y
    let plotBottom = y + plotHeight
    var totals = [Double](repeating: 0, count: categories.count)
    for stack in stacks {
      for (index, value) in stack.values.enumerated() where index < totals.count { totals[index] += value ?? 0 }
    }
    let maximum = max(totals.max() ?? 0, lines.flatMap(\.values).compactMap { $0 }.max() ?? 0)
    let axis = SVG.ticks(upTo: maximum)
    func py(_ value: Double) -> Double { plotBottom - min(max(value, 0), axis.top) / axis.top * plotHeight }
    body +=
      "<rect x=\"\(SVG.f(left))\" y=\"\(SVG.f(plotTop))\" width=\"\(SVG.f(right - left))\" height=\"\(SVG.f(plotHeight))\" fill=\"#fbfbfb\" stroke=\"#c8c8c8\"/>"
    for tick in axis.ticks {
      body +=
        "<line x1=\"\(SVG.f(left))\" x2=\"\(SVG.f(right))\" y1=\"\(SVG.f(py(tick)))\" y2=\"\(SVG.f(py(tick)))\" stroke=\"#e6e6e6\"/>"
        + "<text x=\"\(SVG.f(left - 5))\" y=\"\(SVG.f(py(tick) + 3))\" font-size=\"10\" text-anchor=\"end\" fill=\"#555\">\(SVG.number(tick))</text>"
    }
    let mid = (plotTop + plotBottom) / 2
    body +=
      "<text class=\"axis-title\" x=\"14\" y=\"\(SVG.f(mid))\" font-size=\"10.5\" fill=\"#333\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(SVG.f(mid)))\">\(SVG.escape(yTitle))</text>"
    let slot = (right - left) / Double(max(categories.count, 1))
    let barWidth = min(slot * 0.62, 60)
    for (index, category) in categories.enumerated() {
      let center = left + (Double(index) + 0.5) * slot
      var base = 0.0
      for stack in stacks {
        guard index < stack.values.count, let value = stack.values[index], value > 0 else { continue }
        body +=
          "<rect class=\"bar\" x=\"\(SVG.f(center - barWidth / 2))\" y=\"\(SVG.f(py(base + value)))\" width=\"\(SVG.f(barWidth))\" height=\"\(SVG.f(py(base) - py(base + value)))\" fill=\"\(stack.style.color)\" fill-opacity=\"0.85\"><title>\(SVG.escape("\(category): \(stack.name) \(SVG.number(value)) \(unit)"))</title></rect>"
        base += value
      }
      body +=
        "<text x=\"\(SVG.f(center))\" y=\"\(SVG.f(plotBottom + 13))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(SVG.escape(category))</text>"
    }
    for line in lines {
      let points = line.values.enumerated().compactMap { index, value -> (Double, Double)? in
        guard let value else { return nil }
        return (left + (Double(index) + 0.5) * slot, py(value))
      }
      if points.count > 1 {
        body +=
          "<polyline class=\"series\" points=\"\(points.map { "\(SVG.f($0.0)),\(SVG.f($0.1))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(line.style.color)\" stroke-width=\"\(SVG.f(line.style.width))\""
          + (line.style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
      }
      for (index, value) in line.values.enumerated() {
        guard let value, index < categories.count else { continue }
        body +=
          "<circle class=\"point\" cx=\"\(SVG.f(left + (Double(index) + 0.5) * slot))\" cy=\"\(SVG.f(py(value)))\" r=\"3\" fill=\"\(line.style.color)\"><title>\(SVG.escape("\(categories[index]): \(line.name) \(SVG.number(value)) \(unit)"))</title></circle>"
      }
    }
    body +=
      "<text class=\"axis-title\" x=\"\(SVG.f((left + right) / 2))\" y=\"\(SVG.f(plotBottom + 29))\" font-size=\"10.5\" text-anchor=\"middle\" fill=\"#333\">\(SVG.escape(xTitle))</text>"
    return ChartText.svgElement(
      id: id, title: title, width: width, height: plotBottom + 38, standalone: false, body: body)
  }
}

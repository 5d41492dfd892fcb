/// Horizontal bars from a zero line, one per (group, input), longest first within each group: which inputs move
/// an output most (Spearman correlations from -1 to 1, or Sobol indices from 0 to 1 with their intervals).
public struct TornadoChart: Sendable {
  public struct Bar: Sendable {
    public var group: String
    public var label: String
    public var value: Double
    public var low: Double?
    public var high: Double?

    public init(group: String, label: String, value: Double, low: Double? = nil, high: Double? = nil) {
      self.group = group
      self.label = label
      self.value = value
      self.low = low
      self.high = high
    }
  }

  public var id: String
  public var title: String
  public var subtitle: String
  public var bars: [Bar]
  /// -1...1 for correlations, 0...1 for indices.
  public var range: ClosedRange<Double>
  public var xTitle: String
  public var color: String

  public init(
    id: String, title: String, subtitle: String, bars: [Bar], range: ClosedRange<Double>, xTitle: String,
    color: String
  ) {
    self.id = id
    self.title = title
    self.subtitle = subtitle
    self.bars = bars
    self.range = range
    self.xTitle = xTitle
    self.color = color
  }

  public func svg(width: Double = 600) -> String {
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
    let left = 230.0
    let right = width - 20
    let rowHeight = 15.0
    func px(_ value: Double) -> Double {
      left + (min(max(value, range.lowerBound), range.upperBound) - range.lowerBound)
        / (range.upperBound - range.lowerBound) * (right - left)
    }
    let top = y
    var row = 0
    var previousGroup: String?
    for bar in bars {
      if bar.group != previousGroup {
        if previousGroup != nil { row += 1 }
        previousGroup = bar.group
      }
      let rowY = top + Double(row) * rowHeight
      let zero = px(max(0, range.lowerBound))
      let end = px(bar.value)
      let label = "\(bar.group) · \(bar.label)"
      body +=
        "<text x=\"\(SVG.f(left - 6))\" y=\"\(SVG.f(rowY + 11))\" font-size=\"10.5\" text-anchor=\"end\">\(SVG.escape(ChartText.wrap(label, width: 400, size: 10.5).first ?? label))</text>"
      var tip = "\(label): \(SVG.number(bar.value))"
      if let low = bar.low, let high = bar.high { tip += " [\(SVG.number(low)), \(SVG.number(high))]" }
      body +=
        "<rect class=\"bar\" x=\"\(SVG.f(min(zero, end)))\" y=\"\(SVG.f(rowY + 2))\" width=\"\(SVG.f(max(abs(end - zero), 0.8)))\" height=\"\(SVG.f(rowHeight - 4))\" fill=\"\(bar.value < 0 ? ChartStyle.Palette.vermilion : color)\" fill-opacity=\"0.85\"><title>\(SVG.escape(tip))</title></rect>"
      if let low = bar.low, let high = bar.high {
        body +=
          "<line x1=\"\(SVG.f(px(low)))\" x2=\"\(SVG.f(px(high)))\" y1=\"\(SVG.f(rowY + rowHeight / 2))\" y2=\"\(SVG.f(rowY + rowHeight / 2))\" stroke=\"#222\" stroke-width=\"1.2\"/>"
      }
      row += 1
    }
    let bottom = top + Double(max(row, 1)) * rowHeight
    body +=
      "<line x1=\"\(SVG.f(px(max(0, range.lowerBound))))\" x2=\"\(SVG.f(px(max(0, range.lowerBound))))\" y1=\"\(SVG.f(top))\" y2=\"\(SVG.f(bottom))\" stroke=\"#444\"/>"
    let step = (range.upperBound - range.lowerBound) / 4
    for index in 0...4 {
      let value = range.lowerBound + Double(index) * step
      body +=
        "<line x1=\"\(SVG.f(px(value)))\" x2=\"\(SVG.f(px(value)))\" y1=\"\(SVG.f(top))\" y2=\"\(SVG.f(bottom))\" stroke=\"#e3e3e3\"/>"
        + "<text x=\"\(SVG.f(px(value)))\" y=\"\(SVG.f(bottom + 13))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">\(SVG.number(value))</text>"
    }
    if bars.isEmpty {
      body +=
        "<text x=\"\(SVG.f(left))\" y=\"\(SVG.f(top + 11))\" font-size=\"11\" fill=\"#555\">No input moves this output (it is the same in every run).</text>"
    }
    body +=
      "<text class=\"axis-title\" x=\"\(SVG.f((left + right) / 2))\" y=\"\(SVG.f(bottom + 28))\" font-size=\"10.5\" text-anchor=\"middle\" fill=\"#333\">\(SVG.escape(xTitle))</text>"
    return ChartText.svgElement(id: id, title: title, width: width, height: bottom + 36, standalone: false, body: body)
  }
}

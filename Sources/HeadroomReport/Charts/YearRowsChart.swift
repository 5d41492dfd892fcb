/// Rows (countries) against an axis of years with a last column for "none" (no wall within the horizon): each
/// row either shades the share of samples per year (a distribution, with p5-p95 and the median marked) or joins
/// a baseline dot to a what-if dot (a dumbbell).
public struct YearRowsChart: Sendable {
  /// One row.
  public struct Row: Sendable {
    public var label: String
    /// Share of samples per year of the axis, the last entry for none (distribution rows).
    public var shares: [Double]
    /// p5, p50, p95 as axis years (lastYear + 1 = none).
    public var percentiles: (p5: Int, p50: Int, p95: Int)?
    /// Baseline and what-if years (dumbbell rows); nil = none.
    public var pair: (baseline: Int?, whatIf: Int?)?

    public init(label: String, shares: [Double], percentiles: (p5: Int, p50: Int, p95: Int)?) {
      self.label = label
      self.shares = shares
      self.percentiles = percentiles
      self.pair = nil
    }

    public init(label: String, baseline: Int?, whatIf: Int?) {
      self.label = label
      self.shares = []
      self.percentiles = nil
      self.pair = (baseline, whatIf)
    }
  }

  public var id: String
  public var title: String
  public var subtitle: String
  public var firstYear: Int
  public var lastYear: Int
  public var rows: [Row]
  public var color: String
  public var xTitle: String

  public init(
    id: String, title: String, subtitle: String, firstYear: Int, lastYear: Int, rows: [Row], color: String,
    xTitle: String
  ) {
    self.id = id
    self.title = title
    self.subtitle = subtitle
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.rows = rows
    self.color = color
    self.xTitle = xTitle
  }

  public func svg() -> String {
    let width = 600.0
    let left = 70.0
    let right = width - 16
    let columns = lastYear - firstYear + 2
    let cell = (right - left) / Double(columns)
    let rowHeight = 17.0
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
    let legend: [LegendEntry] =
      rows.contains { $0.pair != nil }
      ? [
        LegendEntry("baseline (hollow)", ChartStyle(color: ChartStyle.Palette.grey, symbol: .circle), kind: .marker),
        LegendEntry("what-if (filled)", ChartStyle(color: color, symbol: .circle), kind: .marker),
      ]
      : [
        LegendEntry("share of samples (darker: more)", ChartStyle(color: color), kind: .area),
        LegendEntry("p5-p95", ChartStyle(color: ChartStyle.Palette.black, width: 1.5)),
        LegendEntry("median", ChartStyle(color: ChartStyle.Palette.black, symbol: .diamond), kind: .marker),
      ]
    let rendered = LegendEntry.render(legend, x: 12, y: y + 4, width: width - 24)
    body += rendered.svg
    y += rendered.height + 4
    let top = y
    func cx(_ year: Int) -> Double { left + (Double(min(year, lastYear + 1) - firstYear) + 0.5) * cell }
    for (index, row) in rows.enumerated() {
      let rowY = top + Double(index) * rowHeight
      let mid = rowY + rowHeight / 2
      if index % 2 == 0 {
        body +=
          "<rect x=\"\(SVG.f(left))\" y=\"\(SVG.f(rowY))\" width=\"\(SVG.f(right - left))\" height=\"\(SVG.f(rowHeight))\" fill=\"#f6f6f6\"/>"
      }
      body +=
        "<text x=\"\(SVG.f(left - 6))\" y=\"\(SVG.f(mid + 4))\" font-size=\"11\" text-anchor=\"end\">\(SVG.escape(row.label))</text>"
      for (column, share) in row.shares.enumerated() where share > 0 {
        let year = firstYear + column
        let label = year > lastYear ? "none by \(lastYear)" : "\(year)"
        body +=
          "<rect class=\"cell\" x=\"\(SVG.f(left + Double(column) * cell + 1))\" y=\"\(SVG.f(rowY + 2))\" width=\"\(SVG.f(cell - 2))\" height=\"\(SVG.f(rowHeight - 4))\" fill=\"\(color)\" fill-opacity=\"\(SVG.f(0.12 + 0.88 * min(share, 1)))\"><title>\(SVG.escape("\(row.label) \(label): \(SVG.number(share * 100)) % of samples"))</title></rect>"
      }
      if let p = row.percentiles {
        body +=
          "<line x1=\"\(SVG.f(cx(p.p5)))\" x2=\"\(SVG.f(cx(p.p95)))\" y1=\"\(SVG.f(mid))\" y2=\"\(SVG.f(mid))\" stroke=\"#222\" stroke-width=\"1.5\"/>"
        func year(_ value: Int) -> String { value > lastYear ? "none" : "\(value)" }
        body +=
          "<g><title>\(SVG.escape("\(row.label): median \(year(p.p50)), p5 \(year(p.p5)), p95 \(year(p.p95))"))</title>"
          + ChartSymbol.svg(.diamond, x: cx(p.p50), y: mid, size: 4.5, color: "#222") + "</g>"
      }
      if let pair = row.pair {
        let base = cx(pair.baseline ?? lastYear + 1)
        let what = cx(pair.whatIf ?? lastYear + 1)
        func year(_ value: Int?) -> String { value.map(String.init) ?? "none by \(lastYear)" }
        let tip = "\(row.label): baseline \(year(pair.baseline)), what-if \(year(pair.whatIf))"
        body += "<g class=\"pair\"><title>\(SVG.escape(tip))</title>"
        if base != what {
          body +=
            "<line x1=\"\(SVG.f(base))\" x2=\"\(SVG.f(what))\" y1=\"\(SVG.f(mid))\" y2=\"\(SVG.f(mid))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
        }
        body += ChartSymbol.svg(.circle, x: base, y: mid, size: 5, color: ChartStyle.Palette.grey, hollow: true)
        body += ChartSymbol.svg(.circle, x: what, y: mid, size: base == what ? 2.8 : 4, color: color) + "</g>"
      }
    }
    let bottom = top + Double(rows.count) * rowHeight
    for column in 0..<columns {
      let year = firstYear + column
      let label = year > lastYear ? "none" : "\(year)"
      body +=
        "<text x=\"\(SVG.f(left + (Double(column) + 0.5) * cell))\" y=\"\(SVG.f(bottom + 13))\" font-size=\"9.5\" text-anchor=\"middle\" fill=\"#555\">\(label)</text>"
    }
    body +=
      "<text class=\"axis-title\" x=\"\(SVG.f((left + right) / 2))\" y=\"\(SVG.f(bottom + 28))\" font-size=\"10.5\" text-anchor=\"middle\" fill=\"#333\">\(SVG.escape(xTitle))</text>"
    return ChartText.svgElement(id: id, title: title, width: width, height: bottom + 36, standalone: false, body: body)
  }
}

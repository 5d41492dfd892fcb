/// A figure of line panels in a grid, with a title, a legend, and either one y scale for every panel
/// (sizes compare across panels) or each panel's own (shapes show in small panels).
public struct SmallMultiples: Sendable {
  public var id: String
  public var title: String
  public var subtitle: String
  public var legend: [LegendEntry]
  public var panels: [LinePanel]
  public var columns: Int
  public var sharedScale: Bool
  public var panelWidth: Double
  public var panelHeight: Double

  public init(
    id: String, title: String, subtitle: String, legend: [LegendEntry], panels: [LinePanel], columns: Int = 4,
    sharedScale: Bool = false, panelWidth: Double = 300, panelHeight: Double = 205
  ) {
    self.id = id
    self.title = title
    self.subtitle = subtitle
    self.legend = legend
    self.panels = panels
    self.columns = columns
    self.sharedScale = sharedScale
    self.panelWidth = panelWidth
    self.panelHeight = panelHeight
  }

  /// The whole width of the drawing.
  var width: Double { Double(max(1, min(columns, panels.count))) * panelWidth + 20 }

  /// The figure as an `<svg>` element; `standalone` adds the XML namespace and a white background for a `.svg` file.
  public func svg(standalone: Bool = false) -> String {
    let titleLines = ChartText.wrap(title, width: width - 20, size: 17)
    let subtitleLines = ChartText.wrap(subtitle, width: width - 20, size: 11.5)
    var y = 8.0
    var body = ""
    for line in titleLines {
      y += 21
      body += "<text x=\"10\" y=\"\(SVG.f(y))\" font-size=\"17\" font-weight=\"bold\">\(SVG.escape(line))</text>"
    }
    for line in subtitleLines {
      y += 16
      body += "<text x=\"10\" y=\"\(SVG.f(y))\" font-size=\"11.5\" fill=\"#333\">\(SVG.escape(line))</text>"
    }
    y += 18
    let legendSVG = LegendEntry.render(legend, x: 12, y: y, width: width - 24)
    body += legendSVG.svg
    y += legendSVG.height + 4
    let top = sharedScale ? panels.map(\.maximum).max() : nil
    for (index, panel) in panels.enumerated() {
      let column = index % columns
      let row = index / columns
      body += panel.render(
        originX: 10 + Double(column) * panelWidth, originY: y + Double(row) * panelHeight, width: panelWidth - 8,
        height: panelHeight - 8, top: top)
    }
    let rows = (panels.count + columns - 1) / max(columns, 1)
    let height = y + Double(rows) * panelHeight + 6
    return ChartText.svgElement(
      id: id, title: title, width: width, height: height, standalone: standalone, body: body)
  }
}

/// Text layout for charts: wrapping by an estimated character width, and the `<svg>` element around a drawing.
enum ChartText {
  /// Lines of at most `width` pixels at a font size, by an average character width of 0.55 em.
  static func wrap(_ text: String, width: Double, size: Double) -> [String] {
    guard !text.isEmpty else { return [] }
    let perLine = max(10, Int(width / (size * 0.55)))
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > perLine {
        lines.append(current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(current) }
    return lines
  }

  static func svgElement(
    id: String, title: String, width: Double, height: Double, standalone: Bool, body: String
  ) -> String {
    var svg = "<svg"
    if standalone { svg += " xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\"" }
    svg +=
      " class=\"chart\" id=\"\(id)\" style=\"max-width: \(Int(width))px\" viewBox=\"0 0 \(Int(width.rounded(.up))) \(Int(height.rounded(.up)))\" role=\"img\" aria-label=\"\(SVG.escape(title))\" font-family=\"Helvetica, Arial, sans-serif\">"
    svg += "<title>\(SVG.escape(title))</title>"
    if standalone { svg += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>" }
    return svg + body + "</svg>\n"
  }
}

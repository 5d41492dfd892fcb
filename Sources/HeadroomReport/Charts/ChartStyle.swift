/// How a series, band or marker is drawn, and the palette the charts share.
public struct ChartStyle: Sendable, Hashable {
  /// A marker shape, so that two markers in the same place stay apart.
  public enum Symbol: String, Sendable, Hashable { case none, circle, triangle, square, diamond }

  public var color: String
  /// An SVG dash pattern (`6 3`), nil for a solid line.
  public var dash: String?
  public var width: Double
  public var symbol: Symbol

  public init(color: String, dash: String? = nil, width: Double = 2, symbol: Symbol = .none) {
    self.color = color
    self.dash = dash
    self.width = width
    self.symbol = symbol
  }

  /// The Okabe-Ito palette (readable with the common colour-vision deficiencies) and the roles the charts give it.
  public enum Palette {
    public static let black = "#222222"
    public static let orange = "#E69F00"
    public static let sky = "#56B4E9"
    public static let green = "#009E73"
    public static let yellow = "#F0E442"
    public static let blue = "#0072B2"
    public static let vermilion = "#D55E00"
    public static let purple = "#CC79A7"
    public static let grey = "#888888"
    /// Colours for categories (halls, inputs) in turn.
    public static let cycle = [blue, orange, green, purple, sky, vermilion, yellow, grey]
  }

  public static let demand = ChartStyle(color: Palette.black, dash: "6 3", width: 2)
  public static let powerAvailable = ChartStyle(color: Palette.green, width: 2.2)
  public static let powerUsed = ChartStyle(color: Palette.orange, width: 1.6)
  public static let chipsObtainable = ChartStyle(color: Palette.blue, width: 2.2)
  public static let fleet = ChartStyle(color: Palette.purple, width: 1.6)
  public static let powerWall = ChartStyle(color: Palette.vermilion, width: 1.6, symbol: .triangle)
  public static let chipWall = ChartStyle(color: Palette.blue, dash: "4 2", width: 1.6, symbol: .circle)
}

/// An entry of a chart's legend.
public struct LegendEntry: Sendable, Hashable {
  /// How the swatch is drawn: a line, a pale area (shaded bands), a solid bar (as bars are filled), or a marker.
  public enum Kind: Sendable, Hashable { case line, area, bar, marker }
  public var name: String
  public var style: ChartStyle
  public var kind: Kind

  public init(_ name: String, _ style: ChartStyle, kind: Kind = .line) {
    self.name = name
    self.style = style
    self.kind = kind
  }
}

extension LegendEntry {
  /// A legend as one row of swatches and names starting at (x, y), wrapping at `width`; returns the SVG and its height.
  static func render(_ entries: [LegendEntry], x: Double, y: Double, width: Double) -> (svg: String, height: Double) {
    var svg = "<g class=\"legend\">"
    var cursorX = x
    var cursorY = y
    for entry in entries {
      let textWidth = Double(entry.name.count) * 6.2 + 34
      if cursorX + textWidth > x + width && cursorX > x {
        cursorX = x
        cursorY += 18
      }
      let style = entry.style
      switch entry.kind {
      case .line:
        svg +=
          "<line x1=\"\(SVG.f(cursorX))\" y1=\"\(SVG.f(cursorY))\" x2=\"\(SVG.f(cursorX + 22))\" y2=\"\(SVG.f(cursorY))\" stroke=\"\(style.color)\" stroke-width=\"\(SVG.f(style.width))\""
          + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
      case .area:
        svg +=
          "<rect x=\"\(SVG.f(cursorX))\" y=\"\(SVG.f(cursorY - 6))\" width=\"22\" height=\"12\" fill=\"\(style.color)\" fill-opacity=\"0.35\"/>"
      case .bar:
        svg +=
          "<rect x=\"\(SVG.f(cursorX))\" y=\"\(SVG.f(cursorY - 6))\" width=\"22\" height=\"12\" fill=\"\(style.color)\" fill-opacity=\"0.85\"/>"
      case .marker:
        svg +=
          "<line x1=\"\(SVG.f(cursorX + 11))\" y1=\"\(SVG.f(cursorY - 7))\" x2=\"\(SVG.f(cursorX + 11))\" y2=\"\(SVG.f(cursorY + 7))\" stroke=\"\(style.color)\" stroke-width=\"\(SVG.f(style.width))\""
          + (style.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>"
      }
      if style.symbol != .none {
        svg += ChartSymbol.svg(style.symbol, x: cursorX + 11, y: cursorY, size: 4.5, color: style.color)
      }
      svg +=
        "<text x=\"\(SVG.f(cursorX + 27))\" y=\"\(SVG.f(cursorY + 4))\" font-size=\"11\">\(SVG.escape(entry.name))</text>"
      cursorX += textWidth
    }
    return (svg + "</g>", cursorY - y + 18)
  }
}

/// Marker shapes in SVG.
enum ChartSymbol {
  static func svg(_ symbol: ChartStyle.Symbol, x: Double, y: Double, size: Double, color: String, hollow: Bool = false)
    -> String
  {
    let fill = hollow ? "fill=\"white\" stroke=\"\(color)\" stroke-width=\"1.5\"" : "fill=\"\(color)\""
    switch symbol {
    case .none: return ""
    case .circle: return "<circle cx=\"\(SVG.f(x))\" cy=\"\(SVG.f(y))\" r=\"\(SVG.f(size))\" \(fill)/>"
    case .triangle:
      let points = [(x, y - size), (x - size, y + size * 0.8), (x + size, y + size * 0.8)]
      return "<polygon points=\"\(points.map { "\(SVG.f($0.0)),\(SVG.f($0.1))" }.joined(separator: " "))\" \(fill)/>"
    case .square:
      return
        "<rect x=\"\(SVG.f(x - size * 0.85))\" y=\"\(SVG.f(y - size * 0.85))\" width=\"\(SVG.f(size * 1.7))\" height=\"\(SVG.f(size * 1.7))\" \(fill)/>"
    case .diamond:
      let points = [(x, y - size), (x + size, y), (x, y + size), (x - size, y)]
      return "<polygon points=\"\(points.map { "\(SVG.f($0.0)),\(SVG.f($0.1))" }.joined(separator: " "))\" \(fill)/>"
    }
  }
}

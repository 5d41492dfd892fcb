import Foundation

/// One self-contained HTML page: a summary in words, the run's facts, charts as inline SVG, the tables,
/// and the assumptions and sources behind the result. No script, font or style sheet is loaded from anywhere:
/// the file opens offline in any browser and prints (A4 or Letter) with its charts.
public struct HTMLReport: Sendable {
  /// A chart with its caption.
  public struct Figure: Sendable {
    public var id: String
    public var caption: String
    public var svg: String

    public init(id: String, caption: String, svg: String) {
      self.id = id
      self.caption = caption
      self.svg = svg
    }
  }

  /// Charts shown one at a time on screen by a choice of scale (both print).
  public struct Choice: Sendable {
    public var id: String
    public var options: [(label: String, figure: Figure)]

    public init(id: String, options: [(label: String, figure: Figure)]) {
      self.id = id
      self.options = options
    }
  }

  /// A block of the charts section: one figure, or a choice between figures.
  public enum Block: Sendable {
    case figure(Figure)
    case choice(Choice)
    /// Figures side by side where the page is wide enough.
    case row([Figure])
  }

  /// The report kind (`walls`, `whatif`, `sweep`, `plan`, `grid`), written on the page for tests and readers.
  public var kind: String
  public var title: String
  /// Paragraphs in words.
  public var summary: [String]
  /// Name and value pairs about the run (scenario, horizon, solver).
  public var facts: [(String, String)]
  public var blocks: [Block]
  /// Tables shown open, then tables folded away (year by year).
  public var tables: [Table]
  public var foldedTables: [(summary: String, tables: [Table])]
  public var context: ReportContext

  public init(
    kind: String, title: String, summary: [String], facts: [(String, String)], blocks: [Block], tables: [Table],
    foldedTables: [(summary: String, tables: [Table])] = [], context: ReportContext
  ) {
    self.kind = kind
    self.title = title
    self.summary = summary
    self.facts = facts
    self.blocks = blocks
    self.tables = tables
    self.foldedTables = foldedTables
    self.context = context
  }

  static let style = """
    :root { color-scheme: light; }
    body { font-family: Helvetica, Arial, sans-serif; color: #1d1d1d; margin: 0 auto; padding: 16px 24px 40px;
      max-width: 1260px; line-height: 1.45; font-size: 15px; }
    h1 { font-size: 26px; margin: 8px 0 6px; } h2 { font-size: 20px; margin: 30px 0 8px; border-bottom: 1px solid #ddd; }
    h3 { font-size: 16px; margin: 18px 0 6px; }
    p.summary { max-width: 980px; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; font-size: 14px; margin: 10px 0; }
    dl.facts dt { font-weight: bold; color: #444; } dl.facts dd { margin: 0; font-family: Menlo, Consolas, monospace;
      font-size: 13px; overflow-wrap: anywhere; }
    nav { font-size: 14px; margin: 6px 0 0; } nav a { margin-right: 14px; }
    figure { margin: 14px 0 22px; } figure svg.chart { width: 100%; height: auto; max-width: 1240px; display: block; }
    figcaption { font-size: 13.5px; color: #333; margin-top: 4px; max-width: 1100px; }
    .choice > input { margin: 0 4px 0 0; } .choice > label { margin-right: 18px; font-size: 14px; cursor: pointer; }
    .choice > figure { display: none; }
    .choice > input:nth-of-type(1):checked ~ figure:nth-of-type(1),
    .choice > input:nth-of-type(2):checked ~ figure:nth-of-type(2),
    .choice > input:nth-of-type(3):checked ~ figure:nth-of-type(3) { display: block; }
    .row { display: flex; flex-wrap: wrap; gap: 0 24px; } .row > figure { flex: 1 1 560px; max-width: 620px; }
    table { border-collapse: collapse; margin: 6px 0 4px; font-size: 13px; }
    caption { caption-side: top; text-align: left; font-weight: bold; font-size: 14px; padding: 4px 0; }
    th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 9px; text-align: left; vertical-align: top; }
    th { background: #f3f3f3; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    ul.notes { font-size: 12.5px; color: #444; margin: 2px 0 16px; padding-left: 18px; max-width: 1100px; }
    .sources li { margin-bottom: 3px; font-size: 13px; } .sources a { overflow-wrap: anywhere; }
    .confidence { font-size: 11.5px; padding: 0 5px; border-radius: 3px; background: #eee; }
    details { margin: 8px 0; } summary { cursor: pointer; font-weight: bold; }
    footer { margin-top: 36px; font-size: 12px; color: #666; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10.5pt; } nav, .choice > input, .choice > label { display: none; }
      .choice > figure { display: block !important; } figure, table { break-inside: avoid; }
      h2 { break-after: avoid; } a { color: inherit; text-decoration: none; }
      details > *:not(summary) { display: block; }
    }
    """

  /// The page.
  public func render() -> String {
    var html = """
      <!DOCTYPE html>
      <html lang="en" data-report="\(SVG.escape(kind))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="headroom">
      <title>\(SVG.escape(title))</title>
      <style>\(Self.style)</style>
      <script>
      // Records any script or resource error on the page in data-errors, so a headless check can read it from the DOM.
      addEventListener("error", function (event) {
        var root = document.documentElement;
        root.setAttribute("data-errors", (root.getAttribute("data-errors") || "") + (event.message || "resource error") + ";");
      }, true);
      </script>
      </head>
      <body>
      <header>
      <h1>\(SVG.escape(title))</h1>

      """
    for paragraph in summary { html += "<p class=\"summary\">\(SVG.escape(paragraph))</p>\n" }
    html += "<dl class=\"facts\">\n"
    var facts = facts
    facts.append(("run id", context.runID.map { "\($0) (headroom runs show \($0))" } ?? "not saved"))
    if let hash = context.dataHash { facts.append(("data hash", hash)) }
    facts.append(("overrides", context.overrides.isEmpty ? "none" : context.overrides.joined(separator: " ")))
    if let command = context.command { facts.append(("command", command)) }
    for (name, value) in facts {
      html += "<dt>\(SVG.escape(name))</dt><dd>\(SVG.escape(value))</dd>\n"
    }
    html += "</dl>\n"
    html +=
      "<nav><a href=\"#charts\">Charts</a><a href=\"#tables\">Tables</a><a href=\"#sources\">Assumptions and sources</a></nav>\n</header>\n"
    html += "<section id=\"charts\">\n<h2>Charts</h2>\n"
    for block in blocks {
      switch block {
      case .figure(let figure): html += Self.figure(figure)
      case .row(let figures):
        html += "<div class=\"row\">\n" + figures.map(Self.figure).joined() + "</div>\n"
      case .choice(let choice):
        html += "<div class=\"choice\" id=\"\(SVG.escape(choice.id))\">\n"
        for (index, option) in choice.options.enumerated() {
          let id = "\(choice.id)-\(index)"
          html +=
            "<input type=\"radio\" name=\"\(SVG.escape(choice.id))\" id=\"\(id)\"\(index == 0 ? " checked" : "")><label for=\"\(id)\">\(SVG.escape(option.label))</label>\n"
        }
        for option in choice.options { html += Self.figure(option.figure) }
        html += "</div>\n"
      }
    }
    html += "</section>\n<section id=\"tables\">\n<h2>Tables</h2>\n"
    for table in tables { html += Self.table(table) }
    for folded in foldedTables {
      html += "<details><summary>\(SVG.escape(folded.summary))</summary>\n"
      for table in folded.tables { html += Self.table(table) }
      html += "</details>\n"
    }
    html += "</section>\n" + sourcesSection()
    html +=
      "<footer>Written by headroom. Every figure in the data files cites its source or is marked as an estimate or assumption; the CSV and JSON outputs (--format csv, --format json) hold the raw values.</footer>\n</body>\n</html>\n"
    return html
  }

  static func figure(_ figure: Figure) -> String {
    "<figure id=\"figure-\(SVG.escape(figure.id))\">\n\(figure.svg)<figcaption>\(SVG.escape(figure.caption))</figcaption>\n</figure>\n"
  }

  /// A text table as an HTML table: its title as the caption, numbers aligned right, notes below.
  static func table(_ table: Table) -> String {
    var html = "<table>"
    if let title = table.title { html += "<caption>\(SVG.escape(title))</caption>" }
    html += "<thead><tr>"
    for column in table.columns {
      html += "<th\(column.alignment == .right ? " class=\"num\"" : "")>\(SVG.escape(column.name))</th>"
    }
    html += "</tr></thead><tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for (column, cell) in zip(table.columns, row) {
        html += "<td\(column.alignment == .right ? " class=\"num\"" : "")>\(SVG.escape(cell))</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody></table>\n"
    if !table.notes.isEmpty {
      html += "<ul class=\"notes\">" + table.notes.map { "<li>\(SVG.escape($0))</li>" }.joined() + "</ul>\n"
    }
    return html
  }

  /// Assumptions, then sources grouped by the item they back, then the data files.
  func sourcesSection() -> String {
    var html = "<section id=\"sources\">\n<h2>Assumptions and sources</h2>\n"
    if context.assumptions.isEmpty {
      html += "<p>No input of this result is marked as an estimate or assumption.</p>\n"
    } else {
      html += "<h3>Estimates and assumptions</h3>\n<ul class=\"sources\">\n"
      for entry in context.assumptions {
        html +=
          "<li><b>\(SVG.escape(entry.item))</b> · <code>\(SVG.escape(entry.field))</code> <span class=\"confidence\">\(SVG.escape(entry.kind))</span> \(SVG.escape(entry.note))</li>\n"
      }
      html += "</ul>\n"
    }
    // Items in the order they first appear, each with its sources (one pass: a walls report has
    // thousands of source entries).
    var items: [String] = []
    var entriesOf: [String: [ReportContext.SourceEntry]] = [:]
    for entry in context.sources {
      if entriesOf[entry.item] == nil { items.append(entry.item) }
      entriesOf[entry.item, default: []].append(entry)
    }
    if !items.isEmpty { html += "<h3>Sources</h3>\n" }
    for item in items {
      let entries = entriesOf[item] ?? []
      let open = item.hasPrefix("scenario") || item.hasPrefix("demand") || items.count <= 3
      html +=
        "<details\(open ? " open" : "")><summary>\(SVG.escape(item)) (\(entries.count) source\(entries.count == 1 ? "" : "s"))</summary>\n<ul class=\"sources\">\n"
      for entry in entries {
        let link =
          entry.url.hasPrefix("http")
          ? "<a href=\"\(SVG.escape(entry.url))\">\(SVG.escape(entry.url))</a>" : SVG.escape(entry.url)
        html +=
          "<li>\(link) <span class=\"confidence\">\(SVG.escape(entry.confidence))</span>"
          + (entry.supports.isEmpty
            ? "" : " supports <code>\(SVG.escape(entry.supports.joined(separator: ", ")))</code>")
          + (entry.note.map { " — \(SVG.escape($0))" } ?? "") + "</li>\n"
      }
      html += "</ul></details>\n"
    }
    if !context.dataFiles.isEmpty {
      html += "<h3>Data files behind this result</h3>\n"
      if let root = context.dataRoot { html += "<p>In the data folder <code>\(SVG.escape(root))</code>:</p>\n" }
      html += "<ul class=\"sources\">\n"
      for file in context.dataFiles {
        if let root = context.dataRoot {
          // Files of the folders above the first are named by their full paths.
          let path = file.hasPrefix("/") ? file : (root.hasSuffix("/") ? root + file : root + "/" + file)
          let encoded = path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
          html += "<li><a href=\"file://\(SVG.escape(encoded))\"><code>\(SVG.escape(file))</code></a></li>\n"
        } else {
          html += "<li><code>\(SVG.escape(file))</code></li>\n"
        }
      }
      html += "</ul>\n"
    }
    return html + "</section>\n"
  }
}

import Foundation
import HeadroomTestSupport
import Testing

/// The HTML reports open in a real headless Chromium with no errors, hold their charts and titles, and draw
/// something; the screenshots stay in .build/report-screenshots/ for a person to look at.
@Suite struct HTMLReportTests {
  /// One report kind: the command that writes it, and the chart ids and texts its page must hold.
  struct Kind: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var charts: [String]
    var texts: [String]
    var testDescription: String { name }
  }

  static let kinds: [Kind] = [
    .init(
      name: "walls", arguments: ["walls", "--no-save"],
      charts: ["walls-power-own", "walls-power-shared", "walls-chips-own", "walls-chips-shared"],
      texts: ["Walls: Baseline", "GW at the meter", "million H100e", "power wall", "Assumptions and sources"]),
    .init(
      name: "whatif", arguments: ["whatif", "--scenario", "china-h200", "--no-save"],
      charts: ["whatif-power-wall", "whatif-chip-wall", "whatif-power", "whatif-chips"],
      texts: ["What-if: china-h200", "baseline", "chip wall year"]),
    .init(
      name: "sweep",
      arguments: [
        "sweep", "--vary", "demand.growth.start=1.6:3.3", "--vary", "ai_share_of_dc_growth=0.35:0.6", "--samples", "8",
        "--no-save",
      ],
      charts: ["sweep-power-wall", "sweep-chip-wall", "sweep-tornado-powerWall", "sweep-tornado-chipWall"],
      texts: ["Sweep of baseline", "Spearman rank correlation", "Distribution of the power wall year"]),
    .init(
      name: "sobol",
      arguments: [
        "sweep", "--method", "sobol", "--vary", "demand.growth.start=1.6:3.3", "--vary", "lifetime=4:6", "--samples",
        "4", "--no-save",
      ],
      charts: ["sweep-power-wall", "sweep-chip-wall", "sweep-tornado-powerWall", "sweep-tornado-chipWall"],
      texts: ["total-order Sobol indices", "Distribution of the chip wall year"]),
    .init(
      name: "plan", arguments: ["plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference"],
      charts: ["plan-build-out", "plan-racks", "plan-shortfalls"],
      texts: ["Site plan: dublin-colo-hall", "IT power (MW)", "hall-1", "eu-chat"]),
    .init(
      name: "grid", arguments: ["grid", "show", "US"], charts: ["grid-supply", "grid-additions"],
      texts: ["Grid: United States (US)", "US-ERCOT", "GW a year"]),
  ]

  static let screenshots = Repository.root.appendingPathComponent(".build/report-screenshots")

  /// Debian's Chromium, which `make test` installs.
  static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  /// Runs headless Chromium on a page with extra arguments; returns standard output and standard error.
  static func browse(_ page: URL, _ arguments: [String]) throws -> (stdout: String, stderr: String) {
    let chromium = try #require(Self.chromium, "Chromium is missing: run 'make test' (it installs Debian's chromium)")
    let profile = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: profile) }
    let result = try Headroom.run(
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=\(profile.path)", "--window-size=1280,2000",
      ] + arguments + [page.absoluteString], program: URL(fileURLWithPath: chromium))
    return (result.stdout, result.stderr)
  }

  @Test(arguments: kinds)
  func theReportOpensInChromiumWithItsChartsAndNoErrors(_ kind: Kind) throws {
    // Given a report kind written with --html,
    try FileManager.default.createDirectory(at: Self.screenshots, withIntermediateDirectories: true)
    let page = Self.screenshots.appendingPathComponent("\(kind.name).html")
    let written = try Headroom.run(kind.arguments + ["--html", page.path])
    #expect(written.status == 0, "\(written.stderr)")
    let html = try String(contentsOf: page, encoding: .utf8)
    // it is self-contained: no script, style sheet, image or font is loaded from elsewhere.
    for external in ["<script src", "<link ", "<img ", "@import", "url(http"] {
      #expect(!html.contains(external), "the page loads \(external)")
    }
    // When Chromium loads it, Then the DOM holds the charts and titles and records no error,
    let dom = try Self.browse(page, ["--dump-dom"])
    #expect(dom.stdout.contains("data-report=\"\(kind.name == "sobol" ? "sweep" : kind.name)\""))
    #expect(!dom.stdout.contains("data-errors="), "the page recorded an error")
    for chart in kind.charts {
      #expect(dom.stdout.contains("<svg class=\"chart\" id=\"\(chart)\""), "chart \(chart) is missing")
    }
    for text in kind.texts { #expect(dom.stdout.contains(text), "'\(text)' is missing") }
    #expect(dom.stdout.contains("class=\"axis-title\""))
    #expect(dom.stdout.contains("class=\"legend\""))
    #expect(dom.stdout.contains("<title>"), "no tooltips")
    let console = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
    #expect(console.isEmpty, "console messages: \(console.prefix(3))")
    // and a screenshot at 1280 px is not blank.
    let shot = Self.screenshots.appendingPathComponent("\(kind.name).png")
    try? FileManager.default.removeItem(at: shot)
    _ = try Self.browse(page, ["--screenshot=\(shot.path)", "--hide-scrollbars"])
    let image = try PNGImage([UInt8](try Data(contentsOf: shot)))
    #expect(image.width == 1280)
    let share = Double(image.nonWhitePixels()) / Double(image.width * image.height)
    #expect(share > 0.03, "only \(share * 100) % of the screenshot is not white")
  }

  @Test func aReportOrChartPathThatCannotBeWrittenFailsBeforeSolvingAndSavesNothing() throws {
    // Given a fresh run history,
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-html-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("runs.sqlite").path
    let missing = folder.appendingPathComponent("no-such-folder").path
    let cases: [([String], String)] = [
      (["walls", "--chart", missing + "/walls.svg"], "does not exist"),
      (["walls", "--chart", folder.path + "/walls.png"], "expected a .svg file"),
      (["walls", "--html", missing + "/walls.html"], "does not exist"),
      (["walls", "--html", folder.path + "/walls.htm"], "expected a .html file"),
      (["whatif", "--scenario", "china-h200", "--html", missing + "/w.html"], "does not exist"),
      (
        ["sweep", "--vary", "lifetime=4:6", "--samples", "2", "--html", folder.path + "/s.svg"], "expected a .html file"
      ),
      (
        ["plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--html", missing + "/p.html"],
        "does not exist"
      ),
      (["grid", "show", "US", "--html", folder.path + "/g.txt"], "expected a .html file"),
    ]
    for (arguments, message) in cases {
      // When a command is given a report path in a missing folder or with the wrong extension,
      let result = try Headroom.run(
        arguments + ["--db", database].filter { _ in arguments[0] != "plan" && arguments[0] != "grid" })
      // Then it fails naming the option and the problem, before solving (nothing on standard output),
      #expect(result.status != 0, "\(arguments)")
      #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
      #expect(result.stdout.isEmpty, "\(arguments) printed a result")
    }
    // and no run was recorded: the history database was never created.
    #expect(!FileManager.default.fileExists(atPath: database))
  }

  @Test func theWallsChartMarksBothWallsAndSaysNoWallByTheLastYear() throws {
    // Given the baseline with an override, When walls --chart writes the SVG,
    let chart = FileManager.default.temporaryDirectory.appendingPathComponent("walls-\(UUID().uuidString).svg")
    defer { try? FileManager.default.removeItem(at: chart) }
    let result = try Headroom.run(["walls", "--no-save", "--set", "demand.case=low", "--chart", chart.path])
    #expect(result.status == 0, "\(result.stderr)")
    let svg = try String(contentsOf: chart, encoding: .utf8)
    // Then it is a standalone SVG with axis titles, the override in its title, and a legend,
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("GW at the meter") && svg.contains("million H100e") && svg.contains(">year<"))
    #expect(svg.contains("--set demand.case=low"))
    #expect(svg.contains("class=\"legend\""))
    // every panel says its walls, "none by 2035" where a wall is not hit, and marks each wall hit with its own
    // symbol and place (power: a triangle at the top; chip: a circle at the bottom), so equal years stay apart.
    #expect(svg.contains("none by 2035"))
    let json = try Headroom.json(
      try Headroom.run(["walls", "--no-save", "--set", "demand.case=low", "--format", "json"]).stdout)
    let countries = try #require(json["countries"] as? [[String: Any]])
    for country in countries {
      let code = try #require(country["country"] as? String)
      if let year = country["powerWallYear"] as? Double { #expect(svg.contains("\(code) power wall \(Int(year)):")) }
      if let year = country["chipWallYear"] as? Double { #expect(svg.contains("\(code) chip wall \(Int(year)):")) }
    }
    #expect(svg.contains(">P 20") && svg.contains(">C 20"))
  }
}

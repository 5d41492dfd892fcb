import Foundation
import HeadroomReport
import Testing

/// Text tables fit the terminal: every table command at COLUMNS=120, and the fitting rules themselves.
@Suite struct TableWidthTests {
  /// The longest line of a text, in characters.
  static func widest(_ text: String) -> (width: Int, line: String) {
    let lines = text.components(separatedBy: "\n")
    let line = lines.max { $0.count < $1.count } ?? ""
    return (line.count, line)
  }

  @Test func everyTableCommandFits120ColumnsByDefault() throws {
    // Given a scratch run history with a walls run, a whatif, a sweep and a plan saved in it,
    let folder = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let database = folder.appendingPathComponent("runs.sqlite").path
    let environment = ["COLUMNS": "120", "HEADROOM_DB": database]
    let saving: [[String]] = [
      ["walls"], ["whatif", "--scenario", "china-h200"],
      ["sweep", "--vary", "demand.growth.start=1.6:3.3", "--vary", "ai_share_of_dc_growth=0.35:0.6", "--samples", "4"],
      ["plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--time-limit", "20s"],
    ]
    var outputs: [(String, String)] = []
    for arguments in saving {
      let result = try Headroom.run(arguments, setting: environment)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      outputs.append((arguments.joined(separator: " "), result.stdout))
    }
    // When every other command that prints a table runs at COLUMNS=120,
    let commands: [[String]] = [
      ["walls", "--year-by-year", "--no-save"], ["grid", "list"], ["grid", "show", "US"],
      ["fit", "--site", "dublin-colo-hall", "--system", "hgx-h200"],
      ["fit", "--site", "ercot-gigawatt-campus", "--system", "gb200-nvl72", "--year", "2027"],
      [
        "size", "training", "--params", "405e9", "--tokens", "15.6e12", "--accelerator", "h100-sxm", "--count", "16384",
      ],
      [
        "size", "inference", "--model", "llama-3-70b", "--rate", "1M", "--compare", "h100-sxm,h20,h200-sxm,mi300x,b200",
      ],
      ["catalog", "list"], ["catalog", "show", "h100-sxm"], ["catalog", "compare", "h100-sxm", "h20", "ascend-910c"],
      ["catalog", "check"], ["classify", "h20", "--to", "CN"], ["classify", "ascend-910c", "--to", "CN"],
      ["runs", "list"], ["runs", "show", "1"], ["runs", "show", "3"], ["runs", "show", "4"],
      ["runs", "diff", "1", "2"],
      ["runs", "diff", "1", "3"], ["query", "SELECT * FROM runs"],
      ["query", "SELECT id, name, vendor, tdp_w, memory_bytes FROM accelerators"],
      ["site", "list"], ["scenario", "list"], ["workloads", "list"], ["model", "list"], ["accelerator", "list"],
      ["batch", "baseline", "china-h200", "--no-save"],
    ]
    for arguments in commands {
      let result = try Headroom.run(arguments, setting: environment)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
      outputs.append((arguments.joined(separator: " "), result.stdout))
    }
    // Then no line of any of them is wider than 120 characters.
    for (command, output) in outputs {
      let widest = Self.widest(output)
      #expect(widest.width <= 120, "\(command): \(widest.width) columns: \(widest.line)")
      #expect(!output.isEmpty, "\(command) printed nothing")
    }
  }

  @Test func wideAndASmallerTerminalChangeTheLayout() throws {
    // Given the walls report, When printed --wide, Then it runs past 120 columns (nothing is wrapped or moved);
    let wide = try Headroom.run(["walls", "--no-save", "--wide"], setting: ["COLUMNS": "120"])
    #expect(Self.widest(wide.stdout).width > 120)
    // When printed at COLUMNS=80, Then every line fits 80 and the moved columns are named.
    let narrow = try Headroom.run(["walls", "--no-save"], setting: ["COLUMNS": "80"])
    #expect(Self.widest(narrow.stdout).width <= 80, "\(Self.widest(narrow.stdout).line)")
    #expect(narrow.stdout.contains("moved below to fit 80 columns"))
  }

  @Test func aWideTableWrapsItsTextColumnThenMovesColumnsBelowNamingThem() {
    // Given a table with a key column, three numbers and a long note,
    var table = Table(
      title: "Example", columns: [.init("id"), .init("alpha", .right), .init("beta", .right), .init("note")])
    table.append(["a", "1,000", "2", String(repeating: "word ", count: 20)])
    table.append(["b", "3", "40,000", "short"])
    // When fitted to 40 columns, Then the note wraps within its column and every line fits;
    let wrapped = table.renderText(layout: TextLayout(width: 40))
    #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 40 }, "\(wrapped)")
    #expect(!wrapped.contains("moved below"))
    #expect(wrapped.contains("a   1,000       2  word word word word\n                   word word"), "\(wrapped)")
    // When the numbers alone are wider than the layout, Then columns move below beside the key column, named.
    var numbers = Table(columns: [.init("year")] + (1...12).map { Table.Column("series \($0)", .right) })
    numbers.append(["2030"] + (1...12).map { "\($0 * 1000)" })
    let split = numbers.renderText(layout: TextLayout(width: 60))
    #expect(split.split(separator: "\n").allSatisfy { $0.count <= 60 }, "\(split)")
    #expect(split.contains("moved below to fit 60 columns: series"))
    #expect(split.components(separatedBy: "year").count - 1 >= 2, "the key column is repeated in each part")
    // And unlimited, it is one line per row as before.
    #expect(numbers.renderText().split(separator: "\n").count == 3)
  }

  @Test func helpExamplesFit80ColumnsSoTheyNeverBreakMidArgument() throws {
    // Given every command's help printed unwrapped (COLUMNS=1000),
    let commands: [[String]] = [
      ["catalog", "list"], ["catalog", "show"], ["catalog", "compare"], ["catalog", "check"], ["catalog", "diff"],
      ["classify"], ["grid", "list"], ["grid", "show"], ["fit"], ["size", "training"], ["size", "inference"],
      ["size", "calibrate"], ["walls"], ["whatif"], ["sweep"], ["batch"], ["plan"], ["db", "build"], ["db", "path"],
      ["query"], ["runs", "list"], ["runs", "show"], ["runs", "diff"], ["site", "list"], ["site", "new"],
      ["accelerator", "new"], ["scenario", "new"], ["workloads", "new"], ["model", "list"], ["import"],
    ]
    var examples = 0
    for command in commands {
      let result = try Headroom.run(command + ["--help"], setting: ["COLUMNS": "1000"])
      #expect(result.status == 0, "\(command): \(result.stderr)")
      // Then every example line (and each continuation after a trailing backslash) fits 80 columns, so a
      // terminal of 80 never wraps one in the middle of an argument.
      var continuing = false
      for line in result.stdout.components(separatedBy: "\n") {
        let isExample = line.hasPrefix("  headroom ") || (continuing && line.hasPrefix("    "))
        if isExample {
          examples += 1
          #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
        }
        continuing = isExample && line.hasSuffix("\\")
      }
    }
    #expect(examples > 40)
  }
}

import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// The README's "From Swift" example, compiled and run: the lines between the markers below are the
/// README's ```swift block (its imports aside, which this file has), so the example cannot stop compiling
/// or drift from what it prints.
@Suite struct ReadmeSwiftExampleTests {
  /// The README example, verbatim between the markers; returns China's chip wall that it prints.
  func readmeExample() throws -> WhatIfResult.Change<Int?> {
    // README example begin
    let root = try DataDirectory.locate()  // the checkout's Hardware/, Grids/ and Scenarios/
    let catalog = try CatalogLoader(root: root).load()
    let scenarios = ScenarioLoader(catalog: catalog, root: root)
    let walls = WallsStudy(
      catalog: catalog, solver: CoinORSolver(),
      solverIdentity: SolverIdentity(name: "COIN-OR CLP", version: CoinORSolver.clpVersion))
    let result = try WhatIfStudy(walls: walls).run(
      baseline: scenarios.load("baseline"), whatIf: scenarios.load("china-h200"))
    let wall = result.countries.first { $0.country == "CN" }!.chipWallYear
    let years = [wall.baseline, wall.whatIf].map { $0.map(String.init) ?? "none" }
    print("CN chip wall:", years[0], "->", years[1])  // CN chip wall: 2029 -> 2031
    // README example end
    return wall
  }

  /// The lines between the markers in this file, without their common indentation.
  static func markedLines() throws -> [String] {
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let begin = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// README example begin" })
    let end = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "// README example end" })
    return dedented(Array(lines[(begin + 1)..<end]))
  }

  /// Lines without the indentation they all share.
  static func dedented(_ lines: [String]) -> [String] {
    let indent = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " }.count))) }
  }

  /// The README's ```swift block that shows the what-if.
  static func readmeBlock() throws -> Readme.CodeBlock {
    try #require(
      try Readme.repository().codeBlocks.first {
        $0.info == "swift" && $0.lines.contains { $0.contains("WhatIfStudy") }
      },
      "README.md has no ```swift block running WhatIfStudy")
  }

  @Test func theReadmeSwiftBlockIsTheCodeThisTestRuns() throws {
    // Given the README's block: its imports, a blank line, then the code
    let block = try Self.readmeBlock()
    let imports = block.lines.prefix { $0.hasPrefix("import ") }
    #expect(!imports.isEmpty)
    let codeStart = block.lines.firstIndex { !$0.hasPrefix("import ") && !$0.isEmpty } ?? block.lines.count
    let code = block.lines.indices.dropFirst(codeStart).map {
      GoldenOutput.Line(text: block.lines[$0], fileLine: block.fileLine($0))
    }

    // Then the code is exactly this file's marked lines (the diff names the README lines)
    let marked = try Self.markedLines().joined(separator: "\n")
    if let difference = GoldenOutput(lines: code).mismatch(in: marked, file: "README.md") {
      Issue.record("README.md's Swift example is not the code this test runs (- README, + this test):\n\(difference)")
    }
    // And each of its imports is one this file makes
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    for line in imports {
      #expect(source.split(separator: "\n").contains { $0 == line }, "README imports what this test does not: \(line)")
    }
  }

  @Test func theReadmeSwiftExamplePrintsChinasChipWallsAsTheReadmeTablesDo() throws {
    // When the example runs
    let wall = try readmeExample()

    // Then China's chip wall moves as the README's walls and what-if tables show (2029 -> 2031)
    let before = try #require(wall.baseline)
    let after = try #require(wall.whatIf)
    #expect((before, after) == (2029, 2031))
    let readme = try Readme.repository().lines
    let wallsRow = try #require(readme.first { $0.hasPrefix("CN ") && $0.contains("chip \(before)") })
    let fields = wallsRow.split(separator: " ").map(String.init)
    #expect(fields.count > 2 && fields[2] == "\(before)", "the walls table's chip wall column: \(wallsRow)")
    #expect(readme.contains { $0.hasPrefix("CN ") && $0.contains("\(before) → \(after) (+\(after - before))") })
    // And the comment beside the example's print says what it printed
    #expect(try Self.markedLines().contains { $0.hasSuffix("// CN chip wall: \(before) -> \(after)") })
  }
}

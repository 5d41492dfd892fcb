import HeadroomTestSupport
import Testing

/// How README examples are read (commands, their output, `...`) and compared with what a command prints.
@Suite struct ReadmeExampleParsingTests {
  func examples(_ text: String) throws -> [ReadmeExample] {
    try ReadmeExample.all(in: Readme(name: "README.md", text: text))
  }

  @Test func aBlockOpeningWithACommandHoldsOneExamplePerDollarLine() throws {
    // Given a block of two commands, a comment and blank lines, and a block that is not an example
    let text = """
      ```
      $ headroom classify h20 --to CN    # a comment
      TPP  2,368

      $ headroom fit --site a
      error: no site
      ```
      ```
      headroom walls
      ```
      """
    // When read, Then each command has its own output, numbered by README line, trailing blank lines dropped
    let read = try examples(text)
    #expect(read.map(\.arguments) == [["classify", "h20", "--to", "CN"], ["fit", "--site", "a"]])
    #expect(read.map(\.line) == [2, 5])
    #expect(read[0].expected.lines == [GoldenOutput.Line(text: "TPP  2,368", fileLine: 3)])
    #expect(read[1].expected.lines.map(\.text) == ["error: no site"])
  }

  @Test func aCommandContinuesAfterABackslashAndInsideQuotes() throws {
    // Given a command continued by a backslash and a query whose quote spans lines
    let text = """
      ```
      $ headroom sweep --samples 8 \\
          --vary a=1:2
      out
      $ headroom query "SELECT 'x'
          FROM t"
      x
      ```
      """
    // When read, Then the continuation lines are part of the commands, not of their output
    let read = try examples(text)
    #expect(read[0].arguments == ["sweep", "--samples", "8", "--vary", "a=1:2"])
    #expect(read[1].arguments == ["query", "SELECT 'x'\n    FROM t"])
    #expect(read.map { $0.expected.lines.map(\.text) } == [["out"], ["x"]])
  }

  @Test func aCommandThatIsNotHeadroomOrNeverEndsIsAnErrorNamingItsLine() {
    // Given a '$' line that runs another program, and one whose quote is never closed
    // Then each is an error naming its README line
    let other = #expect(throws: ReadmeExample.ParseError.self) { try examples("```\n$ headroom walls\n$ ls\n```") }
    #expect(other?.description == "README.md:3: only 'headroom' commands can be checked: ls")
    let open = #expect(throws: ReadmeExample.ParseError.self) { try examples("```\n$ headroom query \"SELECT\n```") }
    #expect(open?.description == "README.md:2: the command runs on to the end of its block")
  }

  @Test func withoutAnElisionTheOutputMustBeExactlyTheLinesShown() {
    // Given output shown whole
    let shown = GoldenOutput(["a", "b  ", ""])
    // Then trailing whitespace and blank lines do not count, and anything more or less is a mismatch
    #expect(shown.mismatch(in: "a\nb\n\n", file: "R") == nil)
    #expect(shown.mismatch(in: "a\nb\nc\n", file: "R") != nil)
    #expect(shown.mismatch(in: "a\n", file: "R") != nil)
    #expect(shown.mismatch(in: "a\n b\n", file: "R") != nil)
  }

  @Test func anElisionStandsForAnyNumberOfLinesInOrder() {
    // Given output shown with its start, a middle run and its end, and '...' between them
    let shown = GoldenOutput(["a", "...", "c", "d", "...", "f"])
    // Then lines may be left out at each '...', none included
    #expect(shown.mismatch(in: "a\nc\nd\nf\n", file: "R") == nil)
    #expect(shown.mismatch(in: "a\nb\nc\nd\ne\nf\n", file: "R") == nil)
    // But the start, the whole middle run, its order and the end must all be there
    #expect(shown.mismatch(in: "x\nc\nd\nf\n", file: "R") != nil)
    #expect(shown.mismatch(in: "a\nc\nx\nd\nf\n", file: "R") != nil)
    #expect(shown.mismatch(in: "a\nf\nc\nd\n", file: "R") != nil)
    #expect(shown.mismatch(in: "a\nc\nd\nf\ng\n", file: "R") != nil)
    // And a trailing '...' leaves the rest of the output free
    #expect(GoldenOutput(["a", "..."]).mismatch(in: "a\nb\nc\n", file: "R") == nil)
  }

  @Test func aMismatchIsADiffNamingTheReadmeLines() throws {
    // Given output shown on README lines 10-12 and output that differs on the second line
    let shown = GoldenOutput(lines: [
      .init(text: "title", fileLine: 10), .init(text: "old", fileLine: 11), .init(text: "end", fileLine: 12),
    ])
    // When compared
    let difference = try #require(shown.mismatch(in: "title\nnew\nend\n", file: "README.md"))
    // Then the diff keeps the equal lines and names the README line shown and the output line printed
    #expect(difference.contains("  README.md:10 | title"))
    #expect(difference.contains("- README.md:11 | old"))
    #expect(difference.contains("+ output:2 | new"))
    #expect(difference.contains("  README.md:12 | end"))
  }
}

import Foundation
import HeadroomTestSupport
import Testing

/// One README example as a test argument, named by its README line and command.
struct ReadmeExampleCase: Sendable, CustomTestStringConvertible {
  var example: ReadmeExample

  var testDescription: String {
    let command = example.command.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ")
    return "README.md:\(example.line) headroom \(command.count > 90 ? String(command.prefix(87)) + "..." : command)"
  }

  /// Every example of the repository's README (none when it does not parse: a test reports that).
  static let all: [ReadmeExample] = (try? ReadmeExample.all(in: Readme.repository())) ?? []

  /// The examples as test arguments.
  static let checked: [ReadmeExampleCase] = all.map(ReadmeExampleCase.init)
}

/// The README's `$ headroom ...` examples are golden outputs: each runs with the built binary at 120
/// columns, in a scratch folder with a scratch database, and must print exactly what the README shows
/// (standard output, then standard error; `...` lines stand for omitted output, see ``GoldenOutput``), so
/// the README cannot drift from the tool.
@Suite struct ReadmeExamplesTests {
  @Test func theReadmeExamplesParse() throws {
    // Given the README, When its examples are read, Then every block that opens with '$ headroom' parses
    let examples = try ReadmeExample.all(in: Readme.repository())
    #expect(examples.count >= 20)
  }

  @Test func everyKindOfCommandHasACheckedExample() {
    // Given the examples this run checks, Then each of these commands has at least one
    let commands = Set(ReadmeExampleCase.checked.map { $0.example.arguments.first ?? "" })
    for command in ["walls", "whatif", "fit", "plan", "classify", "size", "query", "sweep", "import", "runs"] {
      #expect(commands.contains(command), "no checked README example runs 'headroom \(command)'")
    }
  }

  @Test func everySetupEntryNamesAReadmeExample() {
    // Given the tables of commands run first and files, Then each key starts an example
    let setup = ReadmeExampleSetup.self
    for key in Array(setup.before.keys) + Array(setup.files.keys) {
      #expect(ReadmeExampleSetup.names(key, among: ReadmeExampleCase.all), "'\(key)' starts no README example")
    }
  }

  @Test(arguments: ReadmeExampleCase.checked)
  func aReadmeExamplePrintsWhatTheReadmeShows(_ item: ReadmeExampleCase) throws {
    // Given a scratch folder with the example's files and database, and the commands it needs run first
    let example = item.example
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-readme-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for (name, text) in ReadmeExampleSetup.entry(ReadmeExampleSetup.files, for: example) ?? [:] {
      try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let environment = ["HEADROOM_DB": folder.appendingPathComponent("runs.sqlite").path, "COLUMNS": "120"]
    for arguments in ReadmeExampleSetup.entry(ReadmeExampleSetup.before, for: example) ?? [] {
      let result = try Headroom.run(arguments, in: folder, setting: environment)
      try #require(result.status == 0, "before README.md:\(example.line): headroom \(arguments): \(result.stderr)")
    }

    // When the command runs
    let result = try Headroom.run(example.arguments, in: folder, setting: environment)

    // Then it prints what the README shows, and fails exactly when the README shows an error
    let printed = result.stdout + (result.stdout.isEmpty || result.stdout.hasSuffix("\n") ? "" : "\n") + result.stderr
    if let difference = example.expected.mismatch(in: printed, file: "README.md") {
      Issue.record(
        """
        README.md:\(example.line): 'headroom \(example.command)' does not print what the README shows \
        (exit status \(result.status)):
        \(difference)

        headroom printed:
        \(printed)
        """)
    }
    let showsError = example.expected.lines.first?.text.hasPrefix("error:") == true
    let shown = showsError ? "an error" : "no error"
    #expect((result.status != 0) == showsError, "README.md:\(example.line): exit \(result.status), shows \(shown)")
  }
}

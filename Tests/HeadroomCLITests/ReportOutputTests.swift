import Foundation
import HeadroomReport
import HeadroomTestSupport
import Testing

/// Every command's JSON follows its schema and the one vocabulary, and every CSV is one tidy table.
@Suite struct ReportOutputTests {
  static let schemas = Repository.root.appendingPathComponent("Schemas")

  @Test(arguments: ReportCase.all)
  func jsonValidatesAgainstTheCommandsSchema(_ report: ReportCase) throws {
    // Given a command, When it writes JSON, Then the document validates against Schemas/<command>.schema.json.
    let result = try Headroom.run(report.resolved + ["--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let schema = try JSONSchema(file: Self.schemas.appendingPathComponent("\(report.schema).schema.json"))
    let problems = schema.problems(try JSONDocument.parse(result.stdout))
    #expect(problems.isEmpty, "\(problems.prefix(10).joined(separator: "\n"))")
  }

  @Test func everySchemaIsCheckedAndUsesTheVocabulary() throws {
    // Given the schemas in Schemas/, When read, Then each is exercised by a case above, and every key it declares is
    // camelCase, free of the spellings the vocabulary replaced, and ends in a unit suffix spelt as the list spells it.
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.schemas.path).filter {
      $0.hasSuffix(".schema.json")
    }
    let used = Set(ReportCase.all.map { "\($0.schema).schema.json" })
    #expect(Set(files) == used, "schemas without a case or cases without a schema")
    let suffixes = JSONVocabulary.suffixes.map(\.suffix)
    var keys = Set<String>()
    for file in files {
      keys.formUnion(JSONSchema.propertyNames(try JSONSchema(file: Self.schemas.appendingPathComponent(file)).schema))
    }
    for key in keys.sorted() {
      #expect(key.range(of: "^[a-z][a-zA-Z0-9]*$", options: .regularExpression) != nil, "key '\(key)' is not camelCase")
      for refused in JSONVocabulary.refused {
        #expect(!key.contains(refused), "key '\(key)' uses '\(refused)', which the vocabulary replaced")
      }
      // A unit written in another case (`powerMw`, `costUsd`) is a misspelt suffix.
      let units = suffixes.filter { $0.filter(\.isUppercase).count >= 2 || $0.contains(where: \.isNumber) }
      for suffix in units where key.lowercased().hasSuffix(suffix.lowercased()) {
        let tail = String(key.suffix(suffix.count))
        let word = key.dropLast(suffix.count).last.map { $0.isLowercase || $0.isNumber } ?? false
        if word && tail != suffix && !suffixes.contains(where: { key.hasSuffix($0) }) {
          Issue.record("key '\(key)' ends in '\(tail)'; the vocabulary spells it '\(suffix)'")
        }
      }
    }
    for required in ["powerWallYear", "chipWallYear", "bindingWall", "purchases", "objective", "solver"] {
      #expect(keys.contains(required), "walls key \(required) is gone")
    }
  }

  /// The cases with each of their tables: the main one (nil) and every `--table`.
  static let tables: [(ReportCase, String?)] = ReportCase.all.flatMap { report in
    [(report, nil)] + report.tables.map { (report, $0) }
  }

  @Test(arguments: tables)
  func csvIsOneTidyTable(_ report: ReportCase, _ table: String?) throws {
    // Given a command (and a --table), When it writes CSV, Then a CSV reader finds one header of unique snake_case
    // names and rows of its width, and every column with a unit in its name holds numbers or empty cells.
    let result = try Headroom.run(report.resolved + ["--format", "csv"] + (table.map { ["--table", $0] } ?? []))
    #expect(result.status == 0, "\(result.stderr)")
    let records = try CSVReader.records(result.stdout)
    let header = try #require(records.first, "no header")
    #expect(Set(header).count == header.count, "duplicate columns in \(header)")
    let verbatim = report.arguments.first == "query"
    for name in header where !verbatim {
      #expect(name.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) != nil, "column '\(name)'")
    }
    for (index, record) in records.enumerated().dropFirst() {
      #expect(record.count == header.count, "row \(index) has \(record.count) cells for \(header.count) columns")
    }
    let numeric = JSONVocabulary.suffixes.filter { !["At", "On"].contains($0.suffix) }.map {
      "_" + JSONVocabulary.snakeCase("x" + $0.suffix).dropFirst(2)
    }
    let textColumns: Set<String> = ["old", "new", "a", "b", "value", "text", "name", "note", "explanation", "item"]
    for (column, name) in header.enumerated() {
      let cells = records.dropFirst().compactMap { $0.count > column ? $0[column] : nil }.filter { !$0.isEmpty }
      let numbers = cells.filter { Double($0) != nil }
      if numeric.contains(where: { name.hasSuffix($0) }) || name == "year" {
        #expect(
          numbers.count == cells.count, "column '\(name)' holds text: \(cells.filter { Double($0) == nil }.prefix(3))")
      } else if !numbers.isEmpty && numbers.count < cells.count && !textColumns.contains(name) && !verbatim {
        Issue.record("column '\(name)' mixes numbers and text: \(cells.prefix(4))")
      }
      for cell in cells {
        #expect(!["—", "–", "→", "nan", "inf"].contains(cell), "column '\(name)' holds '\(cell)'")
      }
    }
  }

  @Test func anUnknownTableIsAnErrorThatNamesTheTables() throws {
    // Given --table with a name the command does not have, When run, Then it fails naming the tables it has.
    let result = try Headroom.run(["grid", "show", "IE", "--format", "csv", "--table", "nope"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("--table nope") && result.stderr.contains("series"), "\(result.stderr)")
    let json = try Headroom.run(["grid", "list", "--format", "json", "--table", "countries"])
    #expect(json.status != 0 && json.stderr.contains("--format csv"), "\(json.stderr)")
  }
}

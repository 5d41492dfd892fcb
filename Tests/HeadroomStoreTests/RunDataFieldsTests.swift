import Foundation
import GRDB
import HeadroomCatalog
import HeadroomTestSupport
import Testing

@testable import HeadroomStore

/// `runs diff` names the data fields behind a changed data hash, from the field hashes saved per data version.
@Suite struct RunDataFieldsTests {
  static func fields(_ pairs: [(String, String, String)]) -> [RunSummary.DataField] {
    pairs.map { RunSummary.DataField(file: $0.0, field: $0.1, hash: $0.2) }
  }

  @Test func aChangedDataHashNamesTheFieldsAddedRemovedAndChanged() throws {
    // Given two runs whose data differ in one field's value, one field removed, one added and one new file
    let database = try HeadroomDatabase.inMemory()
    var first = StoreTestSupport.run(dataHash: "aaaaaaaaaaaaaaaa")
    first.dataFields = Self.fields([("a.yaml", "tdp", "1"), ("a.yaml", "memory", "2"), ("a.yaml", "year", "3")])
    var second = StoreTestSupport.run(dataHash: "bbbbbbbbbbbbbbbb")
    second.dataFields = Self.fields([
      ("a.yaml", "tdp", "9"), ("a.yaml", "year", "3"), ("a.yaml", "price.amount", "4"), ("b.yaml", "id", "5"),
    ])

    // When they are saved and diffed
    let diff = try database.diff(try database.saveRun(first), try database.saveRun(second))

    // Then the data hash change comes with exactly those fields, by file then field
    #expect(diff.inputChanges.map(\.label) == ["data hash"])
    #expect(
      diff.dataFields
        == .changed([
          .init(file: "a.yaml", field: "memory", change: .removed),
          .init(file: "a.yaml", field: "price.amount", change: .added),
          .init(file: "a.yaml", field: "tdp", change: .changed),
          .init(file: "b.yaml", field: nil, change: .added),
        ]))
  }

  @Test func runsOfTheSameDataShareOneCopyOfTheFieldHashes() throws {
    // Given two runs of the same data version, each carrying its 3 field hashes
    let database = try HeadroomDatabase.inMemory()
    var run = StoreTestSupport.run()
    run.dataFields = Self.fields([("a.yaml", "tdp", "1"), ("a.yaml", "memory", "2"), ("b.yaml", "id", "3")])
    try database.saveRun(run)
    try database.saveRun(run)

    // When the table is counted, Then the fields are stored once
    let count = try database.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM data_fields") }
    #expect(count == 3)
  }

  @Test func aRunSavedWithoutFieldsSaysTheyWereNotRecorded() throws {
    // Given an old-style run (no field hashes) and a new one with different data
    let database = try HeadroomDatabase.inMemory()
    let old = try database.saveRun(StoreTestSupport.run(dataHash: "aaaaaaaaaaaaaaaa"))
    var new = StoreTestSupport.run(dataHash: "bbbbbbbbbbbbbbbb")
    new.dataFields = Self.fields([("a.yaml", "tdp", "1")])

    // When diffed, Then only the hash can be compared
    #expect(try database.diff(old, database.saveRun(new)).dataFields == .notRecorded)
  }

  @Test func editingOneValueInACopyOfTheDataNamesThatField() throws {
    // Given the repository's data and a copy where the H100 SXM's TDP is 750 W instead of 700 W
    let copy = try StoreTestSupport.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: copy) }
    for folder in DataSnapshot.folders {
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
    }
    let file = copy.appendingPathComponent("Hardware/accelerators/nvidia/h100-sxm.yaml")
    try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "tdp: 700 W", with: "tdp: 750 W")
      .write(to: file, atomically: true, encoding: .utf8)
    func summary(_ root: URL) throws -> RunSummary {
      var run = StoreTestSupport.run(dataHash: DataHash.of(root: root))
      run.dataFields = try DataSnapshot.read(root: root).fieldHashes.map {
        RunSummary.DataField(file: $0.file, field: $0.field, hash: $0.hash)
      }
      return run
    }

    // When a run of each is saved and the two are diffed
    let database = try HeadroomDatabase.inMemory()
    let diff = try database.diff(
      try database.saveRun(summary(Repository.root)), try database.saveRun(summary(copy)))

    // Then the one field is named
    #expect(
      diff.dataFields
        == .changed([.init(file: "Hardware/accelerators/nvidia/h100-sxm.yaml", field: "tdp", change: .changed)]))
  }
}

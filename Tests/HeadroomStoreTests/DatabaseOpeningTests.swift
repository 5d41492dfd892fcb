import Foundation
import GRDB
import Testing

@testable import HeadroomStore

@Suite struct DatabaseOpeningTests {
  @Test func aNewFileIsMigratedToTheCurrentSchemaInWALMode() throws {
    // Given a path in a folder that does not exist yet
    let path = try StoreTestSupport.temporaryFolder().appendingPathComponent("nested/db.sqlite").path

    // When it is opened
    let database = try HeadroomDatabase(path: path)

    // Then the folder and file exist, at this build's schema, in WAL mode
    #expect(try database.schemaVersion == Schema.version)
    let mode = try database.reader.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
    #expect(mode == "wal")
    #expect(try database.tableCounts().map(\.table).contains("run_year_results"))
  }

  @Test func aNewerSchemaIsRefusedWithBothVersions() throws {
    // Given a database a newer Headroom wrote (schema version above this build's)
    let path = try StoreTestSupport.databasePath()
    _ = try HeadroomDatabase(path: path)
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "PRAGMA user_version = 99") }
    try queue.close()

    // When this build opens it
    let error = #expect(throws: StoreError.self) { try HeadroomDatabase(path: path) }

    // Then it is refused, naming the file and both versions, and the file is left as it was
    #expect(error == .newerSchema(path: path, found: 99, known: Schema.version))
    #expect(
      error?.description.hasPrefix(
        "\(path) was written by a newer Headroom (schema 99, this build knows up to \(Schema.version))") == true)
    let version = try DatabaseQueue(path: path).read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
    #expect(version == 99)
  }

  @Test func aCorruptFileIsRefusedWithSQLitesMessage() throws {
    // Given a file of garbage bytes
    let path = try StoreTestSupport.databasePath()
    var generator = SystemRandomNumberGenerator()
    let garbage = Data((0..<8192).map { _ in UInt8.random(in: 0...255, using: &generator) })
    try garbage.write(to: URL(fileURLWithPath: path))

    // When it is opened for writing, and queried
    let opening = #expect(throws: StoreError.self) { try HeadroomDatabase(path: path) }
    let querying = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path).run("SELECT 1") }

    // Then both say it is not a Headroom database or corrupt, with the path and SQLite's words
    for error in [opening, querying] {
      #expect(
        error?.description.hasPrefix("not a Headroom database or corrupt: \(path): ") == true,
        "\(String(describing: error))")
      #expect(error?.description.contains("not a database") == true, "\(String(describing: error))")
    }
    // And the file is unchanged
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == garbage)
  }

  @Test func anotherProgramsDatabaseIsRefused() throws {
    // Given an SQLite file with someone else's tables
    let path = try StoreTestSupport.databasePath()
    let queue = try DatabaseQueue(path: path)
    try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY)") }
    try queue.close()

    // When Headroom opens it
    let error = #expect(throws: StoreError.self) { try HeadroomDatabase(path: path) }

    // Then it refuses rather than adding its tables beside them
    #expect(
      error?.description.contains("not a Headroom database or corrupt: \(path): it holds other tables (invoices)")
        == true)
  }

  @Test func aMissingFileIsAnErrorWhenNotCreating() throws {
    // Given a path with no file, When opened without creating
    let path = try StoreTestSupport.databasePath()
    let error = #expect(throws: StoreError.self) { try HeadroomDatabase(path: path, createIfMissing: false) }

    // Then it says to build the database first
    #expect(error == .missing(path: path))
  }
}

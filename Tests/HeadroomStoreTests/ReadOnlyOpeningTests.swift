import Foundation
import GRDB
import Testing

@testable import HeadroomStore

/// Opening for reading only (`runs list|show|diff`) and the probe before opening for writing leave
/// every file byte for byte as it was, whatever it holds.
@Suite struct ReadOnlyOpeningTests {
  /// The names in a folder, sorted.
  static func listing(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func anEmptyFileIsRefusedAndStaysEmpty() throws {
    // Given a 0-byte file
    let folder = try StoreTestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("empty.sqlite").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))

    // When it is opened for reading
    let error = #expect(throws: StoreError.self) { try HeadroomDatabase(readingAt: path) }

    // Then it says the file is empty, and the file is still 0 bytes with nothing beside it
    #expect(error == .empty(path: path))
    #expect(error?.description == "no Headroom database in \(path) (the file is empty): run 'headroom db build' first")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    #expect(try Self.listing(folder) == ["empty.sqlite"])
  }

  @Test func aNewerSchemaIsRefusedForReadingAndWritingWithoutTouchingTheFile() throws {
    // Given a database in rollback-journal mode that a newer Headroom wrote
    let folder = try StoreTestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("newer.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE runs (id INTEGER PRIMARY KEY)")
      try db.execute(sql: "PRAGMA user_version = 99")
    }
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    // When it is opened for reading and for writing
    let reading = #expect(throws: StoreError.self) { try HeadroomDatabase(readingAt: path) }
    let writing = #expect(throws: StoreError.self) { try HeadroomDatabase(path: path) }

    // Then both refuse it, and its bytes (the header's journal mode included) are unchanged
    for error in [reading, writing] {
      #expect(error == .newerSchema(path: path, found: 99, known: Schema.version))
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(try Self.listing(folder) == ["newer.sqlite"])
  }

  @Test func readingABuiltDatabaseCreatesNoFileBesideIt() throws {
    // Given a built database (WAL mode) whose connections are all closed
    let folder = try StoreTestSupport.temporaryFolder()
    let path = folder.appendingPathComponent("headroom.sqlite").path
    try HeadroomDatabase(path: path).saveRun(StoreTestSupport.run())
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(try Self.listing(folder) == ["headroom.sqlite"])

    // When its runs are read
    let database = try HeadroomDatabase(readingAt: path)
    #expect(try database.runs().count == 1)
    #expect(try database.run(id: 1) != nil)

    // Then no -wal or -shm file appears and the file is unchanged
    #expect(try Self.listing(folder) == ["headroom.sqlite"])
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func anOlderSchemaIsRefusedForReadingAndLeftForAWriterToMigrate() throws {
    // Given a database at schema 1 (as the first Headroom wrote it)
    let path = try StoreTestSupport.databasePath()
    let queue = try DatabaseQueue(path: path)
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: "CREATE TABLE runs (id INTEGER PRIMARY KEY)")
      try db.execute(sql: "PRAGMA user_version = 1")
    }
    try migrator.migrate(queue)
    try queue.close()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    // When it is opened for reading
    let error = #expect(throws: StoreError.self) { try HeadroomDatabase(readingAt: path) }

    // Then it names both versions and how to upgrade, and the file is unchanged
    #expect(error == .olderSchema(path: path, found: 1, known: Schema.version))
    #expect(error?.description.contains("'headroom db build' or any command that saves a run upgrades it") == true)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aMissingFileIsNotCreatedForReading() throws {
    // Given a path with no file, When opened for reading
    let path = try StoreTestSupport.databasePath()
    let error = #expect(throws: StoreError.self) { try HeadroomDatabase(readingAt: path) }

    // Then it says to build first, and no file appears
    #expect(error == .missing(path: path))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aFolderIsNotADatabaseFile() throws {
    // Given a folder where a file is expected, When opened either way
    let folder = try StoreTestSupport.temporaryFolder().path
    let reading = #expect(throws: StoreError.self) { try HeadroomDatabase(readingAt: folder) }
    let writing = #expect(throws: StoreError.self) { try HeadroomDatabase(path: folder) }

    // Then both say so
    for error in [reading, writing] {
      #expect(error?.description.contains("this is a folder") == true, "\(String(describing: error))")
    }
  }

  @Test func aReadOnlyFailureOfHeadroomsOwnStatementsQuotesNoSQL() throws {
    // Given SQLite's read-only error on one of Headroom's own statements (no user statement)
    let error = DatabaseError(
      resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database",
      sql: "INSERT INTO runs (kind) VALUES (?)")

    // When it becomes a store error
    let converted = StoreError.from(error, path: "/ro/headroom.sqlite")

    // Then it says the file or folder is read-only and how to choose another, without the SQL
    #expect(converted.description.contains("the file or its folder is read-only"))
    #expect(!converted.description.contains("INSERT"))
    #expect(!converted.description.contains("headroom db build"))
  }
}

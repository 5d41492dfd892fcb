import Foundation
import GRDB
import HeadroomTestSupport
import Testing

@testable import HeadroomStore

@Suite struct ReadOnlyQueryTests {
  /// A database file with the repository's catalog imported.
  static func builtDatabase() throws -> String {
    let path = try StoreTestSupport.databasePath()
    try HeadroomDatabase(path: path).importCatalog(Repository.catalog)
    return path
  }

  @Test func selectReturnsColumnNamesAndRows() throws {
    // Given a built database
    let path = try Self.builtDatabase()

    // When counting accelerators and reading one row with aliases
    let count = try ReadOnlyQuery(path: path).run("SELECT count(*) AS n FROM accelerators")
    let h100 = try ReadOnlyQuery(path: path).run("SELECT id, tdp_w AS tdp FROM accelerators WHERE id = 'h100-sxm'")

    // Then the columns carry the SQL names and the values their SQLite types
    #expect(count.columns == ["n"])
    #expect(count.rows == [[.integer(Int64(Repository.catalog.accelerators.count))]])
    #expect(h100.columns == ["id", "tdp"])
    #expect(h100.rows == [[.text("h100-sxm"), .real(700)]])
  }

  @Test func aWriteIsRefusedAndTheTableIsStillThere() throws {
    // Given a built database
    let path = try Self.builtDatabase()
    let before = try ReadOnlyQuery(path: path).run("SELECT count(*) FROM accelerators").rows

    // When a query tries to drop a table, delete rows or change a pragma
    for statement in ["DROP TABLE accelerators", "DELETE FROM accelerators", "PRAGMA user_version = 7", "VACUUM"] {
      let error = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path).run(statement) }

      // Then it is refused with a message that names the statement and the way to rebuild
      #expect(error == .readOnly(statement: statement), "\(statement): \(String(describing: error))")
      #expect(error?.description.contains("query is read-only: \(statement) would modify the database") == true)
    }

    // And the table and its rows are unchanged, and so is the schema version
    #expect(try ReadOnlyQuery(path: path).run("SELECT count(*) FROM accelerators").rows == before)
    #expect(try HeadroomDatabase(path: path, createIfMissing: false).schemaVersion == 4)
  }

  @Test func theConnectionItselfIsReadOnly() throws {
    // Given a built database opened the way queries open it
    let path = try Self.builtDatabase()
    let queue = try ReadOnlyQuery(path: path).open()

    // When a write is sent straight to SQLite, bypassing the statement check
    let error = #expect(throws: DatabaseError.self) {
      try queue.inDatabase { try $0.execute(sql: "DROP TABLE accelerators") }
    }

    // Then SQLite refuses it as a write to a read-only database, and the table is still there
    let refusal = try #require(error)
    #expect(refusal.resultCode == .SQLITE_READONLY)
    #expect(
      StoreError.from(refusal, path: path, statement: "DROP TABLE accelerators")
        == .readOnly(statement: "DROP TABLE accelerators"))
    #expect(try queue.read { try $0.tableExists("accelerators") })
  }

  @Test func anEmptyQueryIsAnError() throws {
    // Given a built database, When the SQL holds no statement, Then that is the error
    let path = try Self.builtDatabase()
    let error = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path).run("  -- nothing\n ") }
    #expect(error?.description.contains("no SQL statement to run") == true)
  }

  @Test func aWriteAfterAReadInOneQueryIsRefused() throws {
    // Given a built database
    let path = try Self.builtDatabase()

    // When a query reads and then writes
    #expect(throws: StoreError.self) {
      try ReadOnlyQuery(path: path).run("SELECT 1; INSERT INTO countries (id) VALUES ('XX')")
    }

    // Then nothing was written
    #expect(try ReadOnlyQuery(path: path).run("SELECT count(*) FROM countries WHERE id = 'XX'").rows == [[.integer(0)]])
  }

  @Test func aBadQueryNamesSQLitesReason() throws {
    // Given a built database, When querying a table that does not exist
    let path = try Self.builtDatabase()
    let error = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path).run("SELECT * FROM gpus") }

    // Then the message gives SQLite's reason
    #expect(error?.description.contains("no such table: gpus") == true)
  }

  @Test func aMissingFileSaysToBuildFirst() throws {
    // Given a path with no file, When querying it
    let path = try StoreTestSupport.databasePath()
    let error = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path).run("SELECT 1") }

    // Then the message says to build the database, and no file was created
    #expect(error?.description == "no database at \(path): run 'headroom db build' first")
    #expect(!FileManager.default.fileExists(atPath: path))
  }
}

/// Pragmas, other files and the time limit of read-only queries.
@Suite struct ReadOnlyQueryLimitTests {
  @Test(arguments: [
    "PRAGMA writable_schema=1", "PRAGMA writable_schema = ON", "PRAGMA journal_mode=delete",
    "PRAGMA journal_mode(delete)", "PRAGMA main.user_version = 5", "pragma user_version=5", "PRAGMA optimize",
    "PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA incremental_vacuum", "/* hidden */ PRAGMA user_version = 3",
    "-- hidden\nPRAGMA foreign_keys = OFF", "ATTACH DATABASE ':memory:' AS other", "VACUUM INTO 'copy.sqlite'",
    "SELECT 1; PRAGMA query_only = 0",
  ])
  func aPragmaThatSetsOrHasSideEffectsIsRefused(statement: String) throws {
    // Given a built database
    let path = try ReadOnlyQueryTests.builtDatabase()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    // When the statement runs as a query
    let error = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path).run(statement) }

    // Then it is refused as a write, and the file is unchanged
    #expect(error?.description.hasPrefix("query is read-only: ") == true, "\(statement): \(String(describing: error))")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test(arguments: [
    "PRAGMA user_version", "PRAGMA main.user_version", "PRAGMA table_info(accelerators)",
    "PRAGMA page_count", "SELECT * FROM pragma_table_info('accelerators')", "pragma integrity_check",
  ])
  func aPragmaThatOnlyReadsRuns(statement: String) throws {
    // Given a built database, When a reading pragma runs, Then it returns rows
    let path = try ReadOnlyQueryTests.builtDatabase()
    let result = try ReadOnlyQuery(path: path).run(statement)
    #expect(!result.rows.isEmpty, "\(statement)")
  }

  @Test func aRunawayQueryStopsAtItsTimeLimit() throws {
    // Given a built database and a recursive query that never ends
    let path = try ReadOnlyQueryTests.builtDatabase()
    let endless = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n"

    // When it runs with a one-second limit
    let error = #expect(throws: StoreError.self) { try ReadOnlyQuery(path: path, timeout: 1).run(endless) }

    // Then it is stopped and the message names the limit and the statement
    #expect(error == .timedOut(statement: endless, seconds: 1))
    #expect(error?.description.hasPrefix("query stopped after 1 s (--timeout): WITH RECURSIVE") == true)
  }

  @Test func theStatementClassifierIgnoresCommentsButNotQuotes() {
    // Given statements with comments and quoted text, When classified, Then only real pragmas count
    #expect(SQLStatement("SELECT '-- PRAGMA user_version = 5'").refusal == nil)
    #expect(SQLStatement("SELECT 1 /* PRAGMA optimize */").refusal == nil)
    #expect(SQLStatement("/* x */ PRAGMA table_info(runs)").refusal == nil)
    #expect(SQLStatement("PRAGMA table_info = runs").refusal == "sets a pragma")
    #expect(SQLStatement("PRAGMA nosuch").refusal == "runs a pragma that may change the database")
  }
}

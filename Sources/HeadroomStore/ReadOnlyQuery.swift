import Foundation
import GRDB

/// Runs any SQL against a Headroom database file over a connection SQLite opened read-only.
///
/// The connection itself is read-only (`SQLITE_OPEN_READONLY`), so SQLite refuses a statement that
/// would write — `INSERT`, `DROP TABLE`, `PRAGMA user_version = 2`, `VACUUM` — and the file is left
/// as it was (statements SQLite reports as writing are refused before they run, with the same
/// message). The refusal reads "query is read-only: DROP TABLE accelerators would modify the database;
/// use 'headroom db build' to rebuild it". Several statements separated by `;` run in order and the
/// last one's rows are returned.
///
/// For example:
/// ```swift
/// let result = try ReadOnlyQuery(path: path).run("SELECT id, tdp_w FROM accelerators ORDER BY tdp_w DESC")
/// result.columns   // ["id", "tdp_w"]
/// ```
public struct ReadOnlyQuery: Sendable {
  /// The database file.
  public var path: String

  public init(path: String) { self.path = path }

  /// Runs the SQL and returns the last statement's columns and rows.
  ///
  /// - Throws: ``StoreError``: missing file, not a database, a write refused, or the query's own error.
  public func run(_ sql: String) throws(StoreError) -> QueryResult {
    let queue = try open()
    var current = sql
    do {
      return try queue.read { db in
        var result: QueryResult?
        let statements = try db.allStatements(sql: sql)
        while let statement = try statements.next() {
          current = statement.sql
          // SQLite would refuse the write on this read-only connection anyway; saying so before it
          // runs gives the same message for statements it would reject for another reason (VACUUM).
          guard statement.isReadonly else { throw StoreError.readOnly(statement: statement.sql) }
          var rows: [[QueryResult.Value]] = []
          let cursor = try Row.fetchCursor(statement)
          while let row = try cursor.next() { rows.append(row.databaseValues.map(QueryResult.Value.init)) }
          result = QueryResult(columns: statement.columnNames, rows: rows)
        }
        guard let result else { throw StoreError.query(statement: sql, message: "no SQL statement to run") }
        return result
      }
    } catch {
      throw StoreError.from(error, path: path, statement: current)
    }
  }

  /// Opens the file with `SQLITE_OPEN_READONLY` and checks it is an SQLite database.
  func open() throws(StoreError) -> DatabaseQueue {
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(HeadroomDatabase.busyTimeout)
    do {
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      // Reading the schema proves the file is an SQLite database before the user's SQL runs.
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    } catch {
      throw StoreError.from(error, path: path)
    }
  }
}

extension QueryResult.Value {
  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let integer): self = .integer(integer)
    case .double(let real): self = .real(real)
    case .string(let text): self = .text(text)
    case .blob(let data): self = .blob(bytes: data.count)
    }
  }
}

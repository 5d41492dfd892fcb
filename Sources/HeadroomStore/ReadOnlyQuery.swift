import Foundation
import GRDB

/// Runs any SQL against a Headroom database file over a connection SQLite opened read-only.
///
/// Because the connection itself is read-only (`SQLITE_OPEN_READONLY`), a statement that would write
/// — `INSERT`, `DROP TABLE`, `PRAGMA user_version = 2` — is refused by SQLite and the file is left as
/// it was; the refusal reads "query is read-only: DROP TABLE accelerators would modify the database;
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
    guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missing(path: path) }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(HeadroomDatabase.busyTimeout)
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      // Reading the schema proves the file is an SQLite database before the user's SQL runs.
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
    } catch {
      throw StoreError.from(error, path: path)
    }
    var current = sql
    do {
      return try queue.read { db in
        var result = QueryResult(columns: [], rows: [])
        let statements = try db.allStatements(sql: sql)
        while let statement = try statements.next() {
          current = statement.sql
          var rows: [[QueryResult.Value]] = []
          let cursor = try Row.fetchCursor(statement)
          while let row = try cursor.next() { rows.append(row.databaseValues.map(QueryResult.Value.init)) }
          result = QueryResult(columns: statement.columnNames, rows: rows)
        }
        return result
      }
    } catch {
      throw StoreError.from(error, path: path, statement: current)
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

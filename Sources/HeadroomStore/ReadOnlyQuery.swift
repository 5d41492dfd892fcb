import Foundation
import GRDB
import GRDBSQLite

/// Runs any SQL against a Headroom database file over a connection SQLite opened read-only.
///
/// The connection itself is read-only (`SQLITE_OPEN_READONLY`), so SQLite refuses a statement that
/// would write — `INSERT`, `DROP TABLE`, `PRAGMA user_version = 2`, `VACUUM` — and the file is left
/// as it was (statements SQLite reports as writing are refused before they run, with the same
/// message). Pragmas are refused unless they only read (``SQLStatement/pragmaRefusal``): setting one
/// (`PRAGMA writable_schema = 1`, `PRAGMA journal_mode = delete`) or running one with side effects
/// (`PRAGMA optimize`) is refused although SQLite would let some of them change the connection.
/// `ATTACH`, `DETACH` and `VACUUM INTO` are refused too: they open or write other files. The refusal
/// reads "query is read-only: DROP TABLE accelerators would modify the database; use 'headroom db
/// build' to rebuild it". Several statements separated by `;` run in order and the last one's rows
/// are returned.
///
/// A query that runs longer than ``timeout`` is stopped by SQLite's progress handler and reported as
/// ``StoreError/timedOut(statement:seconds:)``.
///
/// For example:
/// ```swift
/// let result = try ReadOnlyQuery(path: path).run("SELECT id, tdp_w FROM accelerators ORDER BY tdp_w DESC")
/// result.columns   // ["id", "tdp_w"]
/// ```
public struct ReadOnlyQuery: Sendable {
  /// The database file.
  public var path: String
  /// How long all the statements together may run, in seconds.
  public var timeout: Double

  /// The time limit when none is given, in seconds.
  public static let defaultTimeout: Double = 30

  public init(path: String, timeout: Double = ReadOnlyQuery.defaultTimeout) {
    self.path = path
    self.timeout = timeout
  }

  /// Runs the SQL and returns the last statement's columns and rows.
  ///
  /// - Throws: ``StoreError``: missing file, not a database, a write refused, the time limit reached,
  ///   or the query's own error.
  public func run(_ sql: String) throws(StoreError) -> QueryResult {
    let queue = try open()
    var current = sql
    let deadline = Deadline(seconds: timeout)
    do {
      return try queue.read { db in
        deadline.install(on: db)
        defer { deadline.remove(from: db) }
        var result: QueryResult?
        let statements = try db.allStatements(sql: sql)
        while let statement = try statements.next() {
          current = statement.sql
          // SQLite would refuse the write on this read-only connection anyway; saying so before it
          // runs gives the same message for statements it would reject for another reason (VACUUM),
          // and refuses statements it would allow although they change the connection or other files.
          guard statement.isReadonly, SQLStatement(statement.sql).refusal == nil else {
            throw StoreError.readOnly(statement: statement.sql)
          }
          var rows: [[QueryResult.Value]] = []
          let cursor = try Row.fetchCursor(statement)
          while let row = try cursor.next() { rows.append(row.databaseValues.map(QueryResult.Value.init)) }
          result = QueryResult(columns: statement.columnNames, rows: rows)
        }
        guard let result else { throw StoreError.query(statement: sql, message: "no SQL statement to run") }
        return result
      }
    } catch let error as DatabaseError where error.resultCode == .SQLITE_INTERRUPT && deadline.expired {
      throw StoreError.timedOut(statement: current, seconds: timeout)
    } catch {
      throw StoreError.from(error, path: path, statement: current)
    }
  }

  /// Opens the file with `SQLITE_OPEN_READONLY` and checks it is an SQLite database.
  func open() throws(StoreError) -> DatabaseQueue {
    try HeadroomDatabase.readOnlyQueue(path: path)
  }
}

/// A time limit enforced by SQLite's progress handler: SQLite calls it every few thousand virtual
/// machine steps, and a non-zero answer interrupts the statement with `SQLITE_INTERRUPT`.
final class Deadline: @unchecked Sendable {
  /// Monotonic nanoseconds at which the query stops.
  let end: UInt64
  private(set) var expired = false

  init(seconds: Double) {
    let now = DispatchTime.now().uptimeNanoseconds
    let span = seconds.isFinite && seconds > 0 ? min(seconds, 1e9) * 1e9 : 0
    end = now &+ UInt64(span)
  }

  /// Virtual machine steps between two looks at the clock.
  static let steps: Int32 = 10_000

  func install(on db: Database) {
    let context = Unmanaged.passUnretained(self).toOpaque()
    sqlite3_progress_handler(
      db.sqliteConnection, Self.steps,
      { context in
        guard let context else { return 0 }
        let deadline = Unmanaged<Deadline>.fromOpaque(context).takeUnretainedValue()
        if DispatchTime.now().uptimeNanoseconds >= deadline.end {
          deadline.expired = true
          return 1
        }
        return 0
      }, context)
  }

  func remove(from db: Database) {
    sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil)
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

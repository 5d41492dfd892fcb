import Foundation
import GRDB
import HeadroomModel

/// A problem with a Headroom database, said in words that name the file and what to do.
///
/// For example:
/// ```
/// no database at .headroom/headroom.sqlite: run 'headroom db build' first
/// not a Headroom database or corrupt: /tmp/x.sqlite: file is not a database
/// query is read-only: DROP TABLE accelerators would modify the database; use 'headroom db build' to rebuild it
/// ```
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No file at the path (for commands that only read).
  case missing(path: String)
  /// The file exists but holds no Headroom database (0 bytes, or SQLite without tables), for reads.
  case empty(path: String)
  /// The file was written by a build whose schema is newer than this one's.
  case newerSchema(path: String, found: Int, known: Int)
  /// The file's schema is older than this build's and a read-only command cannot migrate it.
  case olderSchema(path: String, found: Int, known: Int)
  /// A query ran longer than its time limit and was stopped.
  case timedOut(statement: String, seconds: Double)
  /// The file is not an SQLite database, is damaged, or holds another program's tables.
  case notADatabase(path: String, message: String)
  /// A read-only query tried to modify the database.
  case readOnly(statement: String)
  /// A query failed for another reason (syntax, unknown table or column).
  case query(statement: String, message: String)
  /// No run with that id.
  case unknownRun(id: Int64, path: String?)
  /// Any other SQLite failure (cannot open the file, disk full, timeout waiting for a lock).
  case database(path: String?, message: String)

  public var description: String {
    switch self {
    case .missing(let path):
      return "no database at \(path): run 'headroom db build' first"
    case .empty(let path):
      return "no Headroom database in \(path) (the file is empty): run 'headroom db build' first"
    case .olderSchema(let path, let found, let known):
      return "\(path) was written by an older Headroom (schema \(found), this build reads \(known)); "
        + "'headroom db build' or any command that saves a run upgrades it"
    case .timedOut(let statement, let seconds):
      return "query stopped after \(NumberText.plain(seconds, 3)) s (--timeout): \(Self.shortened(statement)); "
        + "give a larger --timeout, or narrow the query"
    case .newerSchema(let path, let found, let known):
      return "\(path) was written by a newer Headroom (schema \(found), this build knows up to \(known)); "
        + "use a newer headroom, or 'headroom db build --path <new file>' to build a fresh database"
    case .notADatabase(let path, let message):
      return "not a Headroom database or corrupt: \(path): \(message)"
    case .readOnly(let statement):
      return "query is read-only: \(Self.shortened(statement)) would modify the database; "
        + "use 'headroom db build' to rebuild it"
    case .query(let statement, let message):
      return "query failed: \(message) (in: \(Self.shortened(statement)))"
    case .unknownRun(let id, let path):
      return "no run \(id)\(path.map { " in \($0)" } ?? ""): see 'headroom runs list'"
    case .database(let path, let message):
      return "database error\(path.map { " at \($0)" } ?? ""): \(message)"
    }
  }

  /// A statement on one line, cut to 120 characters, for messages.
  static func shortened(_ statement: String) -> String {
    let oneLine = statement.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
      .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    let trimmed = oneLine.hasSuffix(";") ? String(oneLine.dropLast()) : oneLine
    return trimmed.count > 120 ? String(trimmed.prefix(117)) + "..." : trimmed
  }

  /// Turns an SQLite error into a store error for a file (and a statement, when one was running).
  static func from(_ error: any Error, path: String?, statement: String? = nil) -> StoreError {
    if let error = error as? StoreError { return error }
    guard let error = error as? DatabaseError else {
      return .database(path: path, message: "\(error)")
    }
    let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
    switch error.resultCode {
    case .SQLITE_NOTADB, .SQLITE_CORRUPT:
      return .notADatabase(path: path ?? ":memory:", message: message)
    case .SQLITE_READONLY:
      // A user's query that writes is refused as such; Headroom's own statements failing means the
      // file or its folder cannot be written (their SQL is no help to the user).
      if let statement { return .readOnly(statement: statement) }
      return .database(
        path: path,
        message: "cannot write to it: the file or its folder is read-only; "
          + "give a writable file with --db, --path or $HEADROOM_DB")
    case .SQLITE_CANTOPEN:
      return .database(
        path: path,
        message: "cannot open or create the file: check that its folder exists and that the file and folder "
          + "are readable (and writable, for a command that saves)")
    case .SQLITE_BUSY:
      return .database(
        path: path,
        message: "\(message): another process held the database for more than \(Int(HeadroomDatabase.busyTimeout)) s")
    default:
      if let statement { return .query(statement: statement, message: message) }
      return .database(path: path, message: message)
    }
  }
}

import Foundation
import GRDB

extension HeadroomDatabase {
  /// Opens an existing database for reading only (`runs list|show|diff`): the connection is
  /// `SQLITE_OPEN_READONLY`, nothing is created, migrated or switched to WAL mode, so the file is left
  /// byte for byte as it was whatever it holds.
  ///
  /// For example:
  /// ```swift
  /// let runs = try HeadroomDatabase(readingAt: ".headroom/headroom.sqlite").runs()
  /// ```
  ///
  /// - Throws: ``StoreError``: ``StoreError/missing(path:)`` when there is no file,
  ///   ``StoreError/empty(path:)`` for an empty file (0 bytes, or SQLite with no tables),
  ///   ``StoreError/newerSchema(path:found:known:)``, ``StoreError/olderSchema(path:found:known:)``
  ///   (this build cannot read it without migrating it), or ``StoreError/notADatabase(path:message:)``.
  public init(readingAt path: String) throws(StoreError) {
    let queue = try Self.readOnlyQueue(path: path)
    let found: (version: Int, tables: [String])
    do {
      found = try queue.read { try Self.versionAndTables($0) }
    } catch {
      throw StoreError.from(error, path: path)
    }
    if found.version == 0, found.tables.isEmpty { throw StoreError.empty(path: path) }
    try Self.check(version: found.version, tables: found.tables, path: path)
    if found.version < Schema.version {
      throw StoreError.olderSchema(path: path, found: found.version, known: Schema.version)
    }
    self.init(unmigrated: queue, path: path)
  }

  /// A connection SQLite opens read-only on an existing file, after proving the file is an SQLite
  /// database (reading its schema); the file is never created.
  ///
  /// - Throws: ``StoreError/missing(path:)``, ``StoreError/notADatabase(path:message:)``, or
  ///   ``StoreError/database(path:message:)`` when the file cannot be opened.
  static func readOnlyQueue(path: String) throws(StoreError) -> DatabaseQueue {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw StoreError.missing(path: path)
    }
    guard !isDirectory.boolValue else {
      throw StoreError.database(path: path, message: "this is a folder; give the database file inside it")
    }
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(busyTimeout)
    do {
      let queue = try DatabaseQueue(path: readOnlyLocation(path), configuration: configuration)
      _ = try queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
      return queue
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  /// The name SQLite opens a file by for reading only.
  ///
  /// A read-only connection to a WAL database creates the `-wal` and `-shm` files beside it when they
  /// are missing. They are missing only when no connection is open and every write is in the main
  /// file, so then the file is opened as immutable (`file:...?immutable=1`: no locks, no side files),
  /// and a file that is not a database is left alone too. When a `-wal` file exists another process
  /// may be writing, and the connection reads through it as usual.
  static func readOnlyLocation(_ path: String) -> String {
    guard !FileManager.default.fileExists(atPath: path + "-wal") else { return path }
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    guard let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) else { return path }
    return "file:\(encoded)?immutable=1"
  }

  /// Checks an existing, non-empty file over a read-only connection before it is opened for writing,
  /// so that a refusal (newer schema, another program's tables, not a database) leaves it untouched.
  static func probe(path: String) throws(StoreError) {
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw StoreError.database(path: path, message: "this is a folder; give the database file inside it")
    }
    guard size > 0 else { return }
    let queue = try readOnlyQueue(path: path)
    let found: (version: Int, tables: [String])
    do {
      found = try queue.read { try versionAndTables($0) }
      try queue.close()
    } catch {
      throw StoreError.from(error, path: path)
    }
    try check(version: found.version, tables: found.tables, path: path)
  }
}

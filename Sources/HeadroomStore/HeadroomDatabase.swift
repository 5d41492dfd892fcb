import Foundation
import GRDB

/// The Headroom SQLite database: the catalog as tables, and the history of planning runs.
///
/// It wraps a GRDB `DatabaseWriter` and migrates it when opened, as GRDB's `AppDatabase` does. Files
/// are opened in WAL mode with a 5-second busy timeout, so several processes can save runs at once
/// (each save is one `BEGIN IMMEDIATE` transaction that waits its turn). Writes are named by intent:
/// ``importCatalog(_:dataHash:dataRoot:supplyYears:)`` and ``saveRun(_:)``.
///
/// For example:
/// ```swift
/// let database = try HeadroomDatabase(path: ".headroom/headroom.sqlite")
/// let id = try database.saveRun(summary)
/// let diff = try database.diff(id - 1, id)
/// ```
///
/// A file written by a newer build (a higher schema version) is refused, never migrated down; a file
/// that is not an SQLite database, or holds another program's tables, is refused with SQLite's message.
///
/// Commands that only read open the file with ``init(readingAt:)``: read-only, never created, never
/// migrated, so the file is left byte for byte as it was.
///
/// ## Topics
/// - ``init(path:createIfMissing:)``
/// - ``init(readingAt:)``
/// - ``inMemory()``
/// - ``schemaVersion``
public struct HeadroomDatabase: Sendable {
  /// The connection every read and write goes through.
  let writer: any DatabaseWriter
  /// The file, or nil for an in-memory database.
  public let path: String?

  /// How long a write waits for another process's write to finish before failing.
  public static let busyTimeout: TimeInterval = 5

  /// Opens (and, unless told otherwise, creates) the database file at a path, and migrates it.
  ///
  /// - Parameters:
  ///   - path: The file. Its folder is created when missing.
  ///   - createIfMissing: When false, a missing file is ``StoreError/missing(path:)`` instead of a new
  ///     empty database (for commands that only read).
  /// - Throws: ``StoreError``: missing file, newer schema, not a database, or any SQLite failure.
  public init(path: String, createIfMissing: Bool = true) throws(StoreError) {
    let url = URL(fileURLWithPath: path)
    if FileManager.default.fileExists(atPath: url.path) {
      // Refuse a newer schema, another program's tables or garbage before opening for writing: the
      // writing connection switches the file to WAL mode, which would rewrite its header.
      try Self.probe(path: path)
    } else {
      guard createIfMissing else { throw StoreError.missing(path: path) }
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      } catch {
        throw StoreError.database(path: path, message: "cannot create its folder: \(error.localizedDescription)")
      }
    }
    var configuration = Configuration()
    configuration.journalMode = .wal
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.foreignKeysEnabled = true
    let queue: DatabaseQueue
    do {
      queue = try DatabaseQueue(path: url.path, configuration: configuration)
    } catch {
      throw StoreError.from(error, path: path)
    }
    try self.init(queue, path: path)
  }

  /// Wraps a connection you made (an in-memory `DatabaseQueue` in tests) and migrates it.
  public init(_ writer: any DatabaseWriter, path: String? = nil) throws(StoreError) {
    self.writer = writer
    self.path = path
    try checkVersion()
    try migrate()
  }

  /// Wraps a connection as it is, without checking or migrating it (the read-only opening checks first).
  init(unmigrated writer: any DatabaseWriter, path: String?) {
    self.writer = writer
    self.path = path
  }

  /// A fresh, empty, migrated in-memory database.
  public static func inMemory() throws(StoreError) -> HeadroomDatabase {
    do {
      return try HeadroomDatabase(DatabaseQueue())
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.from(error, path: nil)
    }
  }

  /// A read-only view of the database, for reads outside this type's API.
  public var reader: any DatabaseReader { writer }

  /// The schema version stored in the file (`PRAGMA user_version`).
  public var schemaVersion: Int {
    get throws(StoreError) { try read { try Int.fetchOne($0, sql: "PRAGMA user_version") ?? 0 } }
  }

  /// Row counts of every Headroom table, in schema order.
  public func tableCounts() throws(StoreError) -> [(table: String, rows: Int)] {
    try read { db in
      try Schema.tables.map { table in
        (table, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0)
      }
    }
  }

  /// A value from `headroom_meta` (e.g. `catalog_data_hash`), or nil.
  public func meta(_ key: String) throws(StoreError) -> String? {
    try read { try MetaRecord.fetchOne($0, key: key)?.value }
  }

  // MARK: - Access

  /// Runs a read, turning SQLite errors into ``StoreError``.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.read { try body($0) }
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  /// Runs a write in one `BEGIN IMMEDIATE` transaction: it waits (up to the busy timeout) for other
  /// writers, and any error rolls the whole transaction back.
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do {
      return try writer.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(db)
          return .commit
        }
        guard let result else { throw StoreError.database(path: path, message: "the transaction returned nothing") }
        return result
      }
    } catch {
      throw StoreError.from(error, path: path)
    }
  }

  // MARK: - Opening

  /// Refuses a newer schema, and a file that holds tables but no Headroom schema.
  private func checkVersion() throws(StoreError) {
    let (version, tables) = try read { try Self.versionAndTables($0) }
    try Self.check(version: version, tables: tables, path: path ?? ":memory:")
  }

  /// The schema version and the non-internal tables of a database.
  static func versionAndTables(_ db: Database) throws -> (version: Int, tables: [String]) {
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let tables = try String.fetchAll(
      db,
      sql: """
        SELECT name FROM sqlite_master WHERE type = 'table'
        AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%' ORDER BY name
        """)
    return (version, tables)
  }

  /// Throws when a file's schema is newer than this build's, or when it holds tables but no Headroom schema.
  static func check(version: Int, tables: [String], path: String) throws(StoreError) {
    if version > Schema.version {
      throw StoreError.newerSchema(path: path, found: version, known: Schema.version)
    }
    if version == 0, !tables.isEmpty {
      let listed = tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", ..." : "")
      throw StoreError.notADatabase(path: path, message: "it holds other tables (\(listed)) and no Headroom schema")
    }
  }

  /// Applies the migrations this build knows. Two processes opening a new file at once may race to
  /// create the tables; the loser retries and finds them applied.
  private func migrate() throws(StoreError) {
    var attempt = 0
    while true {
      attempt += 1
      do {
        try Schema.migrator.migrate(writer)
        return
      } catch {
        if attempt >= 3 { throw StoreError.from(error, path: path) }
      }
    }
  }
}

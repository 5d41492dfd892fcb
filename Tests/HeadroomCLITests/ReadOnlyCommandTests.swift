import Foundation
import HeadroomTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Commands that only read (`runs list|show|diff`, `query`, `db path`) never create or alter a file,
/// and commands that save a run save it only after they succeeded.
@Suite struct ReadOnlyCommandTests {
  /// Every file in a folder with its bytes.
  static func snapshot(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
    }
    return files
  }

  /// A fresh temporary folder.
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-readonly-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The read commands, each given the database path.
  static func readCommands(_ path: String) -> [[String]] {
    [
      ["runs", "list", "--path", path], ["runs", "show", "1", "--path", path],
      ["runs", "diff", "1", "2", "--path", path],
      ["query", "SELECT 1", "--path", path], ["db", "path", "--path", path],
    ]
  }

  @Test func readCommandsOnAnEmptyFileFailClearlyAndLeaveItEmpty() throws {
    // Given a folder holding one 0-byte file
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("empty.sqlite").path
    #expect(FileManager.default.createFile(atPath: path, contents: Data()))

    // When every runs command reads it
    for arguments in Self.readCommands(path).prefix(3) {
      let result = try Headroom.run(arguments)

      // Then each fails saying the file is empty, and the folder still holds one empty file
      #expect(result.status != 0, "\(arguments)")
      #expect(result.stderr.contains("no Headroom database in \(path) (the file is empty)"), "\(result.stderr)")
      #expect(try Self.snapshot(folder) == ["empty.sqlite": Data()], "\(arguments)")
    }
  }

  @Test func readCommandsOnANewerSchemaLeaveTheFileByteForByte() throws {
    // Given a built database whose schema version a newer Headroom raised, in rollback-journal mode
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("newer.sqlite").path
    #expect(try Headroom.run(["db", "build", "--path", path]).status == 0)
    try Self.raiseSchemaVersion(path)
    let before = try Self.snapshot(folder)

    // When the read commands and a saving command open it
    for arguments in Self.readCommands(path).prefix(3) + [["walls", "--db", path, "--format", "json"]] {
      let result = try Headroom.run(arguments)

      // Then the reads fail naming both versions (the save warns), and no byte changed
      #expect(result.stderr.contains("was written by a newer Headroom (schema 99"), "\(arguments): \(result.stderr)")
      #expect(try Self.snapshot(folder) == before, "\(arguments)")
    }
  }

  @Test func readCommandsOnAMissingFileCreateNothing() throws {
    // Given an empty folder
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("absent.sqlite").path

    // When every read command is pointed at a file inside it
    for arguments in Self.readCommands(path) {
      let result = try Headroom.run(arguments)

      // Then the reads say to build the database, 'db path' prints the path, and nothing is created
      if arguments.first == "db" {
        #expect(result.status == 0 && result.stdout == path + "\n", "\(result.stdout)")
      } else {
        #expect(result.status != 0, "\(arguments)")
        #expect(result.stderr.contains("no database at \(path): run 'headroom db build' first"), "\(result.stderr)")
      }
      #expect(try Self.snapshot(folder).isEmpty, "\(arguments)")
    }
  }

  @Test func readingABuiltDatabaseChangesNoByteAndAddsNoFile() throws {
    // Given a built database with one saved run, all its connections closed
    let folder = try Self.folder()
    let path = folder.appendingPathComponent("headroom.sqlite").path
    #expect(try Headroom.run(["db", "build", "--path", path]).status == 0)
    #expect(try Headroom.run(["walls", "--db", path, "--format", "json"]).status == 0)
    let before = try Self.snapshot(folder)
    #expect(before.keys.sorted() == ["headroom.sqlite"])

    // When every read command runs on it, and so do refused pragmas
    for arguments in Self.readCommands(path) + [
      ["runs", "show", "1", "--path", path, "--format", "json"],
      ["query", "PRAGMA writable_schema=1", "--path", path], ["query", "PRAGMA journal_mode=delete", "--path", path],
      ["query", "PRAGMA user_version=5", "--path", path],
    ] {
      _ = try Headroom.run(arguments)
      // Then the folder is byte for byte as it was
      #expect(try Self.snapshot(folder) == before, "\(arguments)")
    }
  }

  @Test(arguments: ["PRAGMA writable_schema=1", "PRAGMA journal_mode=MEMORY", "PRAGMA user_version=5"])
  func queryRefusesEveryPragmaThatWrites(pragma: String) throws {
    // Given a built database
    let path = try StoreCommandTests.builtDatabase()

    // When a pragma that writes is run as a query
    let result = try Headroom.run(["query", pragma, "--path", path])

    // Then it is refused with a non-zero exit
    #expect(result.status != 0)
    #expect(result.stderr.contains("query is read-only: \(pragma) would modify the database"), "\(result.stderr)")
  }

  @Test func aRunawayQueryStopsAtTheTimeout() throws {
    // Given a built database
    let path = try StoreCommandTests.builtDatabase()

    // When a recursive query that never ends runs with --timeout 1
    let result = try Headroom.run([
      "query", "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT max(x) FROM n", "--timeout", "1",
      "--path", path,
    ])

    // Then it stops with a non-zero exit and says why
    #expect(result.status != 0)
    #expect(result.stderr.contains("query stopped after 1 s (--timeout)"), "\(result.stderr)")
  }

  @Test func wallsWithAChartInAMissingFolderIsRefusedBeforeSolvingAndSavesNoRun() throws {
    // Given a fresh database path and a chart path in a folder that does not exist
    let folder = try Self.folder()
    let database = folder.appendingPathComponent("runs.sqlite").path
    let chart = folder.appendingPathComponent("missing/walls.svg").path

    // When walls is asked to write the chart there
    let result = try Headroom.run(["walls", "--chart", chart, "--db", database])

    // Then it is refused naming the folder, prints no result, and no database (no run) was created
    #expect(result.status != 0)
    #expect(result.stderr.contains("the folder \(folder.appendingPathComponent("missing").path) does not exist"))
    #expect(result.stdout.isEmpty)
    #expect(try Self.snapshot(folder).isEmpty)
  }

  @Test func aReadOnlyFolderGetsAPlainMessageWithoutSQL() throws {
    // Given a folder nobody may write (tests as root run the command as the 'nobody' user)
    let folder = try Self.folder()
    let database = folder.appendingPathComponent("runs.sqlite").path
    let setpriv = URL(fileURLWithPath: "/usr/bin/setpriv")
    let asRoot = getuid() == 0
    guard !asRoot || FileManager.default.isExecutableFile(atPath: setpriv.path) else { return }
    // 'nobody' must reach the checkout's data (a clone under a 0700 mktemp folder is out of its reach).
    guard !asRoot || Self.othersCanReach(Repository.root) else { return }
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
    func run(_ arguments: [String]) throws -> Headroom.Result {
      guard asRoot else { return try Headroom.run(arguments) }
      return try Headroom.run(
        ["--reuid=65534", "--regid=65534", "--clear-groups", Headroom.executable.path] + arguments,
        program: setpriv)
    }

    // When db build and walls try to write a database there
    let build = try run(["db", "build", "--path", database])
    let walls = try run(["walls", "--db", database, "--format", "json"])

    // Then the build fails and walls still prints its result with a warning; neither quotes SQL
    #expect(build.status != 0)
    #expect(walls.status == 0, "\(walls.stderr)")
    for stderr in [build.stderr, walls.stderr] {
      #expect(stderr.contains("cannot open or create the file"), "\(stderr)")
      for statement in ["INSERT", "PRAGMA", "CREATE", "BEGIN"] { #expect(!stderr.contains(statement), "\(stderr)") }
    }
    #expect(try Self.snapshot(folder).isEmpty)
  }

  /// Whether users other than the owner may search every folder from `/` down to `url`.
  static func othersCanReach(_ url: URL) -> Bool {
    var folder = url.standardizedFileURL
    while true {
      let mode = (try? FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int) ?? 0
      if mode & 0o001 == 0 { return false }
      if folder.path == "/" { return true }
      folder = folder.deletingLastPathComponent()
    }
  }

  /// Sets `PRAGMA user_version = 99` and rollback-journal mode, as a newer build might leave a file.
  static func raiseSchemaVersion(_ path: String) throws {
    // The test has no SQLite of its own: the store writer helper does it.
    let result = try Headroom.run(["--path", path, "--user-version", "99"], program: Headroom.storeWriter)
    #expect(result.status == 0, "\(result.stderr)")
  }
}

import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `headroom db`, `query` and `runs`, run as a user would; every database lives in a temporary folder.
@Suite struct StoreCommandTests {
  /// A fresh database path in a temporary folder (never the repository's .headroom/).
  static func databasePath() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "headroom-cli-store-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder.appendingPathComponent("headroom.sqlite").path
  }

  /// Builds a database and returns its path.
  static func builtDatabase() throws -> String {
    let path = try databasePath()
    let result = try Headroom.run(["db", "build", "--path", path])
    #expect(result.status == 0, "\(result.stderr)")
    return path
  }

  /// The single value of a one-row, one-column query, as JSON gives it.
  static func scalar(_ sql: String, path: String) throws -> Any? {
    let result = try Headroom.run(["query", sql, "--path", path, "--format", "json"])
    #expect(result.status == 0, "\(sql): \(result.stderr)")
    let rows = try #require(Headroom.json(result.stdout)["rows"] as? [[String: Any]])
    return rows.first?.values.first
  }

  /// Starts the synthetic-run writer without waiting for it, with its output on pipes.
  static func start(_ arguments: [String]) throws -> (process: Process, stdout: Pipe) {
    let process = Process()
    process.executableURL = Headroom.storeWriter
    process.arguments = arguments
    process.currentDirectoryURL = FileManager.default.temporaryDirectory
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    return (process, out)
  }

  @Test func buildThenCountEqualsTheCatalogsAccelerators() throws {
    // Given the catalog's accelerator count from 'catalog list'
    let list = try Headroom.run(["catalog", "list", "--format", "json"])
    #expect(list.status == 0, "\(list.stderr)")
    let accelerators = try #require(Headroom.json(list.stdout)["accelerators"] as? [Any])

    // When the database is built and queried
    let path = try Self.databasePath()
    let build = try Headroom.run(["db", "build", "--path", path, "--format", "json"])
    #expect(build.status == 0, "\(build.stderr)")
    let count = try Self.scalar("SELECT count(*) FROM accelerators", path: path)

    // Then the counts agree, and the build reports the table's rows and the data hash
    #expect(count as? Int == accelerators.count)
    let tables = try #require(Headroom.json(build.stdout)["tables"] as? [String: Any])
    #expect(tables["accelerators"] as? Int == accelerators.count)
    #expect((try Headroom.json(build.stdout)["dataHash"] as? String)?.count == 16)
  }

  @Test func dropTableIsRefusedAndTheTableStays() throws {
    // Given a built database
    let path = try Self.builtDatabase()
    let before = try Self.scalar("SELECT count(*) FROM accelerators", path: path)

    // When a query tries to drop a table
    let result = try Headroom.run(["query", "DROP TABLE accelerators", "--path", path])

    // Then it exits non-zero with a clear message, and the table and its rows are still there
    #expect(result.status != 0)
    #expect(
      result.stderr.contains(
        "query is read-only: DROP TABLE accelerators would modify the database; use 'headroom db build' to rebuild it"),
      "\(result.stderr)")
    #expect(try Self.scalar("SELECT count(*) FROM accelerators", path: path) as? Int == before as? Int)
  }

  @Test func queryWritesEveryFormatWithTheSQLColumnNames() throws {
    // Given a built database and a query with aliases and a NULL
    let path = try Self.builtDatabase()
    let sql = "SELECT id, tdp_w AS tdp, NULL AS missing FROM accelerators WHERE id = 'h100-sxm'"

    // When run in each format
    let table = try Headroom.run(["query", sql, "--path", path])
    let csv = try Headroom.run(["query", sql, "--path", path, "--format", "csv"])
    let markdown = try Headroom.run(["query", sql, "--path", path, "--format", "markdown"])
    let json = try Headroom.run(["query", sql, "--path", path, "--format", "json"])

    // Then each carries the column names and the values
    #expect(table.stdout.contains("id        tdp  missing"), "\(table.stdout)")
    #expect(table.stdout.contains("h100-sxm  700  NULL"), "\(table.stdout)")
    #expect(csv.stdout == "id,tdp,missing\nh100-sxm,700,\n")
    #expect(markdown.stdout.contains("| id | tdp | missing |"))
    #expect(markdown.stdout.contains("| h100-sxm | 700 | NULL |"))
    let parsed = try Headroom.json(json.stdout)
    #expect(parsed["columns"] as? [String] == ["id", "tdp", "missing"])
    let row = try #require((parsed["rows"] as? [[String: Any]])?.first)
    #expect(row["tdp"] as? Int == 700)
    #expect(row["missing"] is NSNull)
  }

  @Test func aMissingDatabaseSaysToBuildIt() throws {
    // Given a path with no database, When queried or listed
    let path = try Self.databasePath()
    let query = try Headroom.run(["query", "SELECT 1", "--path", path])
    let runs = try Headroom.run(["runs", "list", "--path", path])

    // Then both exit non-zero telling the user to build it, and no file appears
    for result in [query, runs] {
      #expect(result.status != 0)
      #expect(result.stderr.contains("no database at \(path): run 'headroom db build' first"), "\(result.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aCorruptFileIsAClearErrorNotACrash() throws {
    // Given a file of garbage bytes
    let path = try Self.databasePath()
    try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }).write(to: URL(fileURLWithPath: path))

    // When queried and listed
    for arguments in [["query", "SELECT 1"], ["runs", "list"], ["db", "build"]] {
      let result = try Headroom.run(arguments + ["--path", path])

      // Then each exits 1 (not a signal) naming the file
      #expect(result.status == 1, "\(arguments): \(result.stderr)")
      #expect(result.stderr.contains("not a Headroom database or corrupt: \(path): "), "\(result.stderr)")
    }
  }

  @Test func dbPathFollowsTheOptionThenTheEnvironment() throws {
    // Given an explicit path, When 'db path' runs, Then it prints that path
    let path = try Self.databasePath()
    let explicit = try Headroom.run(["db", "path", "--path", path])
    #expect(explicit.stdout == path + "\n")

    // Given no option, When 'db path' runs, Then it is $HEADROOM_DB or .headroom/headroom.sqlite
    let process = Process()
    process.executableURL = Headroom.executable
    process.arguments = ["db", "path"]
    var environment = ProcessInfo.processInfo.environment
    environment["HEADROOM_DB"] = path
    process.environment = environment
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(printed == path + "\n")
    let fallback = try Headroom.run(["db", "path"], unsetting: ["HEADROOM_DB"])
    if ProcessInfo.processInfo.environment["HEADROOM_DB"] == nil {
      #expect(fallback.stdout.hasSuffix("/.headroom/headroom.sqlite\n"), "\(fallback.stdout)")
    }
  }

  @Test func runsListShowAndDiff() throws {
    // Given two runs saved with different seeds
    let path = try Self.databasePath()
    for seed in ["0", "1"] {
      let saved = try Headroom.run(
        ["--path", path, "--count", "1", "--seed", seed, "--countries", "3", "--years", "4"],
        program: Headroom.storeWriter)
      #expect(saved.status == 0, "\(saved.stderr)")
    }

    // When listed, Then both appear with their kind and countries
    let list = try Headroom.json(Headroom.run(["runs", "list", "--path", path, "--format", "json"]).stdout)
    let runs = try #require(list["runs"] as? [[String: Any]])
    #expect(runs.compactMap { $0["id"] as? Int } == [1, 2])
    #expect(runs.compactMap { $0["countryCount"] as? Int } == [3, 3])

    // When one is shown, Then its walls and yearly results are there
    let show = try Headroom.run(["runs", "show", "2", "--path", path])
    #expect(show.status == 0, "\(show.stderr)")
    #expect(show.stdout.contains("Walls"))
    #expect(show.stdout.contains("synthetic.seed   1"), "\(show.stdout)")
    let shown = try Headroom.json(Headroom.run(["runs", "show", "2", "--path", path, "--format", "json"]).stdout)
    #expect((shown["years"] as? [Any])?.count == 12)

    // When diffed, Then wall changes come first and the changed input (the seed) beside them
    let diff = try Headroom.run(["runs", "diff", "1", "2", "--path", path])
    #expect(diff.status == 0, "\(diff.stderr)")
    let walls = try #require(diff.stdout.range(of: "Wall changes, run 1 -> run 2"))
    let inputs = try #require(diff.stdout.range(of: "Input changes"))
    #expect(walls.lowerBound < inputs.lowerBound)
    let words = diff.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
    #expect(words.contains("AA power wall 2027 2028 +1 year"), "\(diff.stdout)")
    #expect(words.contains("AC chip wall 2028 none no longer hit"), "\(diff.stdout)")
    #expect(words.contains("--set synthetic.seed 0 1"), "\(diff.stdout)")
    let json = try Headroom.json(Headroom.run(["runs", "diff", "1", "2", "--path", path, "--format", "json"]).stdout)
    #expect((json["wallChanges"] as? [Any])?.count == 12)

    // When a run that does not exist is shown, Then the error names it
    let missing = try Headroom.run(["runs", "show", "9", "--path", path])
    #expect(missing.status != 0)
    #expect(missing.stderr.contains("no run 9 in \(path)"), "\(missing.stderr)")
  }

  @Test func twoProcessesSavingAtTheSameTimeBothLand() throws {
    // Given a fresh database path and two processes that each save 40 runs of 16 countries x 11 years
    let path = try Self.databasePath()
    let count = 40
    let first = try Self.start(["--path", path, "--count", "\(count)", "--seed", "0"])
    let second = try Self.start(["--path", path, "--count", "\(count)", "--seed", "1"])

    // When both run at once
    let outputs = [first, second].map {
      String(decoding: $0.stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }
    first.process.waitUntilExit()
    second.process.waitUntilExit()

    // Then both succeed and all 80 runs land, each with every child row
    #expect(first.process.terminationStatus == 0, "\(outputs[0])")
    #expect(second.process.terminationStatus == 0, "\(outputs[1])")
    #expect(try Self.scalar("SELECT count(*) FROM runs", path: path) as? Int == 2 * count)
    let incomplete = try Self.scalar(
      """
      SELECT count(*) FROM runs r
      WHERE (SELECT count(*) FROM run_country_results WHERE run_id = r.id) != 16
         OR (SELECT count(*) FROM run_year_results WHERE run_id = r.id) != 176
         OR (SELECT count(*) FROM run_inputs WHERE run_id = r.id) != 2
      """, path: path)
    #expect(incomplete as? Int == 0)
    // And each process's runs are all there (seeds 0 and 1)
    let seeds = try Self.scalar(
      "SELECT group_concat(n) FROM (SELECT count(*) AS n FROM run_inputs WHERE path = 'synthetic.seed' GROUP BY value ORDER BY value)",
      path: path)
    #expect(seeds as? String == "\(count),\(count)")
  }

  @Test func aProcessKilledDuringASaveLeavesAConsistentDatabase() throws {
    // Given a child process saving runs in a loop
    let path = try Self.databasePath()
    let child = try Self.start(["--path", path, "--count", "1000000"])

    // When it has saved its first run, and is killed with SIGKILL 200 ms later, mid-save
    var firstLine = Data()
    while !firstLine.contains(UInt8(ascii: "\n")) {
      let chunk = child.stdout.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      firstLine.append(chunk)
    }
    #expect(String(decoding: firstLine, as: UTF8.self).hasPrefix("saved run "))
    Thread.sleep(forTimeInterval: 0.2)
    kill(child.process.processIdentifier, SIGKILL)
    child.process.waitUntilExit()
    #expect(child.process.terminationReason == .uncaughtSignal)

    // Then the database passes SQLite's integrity check
    #expect(try Self.scalar("PRAGMA integrity_check", path: path) as? String == "ok")
    // And every run that landed has its complete set of child rows
    let runs = try #require(try Self.scalar("SELECT count(*) FROM runs", path: path) as? Int)
    #expect(runs >= 1)
    let incomplete = try Self.scalar(
      """
      SELECT count(*) FROM runs r
      WHERE (SELECT count(*) FROM run_country_results WHERE run_id = r.id) != 16
         OR (SELECT count(*) FROM run_year_results WHERE run_id = r.id) != 176
         OR (SELECT count(*) FROM run_inputs WHERE run_id = r.id) != 2
      """, path: path)
    #expect(incomplete as? Int == 0)
    #expect(
      try Self.scalar("SELECT count(*) FROM run_year_results WHERE run_id NOT IN (SELECT id FROM runs)", path: path)
        as? Int == 0)
    // And the database takes new runs afterwards
    let again = try Headroom.run(["--path", path, "--count", "1"], program: Headroom.storeWriter)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(try Self.scalar("SELECT count(*) FROM runs", path: path) as? Int == runs + 1)
  }
}

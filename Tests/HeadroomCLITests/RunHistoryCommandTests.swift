import Foundation
import HeadroomTestSupport
import Testing

/// Every planning command in the run history, one --db option, and runs show/diff of every kind.
@Suite struct RunHistoryCommandTests {
  @Test func planSweepAndBatchAreSavedAndShownWithTheirOwnResults() throws {
    // Given a scratch database,
    let folder = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("runs.sqlite").path
    // When a walls run, a sweep, a plan and a two-scenario batch run with --db,
    let runs: [[String]] = [
      ["walls"], ["sweep", "--vary", "demand.growth.start=1.6:3.3", "--samples", "6", "--seed", "3"],
      ["plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference"], ["batch", "baseline", "china-h200"],
    ]
    for arguments in runs {
      let result = try Headroom.run(arguments + ["--db", db])
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    // Then the history holds 5 runs of the 4 kinds,
    let list = try Headroom.json(try Headroom.run(["runs", "list", "--db", db, "--format", "json"]).stdout)
    let kinds = (list["runs"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
    #expect(kinds == ["walls", "sweep", "plan", "batch", "batch"])
    // And the sweep shows its percentiles and drivers, its --vary range apart from the --set overrides,
    let sweep = try Headroom.run(["runs", "show", "2", "--db", db])
    #expect(sweep.stdout.contains("Wall years over 6 samples (p5 / p50 / p95)"))
    #expect(sweep.stdout.contains("What moves each wall most"))
    #expect(sweep.stdout.contains("demand.growth.start  1.6:3.3"), "\(sweep.stdout)")
    let sweepJSON = try Headroom.json(try Headroom.run(["runs", "show", "2", "--db", db, "--format", "json"]).stdout)
    let walls = try #require(sweepJSON["sweepWalls"] as? [[String: Any]])
    #expect(walls.count == 3 * (sweepJSON["countries"] as? [Any] ?? []).count)
    for wall in walls {
      if let p5 = wall["p5Year"] as? Int, let p50 = wall["p50Year"] as? Int, let p95 = wall["p95Year"] as? Int {
        #expect(p5 <= p50 && p50 <= p95)
      }
    }
    // And the plan shows its site and years,
    let plan = try Headroom.json(try Headroom.run(["runs", "show", "3", "--db", db, "--format", "json"]).stdout)
    #expect(plan["site"] as? String == "dublin-colo-hall")
    #expect((plan["planYears"] as? [Any])?.count == 5)
    // And a diff across kinds warns, and a plan against walls is refused.
    let across = try Headroom.run(["runs", "diff", "1", "2", "--db", db])
    #expect(across.status == 0)
    #expect(across.stdout.contains("warning: run 1 is a walls run and run 2 a sweep run"), "\(across.stdout)")
    #expect(!across.stderr.contains("warning: run 1"), "the table carries the warning once: \(across.stderr)")
    let acrossJSON = try Headroom.run(["runs", "diff", "1", "2", "--db", db, "--format", "json"])
    #expect(acrossJSON.stderr.contains("warning: run 1 is a walls run and run 2 a sweep run"), "\(acrossJSON.stderr)")
    let refused = try Headroom.run(["runs", "diff", "1", "3", "--db", db])
    #expect(refused.status == 1 && refused.stderr.contains("nothing to compare"), "\(refused.stderr)")
  }

  @Test func aDiffShowsServedShareAndPowerBesideTheWallYearsAndTheDataFieldsThatChanged() throws {
    // Given a baseline walls run and one on a data folder whose US power scale is lower,
    let folder = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("runs.sqlite").path
    let own = folder.appendingPathComponent("own")
    let us = try String(
      contentsOf: Repository.root.appendingPathComponent("Grids/countries/US.yaml"), encoding: .utf8)
    try FileManager.default.createDirectory(
      at: own.appendingPathComponent("Grids/countries"), withIntermediateDirectories: true)
    try (us + "\n# changed\n").write(
      to: own.appendingPathComponent("Grids/countries/US.yaml"), atomically: true, encoding: .utf8)
    #expect(try Headroom.run(["walls", "--db", db]).status == 0)
    #expect(try Headroom.run(["walls", "--db", db, "--set", "countries.US.power_scale=0.7"]).status == 0)
    #expect(try Headroom.run(["walls", "--db", db, "--data", own.path]).status == 0)
    // When the first two are diffed, Then served share and power used in 2030 are listed beside the wall changes;
    let diff = try Headroom.run(["runs", "diff", "1", "2", "--db", db])
    #expect(diff.status == 0, "\(diff.stderr)")
    #expect(diff.stdout.contains("Served share and power used in 2030"))
    let json = try Headroom.json(try Headroom.run(["runs", "diff", "1", "2", "--db", db, "--format", "json"]).stdout)
    let changes = try #require(json["countryChanges"] as? [[String: Any]])
    let usChange = try #require(changes.first { $0["country"] as? String == "US" })
    #expect((usChange["powerUsedBGW"] as? Double ?? 0) < (usChange["powerUsedAGW"] as? Double ?? 0))
    // When the first and third (another data folder) are diffed, Then the changed file is named.
    let data = try Headroom.run(["runs", "diff", "1", "3", "--db", db])
    #expect(data.stdout.contains("Data fields changed"), "\(data.stdout)")
    #expect(data.stdout.contains(own.appendingPathComponent("Grids/countries/US.yaml").standardizedFileURL.path))
  }

  @Test func pathIsADeprecatedNameOfDb() throws {
    let folder = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let db = folder.appendingPathComponent("runs.sqlite").path
    #expect(try Headroom.run(["walls", "--db", db]).status == 0)
    let old = try Headroom.run(["runs", "list", "--path", db])
    #expect(old.status == 0 && old.stdout.contains("Runs in \(db) (1)"))
    #expect(old.stderr.contains("warning: --path is deprecated; use --db"))
    let new = try Headroom.run(["query", "SELECT count(*) AS n FROM runs", "--db", db])
    #expect(new.status == 0 && new.stdout.contains("1"), "\(new.stderr)")
  }

  @Test func theDefaultDatabaseIsInTheNamedDataFolderOrTheUserFolderNeverTheBuildMachines() throws {
    // Given a writable --data folder, When the database is asked for without --db or $HEADROOM_DB,
    let folder = try OwnDataCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try Headroom.run(["db", "path", "--data", folder.path], unsetting: ["HEADROOM_DB"])
    // Then it is inside that folder.
    #expect(
      result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        == folder.appendingPathComponent(".headroom/headroom.sqlite").path)
  }
}

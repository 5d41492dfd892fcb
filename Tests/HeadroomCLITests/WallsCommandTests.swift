import Foundation
import HeadroomCoinOR
import HeadroomTestSupport
import Testing

@Suite struct WallsCommandTests {
  @Test func theBaselineRunsWithNoArgumentsAndReportsEveryCountry() throws {
    // Given the bundled baseline, When 'walls' runs as JSON,
    // Then every country has its walls, a binding wall and a year-by-year series with the documented keys.
    let result = try Headroom.run(["walls", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    let countries = try #require(json["countries"] as? [[String: Any]])
    #expect(countries.count >= 16)
    let codes = countries.compactMap { $0["country"] as? String }
    #expect(codes.contains("US") && codes.contains("CN"))
    for country in countries {
      #expect(country.keys.contains("powerWallYear") && country.keys.contains("chipWallYear"))
      #expect(["power", "chip", "both", "none"].contains(country["bindingWall"] as? String ?? ""))
      let years = try #require(country["years"] as? [[String: Any]])
      #expect(years.count == 11)
      for key in [
        "year", "demandH100e", "demandGW", "powerAvailableGW", "powerUsedGW", "chipsObtainableH100e", "fleetH100e",
        "trainingServedShare", "inferenceServedShare", "powerGapGW", "chipGapH100e", "binding",
      ] {
        #expect(years[0][key] != nil, "missing \(key)")
      }
      #expect(country["purchases"] is [String: Any])
    }
    #expect(json["wallThreshold"] as? Double == 0.1)
    #expect(json["demandCase"] as? String == "trend")
    #expect(json["objective"] is Double || json["objective"] is Int)
    #expect((json["solver"] as? [String: Any])?["name"] as? String != nil)
  }

  @Test func theExportedCostPhaseLpHasTheReportedOptimum() throws {
    // Given the baseline, When the cost phase is exported as one MPS file and read back by CLP's own reader,
    // Then its optimum (millions of USD, the LP's unit) equals the JSON objective (USD) within 1e-6 relative.
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("walls-\(UUID().uuidString).mps")
    defer { try? FileManager.default.removeItem(at: file) }
    let result = try Headroom.run(["walls", "--format", "json", "--export-mps", file.path])
    #expect(result.status == 0, "\(result.stderr)")
    let objective = try #require((Headroom.json(result.stdout)["objective"] as? NSNumber)?.doubleValue)
    let solution = try CoinORSolver().solveMPS(at: file)
    #expect(solution.status == .optimal)
    let optimum = solution.objective * 1e6
    #expect(abs(optimum - objective) <= 1e-6 * abs(objective), "\(optimum) vs \(objective)")
  }

  @Test func whatIfPutsChinaH200BesideTheBaseline() throws {
    // Given the china-h200 what-if, When compared with the baseline as JSON,
    // Then China's row is there with both scenarios' walls.
    let result = try Headroom.run(["whatif", "--scenario", "china-h200", "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let countries = try #require(Headroom.json(result.stdout)["countries"] as? [[String: Any]])
    let china = try #require(countries.first { $0["country"] as? String == "CN" })
    #expect((china["chipWallYear"] as? [String: Any])?["baseline"] != nil)
  }

  @Test func anUnknownSetPathNamesTheNearestValidOnes() throws {
    // Given a misspelt path, When 'walls --set' runs, Then it fails naming the path and the nearest valid paths.
    let result = try Headroom.run(["walls", "--set", "countries.US.power_scal=0.7"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown scenario path 'countries.US.power_scal'"), "\(result.stderr)")
    #expect(result.stderr.contains("nearest valid: countries.US.power_scale"), "\(result.stderr)")
  }

  @Test func aGrowthRateOfTheWrongDimensionIsRefused() throws {
    // Given demand growth written as a power, When set, Then the error names the --set path, the value and what is expected.
    let result = try Headroom.run(["walls", "--set", "demand.growth.start=5 GW"])
    #expect(result.status != 0)
    #expect(
      result.stderr.contains("field '--set demand.growth.start': value '5 GW': expected a growth factor per year"),
      "\(result.stderr)")
  }

  @Test func aMalformedSetIsRefused() throws {
    // Given --set without '=', When run, Then the error shows the expected form.
    let result = try Headroom.run(["walls", "--set", "demand.growth.start"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("expected path=value"))
  }

  @Test func aHorizonThatEndsBeforeItStartsIsRefused() throws {
    // Given horizon.to before horizon.from, When run, Then the error names the field and both years.
    let result = try Headroom.run(["walls", "--set", "horizon.to=2020"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("the horizon starts in 2025 but ends in 2020"), "\(result.stderr)")
  }

  @Test func aScenarioNamingAnUnknownCountryOrAcceleratorIsRefused() throws {
    // Given scenario files naming country 'XX' and accelerator 'h300', When run,
    // Then each fails naming the file, the field and the nearest known ids.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-scn-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let baseline = Repository.root.appendingPathComponent("Scenarios/baseline.yaml").path
    let country = folder.appendingPathComponent("bad-country.yaml")
    try "id: bad\nname: bad\nextends: baseline\ncountries:\n  UX:\n    installed:\n      h100-sxm: {2024: 1000}\n"
      .write(to: country, atomically: true, encoding: .utf8)
    try FileManager.default.copyItem(atPath: baseline, toPath: folder.appendingPathComponent("baseline.yaml").path)
    let first = try Headroom.run(["walls", "--scenario", country.path])
    #expect(first.status != 0)
    #expect(first.stderr.contains("unknown country 'UX'"), "\(first.stderr)")
    let kind = folder.appendingPathComponent("bad-kind.yaml")
    try "id: bad\nname: bad\nextends: baseline\ncountries:\n  US:\n    installed:\n      h300: {2024: 1000}\n"
      .write(to: kind, atomically: true, encoding: .utf8)
    let second = try Headroom.run(["walls", "--scenario", kind.path])
    #expect(second.status != 0)
    #expect(second.stderr.contains("unknown accelerator id 'h300'"), "\(second.stderr)")
  }

  @Test func shardsOfASweepMergeIntoTheWholeSweep() throws {
    // Given a 6-sample sweep, When run whole and as two shards merged,
    // Then the merged percentiles equal the whole run's.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-sweep-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = ["sweep", "--vary", "demand.growth.start=1.5:3", "--samples", "6", "--seed", "7", "--format", "json"]
    let whole = try Headroom.run(base)
    #expect(whole.status == 0, "\(whole.stderr)")
    for shard in 1...2 {
      let run = try Headroom.run(
        base + ["--shard", "\(shard)/2", "--save-samples", folder.appendingPathComponent("\(shard).json").path])
      #expect(run.status == 0, "\(run.stderr)")
    }
    let merged = try Headroom.run([
      "sweep", "--format", "json", "--merge", folder.appendingPathComponent("1.json").path,
      folder.appendingPathComponent("2.json").path,
    ])
    #expect(merged.status == 0, "\(merged.stderr)")
    func canonical(_ text: String) throws -> String {
      let countries = try Headroom.json(text)["countries"] ?? []
      return String(
        decoding: try JSONSerialization.data(withJSONObject: countries, options: [.sortedKeys]), as: UTF8.self)
    }
    #expect(try canonical(whole.stdout) == canonical(merged.stdout))
  }
}

/// Bad walls inputs (issue 13): each a clear error naming file, line, field and value; nothing saved.
@Suite struct WallsBadInputTests {
  /// A data folder with the repository's data and one scenario or demand-case file replaced.
  func folder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-bad-\(UUID().uuidString)")
    for name in ["Hardware", "Grids", "Scenarios"] {
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent(name), to: root.appendingPathComponent(name))
    }
    for (path, text) in files {
      try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }
    return root
  }

  func runsBefore(_ database: String) throws -> Int {
    guard FileManager.default.fileExists(atPath: database) else { return 0 }
    let result = try Headroom.run(["runs", "list", "--path", database, "--format", "json"])
    return (try? Headroom.json(result.stdout)["runs"] as? [Any])??.count ?? 0
  }

  @Test func anUnknownDemandCaseNamesTheKnownOnes() throws {
    let result = try Headroom.run(["walls", "--set", "demand.case=hockey-stick"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown demand case 'hockey-stick'"), "\(result.stderr)")
    #expect(result.stderr.contains("known cases: announced, low, trend"), "\(result.stderr)")
  }

  @Test func aNegativeDemandFigureNamesItsFileLineAndField() throws {
    // Given an announced case whose US addition for 2026 is negative,
    let root = try folder([
      "Scenarios/demand/announced.yaml": try String(
        contentsOf: Repository.root.appendingPathComponent("Scenarios/demand/announced.yaml"), encoding: .utf8
      ).replacingOccurrences(of: "value: 428000", with: "value: -428000")
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    // When walls runs on it, Then the error names the case file, the line, the field and the value.
    let result = try Headroom.run(["walls", "--data", root.path, "--set", "demand.case=announced", "--no-save"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("Scenarios/demand/announced.yaml:"), "\(result.stderr)")
    #expect(
      result.stderr.contains("field 'countries.CN.additions.2026.value'")
        || result.stderr.contains("field 'countries.CN.additions.2026'"), "\(result.stderr)")
    #expect(result.stderr.contains("-428000"), "\(result.stderr)")
  }

  @Test func aNonFiniteDemandFigureIsRefused() throws {
    let result = try Headroom.run(["walls", "--set", "demand.growth.start=.inf", "--no-save"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("'--set demand.growth.start'") && result.stderr.contains(".inf"), "\(result.stderr)")
  }

  @Test func aThresholdOutsideZeroToOneIsRefused() throws {
    // Given a threshold of 1.5 from the option and of 0 from --set, When run, Then both are refused before solving.
    let option = try Headroom.run(["walls", "--threshold", "1.5"])
    #expect(option.status != 0)
    #expect(option.stderr.contains("--threshold must be a share strictly between 0 and 1"), "\(option.stderr)")
    let set = try Headroom.run(["walls", "--set", "wall_threshold=0"])
    #expect(set.status != 0)
    #expect(set.stderr.contains("field '--set wall_threshold': value '0'"), "\(set.stderr)")
  }

  @Test func aVintageAfterTheBaseYearNamesTheFileAndLine() throws {
    // Given a scenario whose US stock has a 2027 vintage (after the 2025 base year), When run,
    // Then the error names the file, line and kind, and no run is saved.
    let database = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).sqlite").path
    let root = try folder([
      "Scenarios/late.yaml":
        "id: late\nname: late\nextends: baseline\ncountries:\n  US:\n    installed:\n      b300:\n        2027: 1000\n"
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let result = try Headroom.run(["walls", "--data", root.path, "--scenario", "late", "--db", database])
    #expect(result.status != 0)
    #expect(result.stderr.contains("Scenarios/late.yaml:"), "\(result.stderr)")
    #expect(result.stderr.contains("a vintage of 2027 is after the base year 2025"), "\(result.stderr)")
    #expect(try runsBefore(database) == 0)
  }
}

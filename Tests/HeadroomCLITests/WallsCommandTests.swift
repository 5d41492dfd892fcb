import Foundation
import HeadroomCoinOR
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
    let baseline = Headroom.repository.appendingPathComponent("Scenarios/baseline.yaml").path
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

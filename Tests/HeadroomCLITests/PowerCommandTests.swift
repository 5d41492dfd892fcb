import Foundation
import Testing

/// `grid show`, `fit` and `plan` report time to power, queues and behind-the-meter generation.
@Suite struct PowerCommandTests {
  @Test func gridShowUSListsRegionsWithQueuesAndSourcesIn120Columns() throws {
    // Given the repository's US file, When `grid show US` runs,
    let result = try Headroom.run(["grid", "show", "US"])
    #expect(result.status == 0, "\(result.stderr)")
    // Then the three regions appear with their queues and times to energise, the Batch Zero delay as a number,
    // the sources table, and no line is wider than 120 characters.
    for text in [
      "US-ERCOT", "226 GW", "US-PJM-DOM", "40.2 GW", "US-AZ-APS", "18 GW", "+1 year", "Inputs and their sources",
    ] {
      #expect(result.stdout.contains(text), "\(text)")
    }
    let widest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
    #expect(widest <= 120, "widest line \(widest)")
  }

  @Test func gridShowJSONGivesTheSeriesAndTheRegions() throws {
    // Given `grid show US --format json`, When parsed, Then 2030 is 48.6 GW average (IEA, to 1 %) and ERCOT is there.
    let result = try Headroom.run(["grid", "show", "US", "--format", "json"])
    let json = try Headroom.json(result.stdout)
    let series = try #require(json["series"] as? [[String: Any]])
    let y2030 = try #require(series.first { ($0["year"] as? Double) == 2030 })
    #expect(abs((y2030["powerAvailableMW"] as? Double ?? 0) / 48_600 - 1) < 0.01)
    let regions = try #require(json["regions"] as? [[String: Any]])
    #expect(regions.contains { ($0["region"] as? String) == "US-ERCOT" })
  }

  @Test func planBridgesTheWaitWithFuelCellsAndWithoutThemSaysTimeToPower() throws {
    // Given the ERCOT campus (grid from 2029) and a run that must happen in 2027,
    // When planned with the site's behind-the-meter options, Then everything is met and fuel cells (the only option
    // that counts in 2027) are built; with --btm none the run is short and the reason starts "time to power".
    let with = try Headroom.run([
      "plan", "--site", "ercot-gigawatt-campus", "--workloads", "texas-2027", "--format", "json",
    ])
    #expect(with.status == 0, "\(with.stderr)")
    let plan = try Headroom.json(with.stdout)
    #expect((plan["shortfalls"] as? [Any])?.isEmpty == true)
    let built = try #require(plan["behindTheMeter"] as? [[String: Any]])
    #expect(built.contains { ($0["option"] as? String) == "fuel-cell-sofc" && ($0["year"] as? Double) == 2027 })
    let without = try Headroom.run([
      "plan", "--site", "ercot-gigawatt-campus", "--workloads", "texas-2027", "--btm", "none", "--format", "json",
    ])
    let short = try #require(try Headroom.json(without.stdout)["shortfalls"] as? [[String: Any]])
    #expect(short.contains { ($0["explanation"] as? String)?.hasPrefix("time to power") == true })
  }

  @Test func fitBeforeTheGridEnergisesReportsTimeToPowerAndBridges() throws {
    // Given the ERCOT campus in 2027 (stated 500 MW, grid from 2029), When fitted,
    let result = try Headroom.run([
      "fit", "--site", "ercot-gigawatt-campus", "--system", "gb200-nvl72", "--year", "2027",
    ])
    // Then 0 systems fit for time to power, the switchgear date is named, and fuel cells count from 2027.
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("0 systems fit ercot-gigawatt-campus in 2027: time to power"))
    #expect(result.stdout.contains("hv-switchgear"))
    #expect(result.stdout.contains("fuel-cell-sofc"))
  }
}

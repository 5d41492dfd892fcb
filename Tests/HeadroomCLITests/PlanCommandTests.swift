import Foundation
import HeadroomCoinOR
import Testing

/// `headroom plan` end to end: the README examples, the MPS export, and bad input (each a clear error
/// and a non-zero exit).
@Suite struct PlanCommandTests {
  /// Writes a workloads file to a temporary folder and returns its path.
  func workloadsFile(_ text: String) throws -> String {
    // A file is named after its id (as the loader requires), in a folder of its own.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let id = text.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) } ?? "test"
    let url = folder.appendingPathComponent("\(id).yaml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  /// A one-service workloads file with the given extra lines.
  func service(latency: String = "50 ms", extra: String = "") -> String {
    """
    id: test
    name: Test service
    \(extra)
    inference:
      chat:
        model: llama-3-70b
        rate: {2026: 1M}
        latency: \(latency)
    """
  }

  @Test func theDublinExampleReportsARackShortfallIn2030AsJSON() throws {
    // Given the bundled Dublin hall and inference example, When planned as JSON,
    let result = try Headroom.run([
      "plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--format", "json",
    ])
    // Then it succeeds, 2030 is short and racks bind that year, with every hall's racks within limits.
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    #expect(json["status"] as? String == "optimal")
    let shortfalls = try #require(json["shortfalls"] as? [[String: Any]])
    #expect(shortfalls.count == 1)
    #expect(shortfalls.first?["year"] as? Double == 2030)
    let years = try #require(json["yearSummaries"] as? [[String: Any]])
    #expect((years.last?["binding"] as? [String])?.contains("racks") == true)
    for hall in try #require(json["halls"] as? [[String: Any]]) {
      #expect((hall["racksUsed"] as? Double ?? 0) <= (hall["usableRacks"] as? Double ?? 0))
    }
  }

  @Test func theTableNamesTheBuildPlanCostsAndTheBindingLimit() throws {
    // Given the US campus example, When planned as a table,
    let result = try Headroom.run(["plan", "--site", "abilene-campus", "--workloads", "us-frontier"])
    // Then the report has the build plan, the workloads, the costs per run and per token, and the
    // shortfall with its explanation.
    #expect(result.status == 0, "\(result.stderr)")
    for heading in [
      "Site plan: abilene-campus (US), 2026-2030", "Build plan by year and hall", "Workloads",
      "Costs (millions of USD)", "Shortfalls", "Candidate systems",
    ] {
      #expect(result.stdout.contains(heading), "missing \(heading)")
    }
    #expect(result.stdout.contains("per training run: frontier-2026"))
    #expect(result.stdout.contains("USD per million output tokens"))
    #expect(result.stdout.contains("removes it"))
  }

  @Test func anOverrideAllowsH200sInTheWesternHub() throws {
    // Given the CN example without MI300X licences (the untariffed import from 2026) and H200 imports
    // allowed, When planned as CSV,
    let result = try Headroom.run([
      "plan", "--site", "cn-western-hub", "--workloads", "cn-frontier", "--set", "policy.mi300x=denied", "--set",
      "policy.h200-sxm=allowed", "--format", "csv", "--table", "builds",
    ])
    // Then H200 servers are built in 2025, which the rules in force deny.
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("2025,hall-air,hgx-h200,"))
    let base = try Headroom.run([
      "plan", "--site", "cn-western-hub", "--workloads", "cn-frontier", "--set", "policy.mi300x=denied", "--format",
      "csv", "--table", "builds",
    ])
    #expect(!base.stdout.contains("2025,hall-air,hgx-h200,"))
  }

  @Test func exportMPSWritesTheModelCOINORReadsBack() throws {
    // Given the Dublin example, When planned with --export-mps and a 10 s limit,
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("plan-\(UUID().uuidString).mps").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try Headroom.run([
      "plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--export-mps", path, "--time-limit",
      "10s",
      "--format", "json",
    ])
    // Then the file is an MPS model with integer columns whose optimum is the plan's within the gaps.
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("* Headroom LinearProgram 'site-plan-dublin-colo-hall'"))
    #expect(text.contains("'INTORG'"))
    let json = try Headroom.json(result.stdout)
    let objective = try #require(json["objectiveMUSD"] as? Double)
    let solution = try CoinORSolver().solveMPS(at: URL(fileURLWithPath: path))
    let tolerance = (json["mipGapShare"] as? Double ?? 0) + (solution.gap ?? 0) + 1e-6
    #expect(abs(solution.objective - objective) <= tolerance * abs(objective))
  }

  @Test func anUnknownSiteIsAnErrorSuggestingTheNearest() throws {
    // Given a misspelt site, When planned, Then the exit is non-zero and the nearest id is suggested.
    let result = try Headroom.run(["plan", "--site", "dublin-colo", "--workloads", "dublin-inference"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("unknown site id"))
    #expect(result.stderr.contains("dublin-colo-hall"))
  }

  @Test func anUnknownSystemIsAnErrorAtItsLine() throws {
    // Given a workloads file listing a misspelt system, When planned,
    let path = try workloadsFile(service(extra: "systems: [hgx-h2000]"))
    let result = try Headroom.run(["plan", "--site", "dublin-colo-hall", "--workloads", path])
    // Then the error names the file, line 3 and field, and suggests the id.
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(path):3: field 'systems'"))
    #expect(result.stderr.contains("hgx-h200"))
  }

  @Test func anUnknownModelIsAnErrorAtItsLine() throws {
    // Given a service on a model the catalog lacks, When planned,
    let path = try workloadsFile(service().replacingOccurrences(of: "llama-3-70b", with: "llama-4-70b"))
    let result = try Headroom.run(["plan", "--site", "dublin-colo-hall", "--workloads", path])
    // Then the error names the file, line and field, and suggests the nearest model.
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(path):6: field 'inference.chat.model'"))
    #expect(result.stderr.contains("unknown model id 'llama-4-70b'"))
  }

  @Test func aDeadlineBeforeTheStartIsAnError() throws {
    // Given a run whose deadline is before its start, When planned,
    let path = try workloadsFile(
      """
      id: test
      name: Test run
      training:
        run: {model: llama-3-70b, tokens: 15T, start: 2028, deadline: 2027}
      """)
    let result = try Headroom.run(["plan", "--site", "abilene-campus", "--workloads", path])
    // Then the exit is non-zero and the message gives both days.
    #expect(result.status != 0)
    #expect(result.stderr.contains("field 'training.run.deadline'"))
    #expect(result.stderr.contains("the deadline (2027-12-31) is before the start (2028-01-01)"))
  }

  @Test func aLatencyNoReplicaCanMeetIsAnError() throws {
    // Given a 0.1 ms time-per-output-token target, When planned,
    let path = try workloadsFile(service(latency: "0.1 ms"))
    let result = try Headroom.run(["plan", "--site", "dublin-colo-hall", "--workloads", path])
    // Then the exit is non-zero and the message names the file, line, field and the best achievable.
    #expect(result.status != 0)
    #expect(result.stderr.contains("\(path):8: field 'inference.chat.latency': value '0.1 ms'"))
    #expect(result.stderr.contains("the best any candidate system manages"))
  }

  @Test func badOptionsAreErrors() throws {
    // Given an unknown --set path, a malformed time limit and reversed years, When planned,
    // Then each exits non-zero with what was expected.
    let set = try Headroom.run([
      "plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--set",
      "inference.eu-chat.latncy=20 ms",
    ])
    #expect(set.status != 0)
    #expect(set.stderr.contains("inference.eu-chat.latency"))
    let time = try Headroom.run([
      "plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--time-limit", "soon",
    ])
    #expect(time.status != 0)
    #expect(time.stderr.contains("--time-limit soon"))
    let years = try Headroom.run([
      "plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference", "--from", "2030", "--to", "2026",
    ])
    #expect(years.status != 0)
    #expect(years.stderr.contains("--from 2030 --to 2026"))
  }
}

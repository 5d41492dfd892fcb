import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// Reading workloads files: the examples, `--set` overrides, and bad input named by file, line and field.
@Suite struct SitePlanWorkloadsTests {
  /// Writes a workloads file to a temporary folder and returns its path.
  func file(_ text: String) throws -> String {
    // A file is named after its id (as the loader requires), in a folder of its own.
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workloads-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let id = text.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) } ?? "test"
    let url = folder.appendingPathComponent("\(id).yaml")
    try text.write(to: url, atomically: true, encoding: .utf8)
    return url.path
  }

  func error(_ text: String) throws -> CatalogError {
    let path = try file(text)
    do {
      _ = try SitePlanTestData.loader.load(path)
    } catch {
      return error
    }
    Issue.record("expected an error for \(text)")
    return CatalogError(expected: "")
  }

  @Test func theUSExampleReadsItsRunsAndService() throws {
    // Given the repository's us-frontier file, When read,
    let workloads = try SitePlanTestData.loader.load("us-frontier")
    // Then its first run is 6 x 800B x 400T = 1.92e27 FLOP from 1 July 2026 to 30 June 2027, half of
    // 2026 lies in its window, and the service's 2030 rate is 1.2 B tokens/s.
    let run = try #require(workloads.training.first)
    #expect(run.id == "frontier-2026")
    #expect(abs(run.compute.flop - 1.92e27) <= 1.92e27 * 1e-12)
    #expect(run.start == Day(year: 2026, month: 7, day: 1))
    #expect(run.deadline == Day(year: 2027, month: 6, day: 30))
    #expect(abs(run.share(ofYear: 2026) - 184.0 / 365) < 1e-12)
    #expect(workloads.inference.first?.rate(in: 2030) == 1.2e9)
    #expect(workloads.horizon == 2026...2030)
  }

  @Test func anOverrideChangesAFieldAndAPolicy() throws {
    // Given the CN example, When read with two --set overrides,
    let workloads = try SitePlanTestData.loader.load(
      "cn-frontier",
      overrides: [
        ScenarioOverride(path: "training.frontier-2026.deadline", value: "2027"),
        ScenarioOverride(path: "policy.h200-sxm", value: "allowed"),
      ])
    // Then the deadline is the end of 2027 and the H200 is allowed.
    #expect(workloads.training.first?.deadline == Day(year: 2027, month: 12, day: 31))
    #expect(workloads.policy["h200-sxm"] == .allowed)
  }

  @Test func anUnknownOverridePathSuggestsTheNearest() {
    // Given a misspelt path, When read, Then the error names the --set and suggests the field.
    #expect {
      try SitePlanTestData.loader.load(
        "cn-frontier", overrides: [ScenarioOverride(path: "training.frontier-2026.dedline", value: "2027")])
    } throws: { error in
      "\(error)".contains("--set") && "\(error)".contains("training.frontier-2026.deadline")
    }
  }

  @Test func aDeadlineBeforeTheStartIsAnErrorAtItsLine() throws {
    // Given a run that ends before it starts, When read, Then the error names line 7, the field and both days.
    let error = try error(
      """
      id: bad
      name: Bad
      training:
        run:
          parameters: 70B
          tokens: 15T
          deadline: 2026-03-01
          start: 2026-06-01
      """)
    #expect(error.line == 7)
    #expect(error.field == "training.run.deadline")
    #expect(error.description.contains("before the start (2026-06-01)"))
  }

  @Test func anUnknownModelOrSystemSuggestsTheNearestId() throws {
    // Given a service on a misspelt model and a misspelt system, When read, Then each error names the
    // field and suggests the catalog id.
    let model = try error(
      """
      id: bad
      name: Bad
      inference:
        chat: {model: llama-3-70, rate: 1M, latency: 50 ms}
      """)
    #expect(model.field == "inference.chat.model")
    #expect(model.description.contains("llama-3-70b"))
    let system = try error(
      """
      id: bad
      name: Bad
      systems: [hgx-h2000]
      inference:
        chat: {model: llama-3-70b, rate: 1M, latency: 50 ms}
      """)
    #expect(system.field == "systems")
    #expect(system.line == 3)
    #expect(system.description.contains("hgx-h200"))
  }

  @Test func aLatencyNoReplicaMeetsIsAnErrorNamingTheBest() throws {
    // Given a 1 ms time-per-output-token target for a 405B model,
    let path = try file(
      """
      id: fast
      name: Too fast
      inference:
        chat:
          model: llama-3.1-405b
          rate: 1M
          latency: 1 ms
      """)
    let workloads = try SitePlanTestData.loader.load(path)
    // When the problem is built, Then it throws naming the file, line, field and the best latency.
    #expect {
      try SitePlanProblem(
        catalog: Repository.catalog, site: Repository.catalog.site("dublin-colo-hall"),
        workloads: workloads,
        years: 2026...2027)
    } throws: { error in
      let text = "\(error)"
      return text.contains("\(path):7: field 'inference.chat.latency'")
        && text.contains("the best any candidate system manages")
    }
  }
}

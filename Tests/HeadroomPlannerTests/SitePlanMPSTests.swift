import Foundation
import HeadroomCoinOR
import HeadroomPlanner
import HeadroomSolver
import Testing

/// The exported MIP is the model Headroom solves: its optimum, read back by COIN-OR's own MPS reader
/// and solved from the file, matches the plan's objective within the reported gaps.
@Suite struct SitePlanMPSTests {
  @Test(arguments: ["cn-western-hub cn-frontier", "dublin-colo-hall dublin-inference"])
  func theExportedModelsOptimumMatchesThePlan(_ example: String) throws {
    // Given an example plan (the Dublin one has a shortfall, so penalties are in the objective),
    let parts = example.split(separator: " ").map(String.init)
    let problem = try SitePlanTestData.problem(site: parts[0], workloads: parts[1])
    let plan = try SitePlanTestData.planner.plan(problem)
    // When its MIP is written as MPS and solved from the file,
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("site-plan-\(UUID().uuidString).mps")
    defer { try? FileManager.default.removeItem(at: url) }
    try SitePlanTestData.planner.program(for: problem).program.writeMPS(to: url)
    let solution = try CoinORSolver().solveMPS(
      at: url, options: SolveOptions(timeLimit: .seconds(20), relativeGap: 1e-4))
    // Then both optima agree within the sum of the two reported gaps (plus 1e-6 relative).
    #expect(solution.status == .optimal)
    let tolerance = (plan.gap ?? 0) + (solution.gap ?? 0) + 1e-6
    #expect(
      abs(solution.objective - plan.objective) <= tolerance * abs(plan.objective),
      "file optimum \(solution.objective), plan \(plan.objective), tolerance \(tolerance)")
  }
}

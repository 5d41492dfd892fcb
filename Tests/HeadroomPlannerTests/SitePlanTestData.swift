import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import HeadroomTestSupport

/// The repository's sites and example workloads, planned once per test process.
enum SitePlanTestData {
  static var catalog: Catalog { Repository.catalog }

  static var loader: WorkloadsLoader { WorkloadsLoader(catalog: catalog, root: Repository.root) }

  /// 20 s and a 0.1 % gap per solve: the examples solve in well under a second.
  static let planner = SitePlanner(
    solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(20), relativeGap: 1e-3))

  /// The problem for a site and an example workloads file over the file's horizon.
  static func problem(site: String, workloads: String, overrides: [ScenarioOverride] = []) throws -> SitePlanProblem {
    let file = try loader.load(workloads, overrides: overrides)
    return try SitePlanProblem(
      catalog: catalog, site: catalog.site(site), workloads: file, years: file.horizon ?? 2026...2030)
  }

  /// The three README examples.
  static let examples: [(site: String, workloads: String)] = [
    ("abilene-campus", "us-frontier"), ("cn-western-hub", "cn-frontier"), ("dublin-colo-hall", "dublin-inference"),
  ]
}

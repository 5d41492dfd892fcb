import Foundation
import HeadroomCatalog
import HeadroomCoinOR
import HeadroomModel
import HeadroomPlanner
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Invariants on every example plan and on synthetic sites: rack power and cooling per hall and year,
/// site power after PUE, redundancy and derating, no system the country may not obtain, and every
/// deadline met or reported short.
@Suite struct SitePlanInvariantTests {
  @Test(arguments: SitePlanTestData.examples.map { "\($0.site) \($0.workloads)" })
  func theExamplePlansKeepEveryLimit(_ example: String) throws {
    // Given a repository site and its example workloads,
    let parts = example.split(separator: " ").map(String.init)
    let problem = try SitePlanTestData.problem(site: parts[0], workloads: parts[1])
    // When planned,
    let plan = try SitePlanTestData.planner.plan(problem)
    // Then the plan breaks no limit (1e-6 relative on power and demand),
    #expect(plan.status == .optimal)
    #expect(plan.invariantViolations(against: problem).isEmpty, "\(plan.invariantViolations(against: problem))")
    // And each year's IT power is the site's supply x derating / redundancy / PUE.
    let site = try Repository.catalog.site(parts[0])
    for summary in plan.yearSummaries {
      let expected = site.itPower(in: summary.year)?.megawatts ?? 0
      #expect(abs(summary.itAvailableMegawatts - expected) <= 1e-9 * max(1, expected))
      #expect(summary.itUsedMegawatts <= expected * (1 + 1e-9))
    }
    // And every training run is served in full or its shortfall reported.
    for run in plan.training {
      #expect(run.servedYottaflop + run.shortYottaflop >= run.requiredYottaflop * (1 - 1e-6))
      if run.shortYottaflop == 0 { #expect(run.finishYear.map { $0 <= run.deadline.year } ?? false) }
    }
  }

  @Test func theWesternHubBuysNothingTheRulesDeny() throws {
    // Given the CN site under the rules in force (Blackwell denied; H100, H200 and MI300X licensed
    // from 2026 under the Jan 2026 window, denied in 2025; the 25 % tariff only on the H200 and MI325X bands),
    let problem = try SitePlanTestData.problem(site: "cn-western-hub", workloads: "cn-frontier")
    // When planned,
    let plan = try SitePlanTestData.planner.plan(problem)
    // Then no B200 is bought, nothing US-origin is bought in 2025, and a fee is paid only on H200s bought.
    #expect(!plan.builds.contains { $0.system == "dgx-b200" && $0.installed > 0 })
    let usOrigin = ["dgx-h100", "hgx-h200", "amd-mi300x-platform", "dgx-b200"]
    #expect(!plan.builds.contains { $0.year == 2025 && usOrigin.contains($0.system) && $0.installed > 0 })
    let boughtH200 = plan.builds.contains { $0.system == "hgx-h200" && $0.bought > 0 }
    #expect((plan.costs.licenceFees > 0) == boughtH200)
    let h200 = try #require(problem.systems.first { $0.id == "hgx-h200" })
    #expect(h200.decisions.first == .denied)
    #expect(h200.decisions.last == .licensed)
    #expect(abs((h200.fees.last ?? 0) - 0.25) < 1e-12)
    // The H100 (3.35 TB/s) and MI300X (5.3 TB/s) are in the window but outside both tariff bands.
    for id in ["dgx-h100", "amd-mi300x-platform"] {
      let system = try #require(problem.systems.first { $0.id == id })
      #expect(system.decisions.last == .licensed, "\(id)")
      #expect((system.fees.last ?? 0) == 0, "\(id)")
    }
  }

  @Test func importingH200sFreelyChangesThe2025Build() throws {
    // Given the CN example without MI300X licences (the untariffed import the rules in force leave from
    // 2026) and, as a what-if, H200s allowed in every year,
    let noMI300X = ScenarioOverride(path: "policy.mi300x", value: "denied")
    let base = try SitePlanTestData.planner.plan(
      SitePlanTestData.problem(site: "cn-western-hub", workloads: "cn-frontier", overrides: [noMI300X]))
    let whatIf = try SitePlanTestData.planner.plan(
      SitePlanTestData.problem(
        site: "cn-western-hub", workloads: "cn-frontier",
        overrides: [noMI300X, ScenarioOverride(path: "policy.h200-sxm", value: "allowed")]))
    // When planned, Then H200s are bought in 2025, and the frontier run the base leaves short (the 2026
    // H100s and domestic parts cannot finish it in time) is served in full: shortfall first, then cost.
    #expect(whatIf.builds.contains { $0.year == 2025 && $0.system == "hgx-h200" && $0.bought > 0 })
    let short = { (plan: SitePlan) in plan.training.map(\.shortYottaflop).reduce(0, +) }
    #expect(short(base) > 0)
    #expect(short(whatIf) < short(base) * 1e-6)
  }

  @Test func onlyDomesticChipsLeaveTheRunShortAndTheRulesExplainIt() throws {
    // Given the CN example with every licensed US part denied,
    let overrides = ["h200-sxm", "h100-sxm", "h800", "mi300x"].map {
      ScenarioOverride(path: "policy.\($0)", value: "denied")
    }
    let problem = try SitePlanTestData.problem(site: "cn-western-hub", workloads: "cn-frontier", overrides: overrides)
    // When planned,
    let plan = try SitePlanTestData.planner.plan(problem)
    // Then only Huawei systems are bought, the frontier run is short, and relaxing the export rules
    // alone removes the shortfall.
    let vendors = try Set(
      plan.builds.map {
        try Repository.catalog.accelerator(Repository.catalog.system($0.system).accelerator).vendor
      })
    #expect(vendors == ["huawei"])
    let shortfall = try #require(plan.shortfalls.first { $0.workload == "frontier-2026" })
    #expect(shortfall.year == nil)
    #expect(shortfall.share > 0.05)
    #expect(shortfall.removedBy.contains(.rules))
    #expect(plan.invariantViolations(against: problem).isEmpty)
  }

  @Test func theDublinHallRunsOutOfRacksIn2030() throws {
    // Given the Dublin hall (400 racks of 12 kW, one server each) and a service growing to 12 M tokens/s,
    let problem = try SitePlanTestData.problem(site: "dublin-colo-hall", workloads: "dublin-inference")
    // When planned,
    let plan = try SitePlanTestData.planner.plan(problem)
    // Then 2030 is short, racks bind that year, and relaxing racks is part of every fix.
    let shortfall = try #require(plan.shortfalls.first)
    #expect(shortfall.year == 2030)
    #expect(plan.yearSummaries.last?.binding.contains(.racks) == true)
    #expect(plan.hallYears.last?.racksUsed == 400)
    let fixes = plan.diagnoses.filter(\.removesAll)
    #expect(!fixes.isEmpty && fixes.allSatisfy { $0.relaxations.contains(.racks) })
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func syntheticSitesKeepEveryLimit(seed: UInt64) throws {
    // Given a synthetic 4-hall, 6-system, 4-year, 4-workload site,
    let problem = SyntheticSitePlan.problem(halls: 4, systems: 6, years: 4, workloads: 4, seed: seed)
    // When planned to a 1 % gap,
    let planner = SitePlanner(solver: CoinORSolver(), options: SolveOptions(timeLimit: .seconds(10), relativeGap: 0.01))
    let plan = try planner.plan(problem)
    // Then no limit is broken and the system denied in the first two years is not bought then.
    #expect(plan.invariantViolations(against: problem).isEmpty, "\(plan.invariantViolations(against: problem))")
    #expect(!plan.builds.contains { $0.system == "system-1" && $0.year < 2028 && $0.installed > 0 })
  }
}

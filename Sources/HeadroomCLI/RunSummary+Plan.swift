import Foundation
import HeadroomModel
import HeadroomPlanner
import HeadroomStore

extension RunSummary {
  /// The run-history summary of a site plan: its workloads file as the scenario, the site, the `--set`
  /// overrides, the discounted cost (capex plus energy, millions of USD; shortfall penalties left out) as the
  /// objective and each year's build-out.
  ///
  /// A year's served share is ``SitePlan/inferenceServedShare(in:)``: training runs are judged over their whole
  /// window in the shortfalls.
  init(
    _ plan: SitePlan, workloads: String, overrides: [ScenarioOverride], dataHash: String, solver: String,
    solverVersion: String
  ) {
    self.init(
      kind: .plan, scenario: workloads, overrides: overrides.map { Override(path: $0.path, value: $0.value) },
      dataHash: dataHash, solverName: solver, solverVersion: solverVersion, objective: plan.costs.totalPresent,
      site: plan.site)
    planYears = plan.yearSummaries.map { year in
      PlanYear(
        year: year.year, systemsBought: year.systemsBought, accelerators: year.acceleratorsInstalled,
        itPowerUsed: year.itUsed, itPowerAvailable: year.itAvailable, racksUsed: year.racksUsed, capex: year.capex,
        energyCost: year.energyCost, servedShare: plan.inferenceServedShare(in: year.year), binding: year.bindingText)
    }
  }
}

import Foundation
import HeadroomModel
import HeadroomPlanner
import HeadroomStore

extension RunSummary {
  /// The run-history summary of a site plan: its workloads file as the scenario, the site, the `--set`
  /// overrides, the discounted cost (capex plus energy, millions of USD; shortfall penalties left out) as the
  /// objective and each year's build-out.
  ///
  /// A year's served share is the share of its inference demand served (tokens/s), 1 when the workloads
  /// have no service; training runs are judged over their whole window in the shortfalls.
  init(
    _ plan: SitePlan, workloads: String, overrides: [ScenarioOverride], dataHash: String, solver: String,
    solverVersion: String
  ) {
    self.init(
      kind: .plan, scenario: workloads, overrides: overrides.map { Override(path: $0.path, value: $0.value) },
      dataHash: dataHash, solverName: solver, solverVersion: solverVersion, objective: plan.costs.totalPresent,
      site: plan.site)
    planYears = plan.yearSummaries.map { year in
      let services = plan.services.flatMap { $0.years.filter { $0.year == year.year } }
      let demanded = services.map(\.demandedMillionTokensPerSecond).reduce(0, +)
      let served = services.map(\.servedMillionTokensPerSecond).reduce(0, +)
      return PlanYear(
        year: year.year, systemsBought: year.systemsBought, accelerators: year.acceleratorsInstalled,
        itPowerUsed: Power(megawatts: year.itUsedMegawatts),
        itPowerAvailable: Power(megawatts: year.itAvailableMegawatts),
        racksUsed: year.racksUsed, capex: Money(dollars: year.capexMillions * 1e6),
        energyCost: Money(dollars: year.energyMillions * 1e6), servedShare: demanded > 0 ? served / demanded : 1,
        binding: year.bindingText)
    }
  }
}

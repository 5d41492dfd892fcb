import HeadroomModel
import HeadroomPlanner
import HeadroomStore

extension RunSummary {
  /// The run-history summary of a walls result.
  ///
  /// - Parameters:
  ///   - result: What the walls model found (its scenario, solver and objective are used).
  ///   - kind: The command that made the run.
  ///   - overrides: The `--set` overrides, in the order given.
  ///   - dataHash: ``DataHash/of(root:)`` of the data folder the run read.
  init(_ result: WallsResult, kind: Kind, overrides: [ScenarioOverride], dataHash: String) {
    self.init(
      kind: kind, scenario: result.scenario, overrides: overrides.map { Override(path: $0.path, value: $0.value) },
      dataHash: dataHash, solverName: result.solver.name, solverVersion: result.solver.version,
      objective: result.objective.millionsOfDollars, demandCase: result.demandCase, wallThreshold: result.wallThreshold,
      countries: result.countries.map { country in
        CountryResult(
          country: country.country, powerWallYear: country.powerWallYear, chipWallYear: country.chipWallYear,
          firstShortYear: country.firstShortYear,
          bindingWall: BindingWall(rawValue: country.bindingWall.rawValue) ?? .none,
          cost: country.cost)
      },
      years: result.countries.flatMap { country in
        country.years.map { year in
          YearResult(
            country: country.country, year: year.year, demand: year.demand,
            trainingServedShare: year.trainingServedShare,
            inferenceServedShare: year.inferenceServedShare, demandPower: year.demandPower,
            powerAvailable: year.powerAvailable, powerUsed: year.powerUsed, chipsObtainable: year.chipsObtainable,
            fleet: year.fleet, gap: year.gap, powerGap: year.powerGap, chipGap: year.chipGap,
            binding: BindingWall(rawValue: year.binding.rawValue) ?? .none, powerShadow: year.powerShadowPrice,
            chipShadow: year.chipShadowPrice, chipShadowKind: year.chipShadowKind)
        }
      })
  }
}

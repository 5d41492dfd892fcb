import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomStore

extension RunSummary {
  /// The run-history summary of a walls result, so `walls`, `whatif` and `sweep` can save a run with
  /// `RunHistory.save(RunSummary(result, kind: .walls, ...), path: ..., options: ...)`.
  ///
  /// - Parameters:
  ///   - result: What the walls model found (its scenario, solver name and objective are used).
  ///   - kind: The command that made the run.
  ///   - overrides: The `--set` overrides, in the order given.
  ///   - dataHash: ``DataHash/of(root:)`` of the data folder the run read.
  ///   - solverVersion: The solver library's version (e.g. `CoinORSolver.clpVersion`).
  init(
    _ result: WallsResult, kind: Kind, overrides: [ScenarioOverride], dataHash: String, solverVersion: String
  ) {
    self.init(
      kind: kind, scenario: result.scenario, overrides: overrides.map { Override(path: $0.path, value: $0.value) },
      dataHash: dataHash, solverName: result.solverName, solverVersion: solverVersion,
      objective: result.objective,
      countries: result.countries.map { country in
        CountryResult(
          country: country.country, powerWallYear: country.powerWallYear, chipWallYear: country.chipWallYear,
          firstShortYear: country.firstShortYear,
          bindingWall: BindingWall(rawValue: country.bindingWall.rawValue) ?? .none,
          cost: Money(baseValue: country.costMillions * 1e6))
      },
      years: result.countries.flatMap { country in
        country.years.map { year in
          YearResult(
            country: country.country, year: year.year, trainingDemand: ComputeRate(year.trainingDemand, "PFLOP/s"),
            trainingServed: ComputeRate(year.trainingServed, "PFLOP/s"), inferenceDemand: year.inferenceDemand,
            inferenceServed: year.inferenceServed, unmetShare: year.unmetShare,
            powerUsed: Power(megawatts: year.powerUsedMW), powerAvailable: Power(megawatts: year.powerAvailableMW),
            acceleratorsRunning: year.acceleratorsRunning, acceleratorsAvailable: year.acceleratorsAvailable,
            acceleratorsBought: year.acceleratorsBought, powerShadowPrice: year.powerShadowPrice,
            chipShadowPrice: year.chipShadowPrice, chipShadowKind: year.chipShadowKind)
        }
      })
  }
}

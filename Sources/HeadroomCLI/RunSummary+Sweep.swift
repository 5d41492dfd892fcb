import HeadroomModel
import HeadroomPlanner
import HeadroomStore

extension RunSummary {
  /// The run-history summary of a whole sweep (``SweepDigest``): per country, the median wall years and the
  /// binding wall of the most samples, the p5/p50/p95 of each wall with its share of samples without one, and
  /// the inputs that move it most (Spearman's rank correlation, or the total-order Sobol index for a Sobol
  /// sweep); the varied ranges are recorded beside the overrides as `vary.<path>=lo:hi`.
  init(_ file: SweepSamples, dataHash: String) {
    let digest = SweepDigest(file)
    let overrides =
      file.overrides.compactMap { try? ScenarioOverride(parsing: $0) }.map { Override(path: $0.path, value: $0.value) }
      + file.ranges.map { Override(path: "vary.\($0.path)", value: "\($0.low):\($0.high)") }
    self.init(
      kind: .sweep, scenario: file.scenario, overrides: overrides, dataHash: dataHash,
      solverName: LiveSolver.identity.name, solverVersion: LiveSolver.identity.version,
      countries: digest.countries.map { country in
        CountryResult(
          country: country.country, powerWallYear: country.years(.powerWall)?.p50,
          chipWallYear: country.years(.chipWall)?.p50, firstShortYear: country.years(.firstShort)?.p50,
          bindingWall: BindingWall(rawValue: country.binding) ?? .none)
      }, sampleCount: file.samples.count)
    for country in digest.countries {
      for years in country.walls {
        let wall = SweepWall.Wall(years.wall)
        sweepWalls.append(
          SweepWall(
            country: country.country, wall: wall, p5: years.p5, p50: years.p50, p95: years.p95,
            noneShare: years.noneShare))
        for (index, driver) in years.drivers.enumerated() {
          drivers.append(
            Driver(
              country: country.country, wall: wall, rank: index + 1, input: driver.input,
              measure: driver.measure.rawValue, value: driver.value))
        }
      }
    }
  }
}

extension RunSummary.SweepWall.Wall {
  /// The stored name of a wall the sweep digest summarises.
  init(_ wall: SweepDigest.Wall) {
    switch wall {
    case .powerWall: self = .powerWall
    case .chipWall: self = .chipWall
    case .firstShort: self = .firstShort
    }
  }
}

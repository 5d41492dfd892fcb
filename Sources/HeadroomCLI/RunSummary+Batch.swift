import HeadroomModel
import HeadroomPlanner
import HeadroomStore

extension RunSummary {
  /// The run-history summary of one scenario of a batch: its walls from phase 1 (no objective).
  init(_ entry: BatchEntry, dataHash: String) {
    self.init(
      kind: .batch, scenario: entry.scenario, dataHash: dataHash, solverName: LiveSolver.identity.name,
      solverVersion: LiveSolver.identity.version,
      countries: entry.walls.sorted { $0.key < $1.key }.map { country, walls in
        CountryResult(
          country: country, powerWallYear: walls.powerWall, chipWallYear: walls.chipWall,
          firstShortYear: walls.firstShort, bindingWall: BindingWall(rawValue: walls.binding) ?? .none)
      })
  }
}

import HeadroomModel

extension WallsInput {
  /// The catalog's accelerators that the scenario gives no supply in any country and year (no installed
  /// base, no production placed, no imports), leaving out those that cannot run at all
  /// (``excludedKinds`` says why): the model never uses them, so a report says it ignored them.
  ///
  /// For example, a user's new accelerator with no `production` entry in the scenario.
  public func kindsWithoutSupply(in catalog: Catalog) -> [String] {
    let used = Set(problems.flatMap { $0.kinds.map(\.id) })
    return catalog.accelerators.map(\.id).filter { !used.contains($0) && excludedKinds[$0] == nil }.sorted()
  }
}

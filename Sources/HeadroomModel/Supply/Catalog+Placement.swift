extension Catalog {
  /// Where a kind's production goes without a scenario saying otherwise, country → share; nil for a
  /// merchant part sold by allocation (US-designed parts without a deployment).
  ///
  /// Captive parts (TPUs, Trainium) follow their outlook's deployment shares; parts designed in a
  /// modelled country other than the US (Huawei, Cambricon) go to that country as domestic supply.
  public func placement(of kind: String) -> [String: Double]? {
    if let outlook = production.first(where: { $0.lines.contains { $0.accelerator == kind } }),
      let deployment = outlook.deployment
    {
      return deployment
    }
    guard let part = accelerators.first(where: { $0.id == kind }), part.origin != "US",
      countries.contains(where: { $0.id == part.origin })
    else { return nil }
    return [part.origin: 1]
  }
}

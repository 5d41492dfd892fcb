extension Accelerator {
  /// The price of one accelerator: its own reported price, else a catalog system's price shared over
  /// its accelerators; nil when neither is published.
  public func unitPrice(systems: [AcceleratorSystem]) -> Money? {
    if let price { return price.amount }
    let priced = systems.lazy.filter { $0.accelerator == self.id && $0.price != nil }.min { $0.id < $1.id }
    return priced.flatMap { system in system.price.map { $0.amount / Double(system.acceleratorCount) } }
  }
}

extension Catalog {
  /// The accelerator every imputed price is scaled from.
  public static let referenceAccelerator = "h100-sxm"

  /// A part's price per unit and whether it was imputed: its own (``Accelerator/unitPrice(systems:)``),
  /// else the H100 SXM's price per nominal H100e × the part's nominal H100e; nil when neither exists.
  public func price(of part: Accelerator) -> (price: Money, imputed: Bool)? {
    if let own = part.unitPrice(systems: systems) { return (own, false) }
    guard let reference = accelerators.first(where: { $0.id == Self.referenceAccelerator }),
      let referencePrice = reference.unitPrice(systems: systems), reference.nominalH100Equivalents > 0
    else { return nil }
    return (referencePrice * (part.nominalH100Equivalents / reference.nominalH100Equivalents), true)
  }
}

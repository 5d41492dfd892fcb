/// Electrical energy, in joules (display: Wh, kWh, MWh, GWh).
public struct Energy: Quantity {
  public static let dimension = UnitDimension(
    name: "energy", example: "1.5 MWh", baseSymbol: "J",
    units: [.init("Wh", 3600, prefixes: true), .init("J", prefixes: true)]
  )
  /// The amount in J.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

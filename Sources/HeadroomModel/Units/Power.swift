/// Electrical power, in watts (display: W, kW, MW, GW).
public struct Power: Quantity {
  public static let dimension = UnitDimension(
    name: "power", example: "700 W", baseSymbol: "W",
    units: [.init("W", prefixes: true)]
  )
  /// The amount in W.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

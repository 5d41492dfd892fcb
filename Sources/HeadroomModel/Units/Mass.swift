/// A mass, in kilograms (used for CO2 emissions; display in t).
public struct Mass: Quantity {
  public static let dimension = UnitDimension(
    name: "mass", example: "120 t", baseSymbol: "kg",
    units: [.init("kg"), .init("g", 0.001), .init("t", 1000), .init("kt", 1e6), .init("Mt", 1e9)]
  )
  /// The amount in kg.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

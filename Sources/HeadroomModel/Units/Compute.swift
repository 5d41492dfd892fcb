/// An amount of arithmetic, in operations (FLOP).
public struct Compute: Quantity {
  public static let dimension = UnitDimension(
    name: "compute", example: "3.8e25 FLOP", baseSymbol: "FLOP",
    units: [.init("FLOP", prefixes: true), .init("OP", prefixes: true)]
  )
  /// The amount in FLOP.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

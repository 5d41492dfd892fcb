/// Arithmetic throughput, in operations (FLOP or integer OP) per second.
public struct ComputeRate: Quantity {
  public static let dimension = UnitDimension(
    name: "compute rate", example: "989 TFLOP/s", baseSymbol: "FLOP/s",
    units: [
      .init("FLOP/s", prefixes: true), .init("FLOPS", prefixes: true), .init("OP/s", prefixes: true),
      .init("OPS", prefixes: true),
    ]
  )
  /// The amount in FLOP/s.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

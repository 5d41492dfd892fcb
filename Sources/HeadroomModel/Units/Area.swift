/// An area, in square millimetres (die area) up to square metres (floor space).
public struct Area: Quantity {
  public static let dimension = UnitDimension(
    name: "area", example: "814 mm2", baseSymbol: "mm2",
    units: [.init("mm2"), .init("mm²", 1), .init("cm2", 100), .init("m2", 1e6), .init("m²", 1e6), .init("ha", 1e10)]
  )
  /// The amount in mm2.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

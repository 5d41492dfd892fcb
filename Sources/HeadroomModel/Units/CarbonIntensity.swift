/// Grid carbon intensity, in grams of CO2-equivalent per kilowatt-hour.
public struct CarbonIntensity: Quantity {
  public static let dimension = UnitDimension(
    name: "carbon intensity", example: "384 g/kWh", baseSymbol: "g/kWh",
    units: [.init("g/kWh"), .init("gCO2/kWh", 1), .init("gCO2e/kWh", 1), .init("kg/MWh", 1), .init("t/GWh", 1)]
  )
  /// The amount in g/kWh.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

/// A price of electrical energy, in US dollars per megawatt-hour.
public struct EnergyPrice: Quantity {
  public static let dimension = UnitDimension(
    name: "energy price", example: "80 USD/MWh", baseSymbol: "USD/MWh",
    units: [.init("USD/MWh"), .init("USD/kWh", 1000), .init("USD/GWh", 0.001)]
  )
  /// The amount in USD/MWh.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

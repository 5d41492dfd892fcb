/// A capital cost per unit of power capacity, in US dollars per kilowatt (overnight plant cost).
public struct PowerCost: Quantity {
  public static let dimension = UnitDimension(
    name: "cost per unit of power", example: "1500 USD/kW", baseSymbol: "USD/kW",
    units: [.init("USD/kW"), .init("USD/MW", 0.001), .init("USD/W", 1000)]
  )
  /// The amount in USD/kW.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

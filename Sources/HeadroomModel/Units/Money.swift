/// An amount of money, in US dollars.
public struct Money: Quantity {
  public static let dimension = UnitDimension(
    name: "money", example: "31000 USD", baseSymbol: "USD",
    units: [.init("USD", prefixes: true)]
  )
  /// The amount in USD.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

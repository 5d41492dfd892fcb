/// A span of time, in seconds (display: s, min, h, days, years of 365.25 days).
public struct TimeSpan: Quantity {
  public static let dimension = UnitDimension(
    name: "duration", example: "60 days", baseSymbol: "s",
    units: [
      .init("s", prefixes: true), .init("min", 60), .init("h", 3600), .init("day", 86400), .init("days", 86400),
      .init("d", 86400), .init("week", 604_800), .init("weeks", 604_800), .init("year", 31_557_600),
      .init("years", 31_557_600), .init("y", 31_557_600),
    ]
  )
  /// The amount in s.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

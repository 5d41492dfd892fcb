/// A data rate, in bytes per second (SI prefixes are decimal; GiB/s and TiB/s are binary).
public struct Bandwidth: Quantity {
  public static let dimension = UnitDimension(
    name: "bandwidth", example: "4.8 TB/s", baseSymbol: "B/s",
    units: [.init("B/s", prefixes: true), .init("GiB/s", 1_073_741_824), .init("TiB/s", 1_099_511_627_776)]
  )
  /// The amount in B/s.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

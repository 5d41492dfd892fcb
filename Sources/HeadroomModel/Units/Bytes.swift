/// An amount of memory or data, in bytes (SI prefixes are decimal; KiB, MiB, GiB, TiB are binary).
public struct Bytes: Quantity {
  public static let dimension = UnitDimension(
    name: "size in bytes", example: "141 GB", baseSymbol: "B",
    units: [
      .init("B", prefixes: true), .init("KiB", 1024), .init("MiB", 1_048_576), .init("GiB", 1_073_741_824),
      .init("TiB", 1_099_511_627_776),
    ]
  )
  /// The amount in B.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
}

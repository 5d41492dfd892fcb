/// Accelerator capacity in H100-equivalents (H100e): how many NVIDIA H100 SXMs would do the same work.
///
/// The walls model's unit of chip supply and of demand. A kind's nominal H100e is its dense 8-bit peak
/// (FP8, else INT8) over the H100 SXM's 1,979 TFLOP/s, the basis Epoch AI uses for its chip-sales and
/// chip-owner estimates (``Accelerator/nominalH100Equivalents``); for inference the walls model uses
/// the reference model's measured-basis tokens/s instead (see `WorkloadEquivalence`).
///
/// For example: `H100Equivalents(2_300_000).formatted()` is `"2.3M H100e"`.
public struct H100Equivalents: Quantity {
  public static let dimension = UnitDimension(
    name: "accelerator capacity", example: "1.5M H100e", baseSymbol: "H100e",
    units: [.init("H100e")]
  )
  /// The amount in H100e.
  public var baseValue: Double
  public init(baseValue: Double) { self.baseValue = baseValue }
  /// An amount of H100s' worth of work.
  public init(_ value: Double) { self.baseValue = value }
  /// The amount in H100e.
  public var value: Double { baseValue }
}

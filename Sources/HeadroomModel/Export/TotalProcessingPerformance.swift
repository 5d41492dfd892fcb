/// The 3A090 'total processing performance' (TPP) of a part, and the precision that sets it.
///
/// TPP = dense TOPS or TFLOP/s × bit length, evaluated for every precision the part supports; the
/// highest counts (technical note to ECCN 3A090). A literal reading: a format evaluated at a short bit
/// length but a high rate (FP6 at the FP4 rate on AMD CDNA4) can set the TPP.
public struct TotalProcessingPerformance: Sendable, Hashable {
  /// TPP, in "TOPS × bits" (dimensionless by convention: H100 SXM ≈ 15,832).
  public var value: Double
  /// The precision that gives the highest value; nil when no rate is known.
  public var precision: Precision?

  public init(value: Double, precision: Precision?) {
    self.value = value
    self.precision = precision
  }

  /// The H100 SXM's TPP (its dense FP8 rate × 8 bits), the unit of H100-equivalents by the AI Diffusion convention.
  public static let h100 = 15_832.0

  /// TPP from one dense rate at a bit length, for a part known only by that rate (a hypothetical part):
  /// TFLOP/s (or TOPS) × bits; the precision is unknown (nil).
  ///
  /// For example, 2,000 TOPS at 8 bits: `TotalProcessingPerformance(teraflops: 2000, bitLength: 8).value` is 16,000.
  public init(teraflops: Double, bitLength: Int) {
    self.init(value: teraflops * Double(bitLength), precision: nil)
  }

  /// H100-equivalents by the AI Diffusion convention: TPP / 15,832 (``h100``).
  public var h100Equivalents: Double { value / Self.h100 }

  /// TPP from a set of dense rates per precision.
  ///
  /// Ties are common (FP8 at twice the BF16 rate gives the same TPP): the precision reported is then a
  /// floating-point one before an integer one, and the shortest bit length among those (H100 → fp8).
  public init(rates: [Precision: ComputeRate]) {
    let candidates = rates.map { precision, rate in
      (precision: precision, value: rate.teraflops * Double(precision.bitLength))
    }
    let top = candidates.map(\.value).max() ?? 0
    let tied = candidates.filter { $0.value >= top * (1 - 1e-12) }
    let chosen = tied.min { lhs, rhs in
      (lhs.precision.isInteger ? 1 : 0, lhs.precision.bitLength)
        < (rhs.precision.isInteger ? 1 : 0, rhs.precision.bitLength)
    }
    self.init(value: top, precision: chosen?.precision)
  }

  /// Performance density: TPP per mm² of applicable (logic) die area; nil without a die area.
  public func density(over dieArea: Area?) -> Double? {
    guard let dieArea, dieArea.squareMillimetres > 0 else { return nil }
    return value / dieArea.squareMillimetres
  }
}

extension Accelerator {
  /// The part's TPP, computed from its dense rates.
  public var totalProcessingPerformance: TotalProcessingPerformance {
    TotalProcessingPerformance(rates: compute)
  }

  /// The part's performance density (TPP / logic die area), nil without a die area.
  public var performanceDensity: Double? { totalProcessingPerformance.density(over: dieArea) }
}

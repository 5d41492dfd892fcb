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

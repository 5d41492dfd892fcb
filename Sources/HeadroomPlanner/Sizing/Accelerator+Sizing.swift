import HeadroomModel

extension Accelerator {
  /// The dense peak at a precision, with the precision actually used: a BF16 request is served by FP16
  /// on parts without BF16 (V100, T4, Ascend 910/910B) and the other way round.
  public func peak(at precision: Precision) throws(SizingError) -> (precision: Precision, rate: ComputeRate) {
    if let rate = compute[precision] { return (precision, rate) }
    if let alternative = precision.sixteenBitAlternative, let rate = compute[alternative] { return (alternative, rate) }
    throw SizingError.unsupportedPrecision(
      accelerator: id, precision: precision, supported: compute.keys.sorted())
  }

  /// The serving precision Headroom picks when none is asked for: FP8 where the part has an FP8 rate,
  /// else 16-bit (BF16, or FP16 where there is no BF16).
  public var preferredServingPrecision: Precision {
    compute[.fp8] != nil ? .fp8 : (compute[.bf16] != nil ? .bf16 : .fp16)
  }

  /// The first precision of a profile's accepted list the part has a rate for (BF16 and FP16 stand in
  /// for each other), or nil when it has none of them.
  public func servingPrecision(accepting precisions: [Precision]) -> Precision? {
    for precision in precisions {
      if compute[precision] != nil { return precision }
      if let alternative = precision.sixteenBitAlternative, compute[alternative] != nil { return alternative }
    }
    return nil
  }
}

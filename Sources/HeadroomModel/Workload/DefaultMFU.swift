/// Sourced default model FLOPs utilisation (MFU) per accelerator and precision, with marked fallbacks
/// per precision for parts no published run covers.
///
/// MFU is the share of the dense peak at a precision that a training run turns into model FLOPs
/// (6 x N x D). Calculators that default to 100 % are 60-80 % off; published large runs land at
/// 20-55 %. The figures come from `Scenarios/mfu.yaml`.
///
/// For example:
/// ```swift
/// catalog.mfu.lookup(accelerator: "tpu-v4", precision: .bf16)   // 0.462, from PaLM
/// catalog.mfu.lookup(accelerator: "h20", precision: .bf16)      // the BF16 fallback, an assumption
/// ```
public struct DefaultMFU: Sendable, Hashable {
  /// A default MFU and whether it is specific to the part or the precision's fallback.
  public struct Value: Sendable, Hashable {
    /// Where a default comes from.
    public enum Basis: Sendable, Hashable {
      /// A published run (or a marked estimate) on this accelerator at this precision.
      case accelerator(String)
      /// The precision's fallback, used because no run on this accelerator is recorded.
      case fallback
    }

    /// The MFU, in (0, 1].
    public var mfu: Double
    /// The precision the value was recorded for.
    public var precision: Precision
    public var basis: Basis

    public init(mfu: Double, precision: Precision, basis: Basis) {
      self.mfu = mfu
      self.precision = precision
      self.basis = basis
    }

    /// The field path of the figure in `Scenarios/mfu.yaml`, e.g. `accelerators.h800.fp8`.
    public var fieldPath: String {
      switch basis {
      case .accelerator(let id): "accelerators.\(id).\(precision.rawValue)"
      case .fallback: "default.\(precision.rawValue)"
      }
    }
  }

  /// Accelerator id -> precision -> MFU.
  public var byAccelerator: [String: [Precision: Double]]
  /// Precision -> MFU used where an accelerator has no entry.
  public var fallback: [Precision: Double]
  /// Sources and marks, with field paths `accelerators.<id>.<precision>` and `default.<precision>`.
  public var provenance: Provenance

  public init(
    byAccelerator: [String: [Precision: Double]] = [:], fallback: [Precision: Double] = [:],
    provenance: Provenance = .init()
  ) {
    self.byAccelerator = byAccelerator
    self.fallback = fallback
    self.provenance = provenance
  }

  /// The default MFU for an accelerator at a precision: the part's own figure, else the precision's
  /// fallback; nil when neither exists. A 16-bit request matches `bf16` and `fp16` entries alike.
  public func lookup(accelerator id: String, precision: Precision) -> Value? {
    let alternative = precision.sixteenBitAlternative
    if let entries = byAccelerator[id] {
      if let mfu = entries[precision] { return Value(mfu: mfu, precision: precision, basis: .accelerator(id)) }
      if let alternative, let mfu = entries[alternative] {
        return Value(mfu: mfu, precision: alternative, basis: .accelerator(id))
      }
    }
    if let mfu = fallback[precision] { return Value(mfu: mfu, precision: precision, basis: .fallback) }
    if let alternative, let mfu = fallback[alternative] {
      return Value(mfu: mfu, precision: alternative, basis: .fallback)
    }
    return nil
  }

  /// The estimate or assumption mark of a looked-up figure, when it is one.
  public func mark(of value: Value) -> Provenance.Mark? { provenance.marks[value.fieldPath] }
}

extension Precision {
  /// The precisions a request for this one may be served by: BF16 and FP16 stand in for each other
  /// (parts without BF16 train in FP16 with loss scaling); others only match themselves.
  public var sixteenBitFamily: [Precision] {
    sixteenBitAlternative.map { [self, $0] } ?? [self]
  }

  /// The other 16-bit format for BF16 and FP16, nil for every other precision.
  public var sixteenBitAlternative: Precision? {
    switch self {
    case .bf16: .fp16
    case .fp16: .bf16
    default: nil
    }
  }
}

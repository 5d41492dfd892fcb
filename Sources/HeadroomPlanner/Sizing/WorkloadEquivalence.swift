import HeadroomModel

/// How many H100 SXMs an accelerator is worth, separately for training and for inference.
///
/// - Training: (dense BF16 peak x default BF16 MFU) / the H100's. The TPP-based "H100-equivalent" of
///   the export rules counts the best precision's peak only.
/// - Inference: output tokens/s per accelerator serving the reference model (llama-3-70b at its default
///   context, FP8 where the part has an FP8 rate, else 16-bit; 50 ms per output token; decode only)
///   over the H100's.
///
/// A bandwidth-rich, compute-poor part such as the H20 is worth far more for inference than for
/// training: chip equivalence depends on the workload. The walls model uses both ratios as
/// capability_{k,w}.
public struct WorkloadEquivalence: Sendable {
  /// One accelerator's ratios and the figures behind them.
  public struct Entry: Sendable, Hashable {
    public var accelerator: String
    /// Training H100-equivalents; nil without a 16-bit rate or a default MFU.
    public var training: Double?
    /// Inference H100-equivalents; nil when the reference model cannot be served on 64 of the part.
    public var inference: Double?
    /// Sustained training rate per accelerator (16-bit peak x default MFU).
    public var trainingRate: ComputeRate?
    /// Reference-model output tokens/s per accelerator.
    public var inferenceTokensPerSecond: Double?
    /// The serving precision used for the inference figure.
    public var inferencePrecision: Precision?
  }

  /// The accelerator every ratio is against.
  public static let referenceAccelerator = "h100-sxm"
  /// The model the inference ratio serves by default.
  public static let referenceModel = "llama-3-70b"
  /// The time-per-output-token target of the inference ratio.
  public static let referenceLatency = TimeSpan(seconds: 0.05)

  /// Entries by accelerator id.
  public var entries: [String: Entry]

  /// Computes both ratios for every accelerator in a catalog.
  ///
  /// - Complexity: one training rate and one inference sizing per accelerator (a few hundred roofline
  ///   evaluations each).
  public init(catalog: Catalog, referenceModel: String = WorkloadEquivalence.referenceModel) {
    let model = try? catalog.model(referenceModel)
    var raw: [String: Entry] = [:]
    for part in catalog.accelerators {
      var entry = Entry(accelerator: part.id)
      if let (precision, peak) = try? part.peak(at: .bf16),
        let mfu = catalog.mfu.lookup(accelerator: part.id, precision: precision)
      {
        entry.trainingRate = peak * mfu.mfu
      }
      if let model {
        let service = InferenceService(
          model: model, accelerator: part, latency: Self.referenceLatency, rate: 1)
        if let estimate = try? service.estimate(
          power: nil, facility: Facility(name: "reference", pue: 1), unitPrice: nil)
        {
          entry.inferenceTokensPerSecond = estimate.tokensPerSecondPerAccelerator
          entry.inferencePrecision = estimate.precision
        }
      }
      raw[part.id] = entry
    }
    let reference = raw[Self.referenceAccelerator]
    for (id, var entry) in raw {
      if let rate = entry.trainingRate, let base = reference?.trainingRate, base.baseValue > 0 {
        entry.training = rate / base
      }
      if let tokens = entry.inferenceTokensPerSecond, let base = reference?.inferenceTokensPerSecond, base > 0 {
        entry.inference = tokens / base
      }
      raw[id] = entry
    }
    entries = raw
  }

  /// The entry for an accelerator id.
  public func entry(_ id: String) -> Entry? { entries[id] }
}

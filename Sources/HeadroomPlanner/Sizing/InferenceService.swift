import HeadroomModel

/// An inference service to size: a reference model served on one kind of accelerator at a demanded
/// output-token rate and a time-per-output-token (TPOT) target.
///
/// The roofline, per replica of k accelerators at batch B (all B sequences at the full context):
/// - a decode step reads the weights (for a mixture of experts, the experts its batch routes to:
///   min(N, B x N_active) parameters) plus B KV caches, and does 2 x N_active x B FLOP;
/// - step time = max(bytes / (k x bandwidth x bandwidth efficiency), FLOP / (k x peak x compute efficiency));
/// - B is the largest batch whose weights + KV fit k x memory x usable share and whose step time meets
///   the target; tokens/s per replica = B / step time;
/// - prefill takes 2 x N_active FLOP per prompt token at k x peak x compute efficiency.
///
/// Replica sizes are powers of two from the smallest that holds the weights and one sequence's KV
/// cache. Tensor parallelism stays inside one 8-accelerator server (``Assumptions/serverSize``) unless
/// the weights need more; among those sizes the one with the most tokens/s per accelerator wins. A size
/// beyond that is used only to meet the latency target, up to ``Assumptions/maxReplica``.
public struct InferenceService: Sendable, Hashable {
  /// Efficiencies and limits of the roofline: assumptions, stated in every report.
  public struct Assumptions: Sendable, Hashable {
    /// Share of peak memory bandwidth a decode step achieves (assumption: 0.8; well-tuned decode
    /// kernels reach 70-90 % of HBM bandwidth).
    public var bandwidthEfficiency: Double = 0.8
    /// Share of dense peak the matrix multiplies achieve in decode and prefill (assumption: 0.5).
    public var computeEfficiency: Double = 0.5
    /// Share of accelerator memory available to weights and KV cache (assumption: 0.9; the rest holds
    /// activations, the runtime and fragmentation).
    public var usableMemory: Double = 0.9
    /// Largest replica considered.
    public var maxReplica: Int = 64
    /// Largest tensor-parallel group used for throughput alone: one 8-accelerator server.
    public var serverSize: Int = 8
    /// Straight-line amortisation of accelerator capex (assumption: 5 years; hyperscalers depreciate
    /// servers over 5-6 years).
    public var lifetime: TimeSpan = TimeSpan(days: 5 * 365.25)

    public init() {}
  }

  public var model: ReferenceModel
  public var accelerator: Accelerator
  /// Serving precision of weights (and KV cache at 8 bits or more).
  public var precision: Precision
  /// Tokens per sequence the KV cache is sized and read at.
  public var context: Int
  /// Prompt tokens per request (0: decode only).
  public var promptTokens: Int
  /// Output tokens per request (used with ``promptTokens`` for the prefill share).
  public var outputTokens: Int
  /// Time-per-output-token target.
  public var latency: TimeSpan
  /// Demanded output tokens per second.
  public var rate: Double
  /// A forced replica size, or nil to choose one.
  public var replica: Int?
  public var assumptions: Assumptions

  public init(
    model: ReferenceModel, accelerator: Accelerator, precision: Precision? = nil, context: Int? = nil,
    promptTokens: Int = 0, outputTokens: Int? = nil, latency: TimeSpan = TimeSpan(seconds: 0.05),
    rate: Double, replica: Int? = nil, assumptions: Assumptions = .init()
  ) {
    self.model = model
    self.accelerator = accelerator
    self.precision = precision ?? accelerator.preferredServingPrecision
    self.context = context ?? model.context
    self.promptTokens = promptTokens
    self.outputTokens = outputTokens ?? max(1, (context ?? model.context) - promptTokens)
    self.latency = latency
    self.rate = rate
    self.replica = replica
    self.assumptions = assumptions
  }

  /// Weight bytes at the serving precision.
  public var weights: Bytes { model.weights(at: precision) }

  /// KV cache of one sequence at the full context.
  public var kvPerSequence: Bytes { model.kvCache(tokens: context, at: precision) }
}

import HeadroomModel

/// An inference service to size: a reference model served on one kind of accelerator at a demanded
/// output-token rate, for requests of a given shape (prompt and output tokens) under latency limits
/// (time to first token, time per output token).
///
/// The roofline, per replica of k accelerators at batch B:
/// - a decode step reads the weights (for a mixture of experts, the experts its batch routes to:
///   min(N, B x N_active) parameters) plus B KV caches at the mean decode position (prompt + output / 2;
///   the full context for a decode-only service), and does 2 x N_active x B FLOP; step time = max(bytes / (k x bandwidth x bandwidth efficiency),
///   FLOP / (k x peak x compute efficiency));
/// - prefill takes 2 x N_active FLOP per prompt token at k x peak x compute efficiency, interleaved with
///   decode: each cycle the replica prefills the B x prompt / output tokens of the requests that replace
///   the finished ones, so time per output token = step + that prefill time, and tokens/s = B / cycle;
/// - time to first token = the prompt's prefill on the replica plus the decode step it waits for;
/// - B is the largest batch whose KV caches (at the full context) fit k x memory x usable share and that
///   meets both latency limits.
///
/// Replica sizes are powers of two from the smallest that holds the weights and one sequence's KV
/// cache. Tensor parallelism stays inside one 8-accelerator server (``Assumptions/serverSize``) unless
/// the weights need more; among those sizes the one with the most tokens/s per accelerator wins. A size
/// beyond that is used only to meet the latency limits, up to ``Assumptions/maxReplica``.
public struct InferenceService: Sendable, Hashable {
  /// Efficiencies and limits of the roofline: stated in every report.
  public struct Assumptions: Sendable, Hashable {
    /// Share of peak memory bandwidth a decode step achieves (uncalibrated default 0.8).
    public var bandwidthEfficiency: Double = ServingEfficiency.uncalibrated.bandwidth
    /// Share of dense peak the matrix multiplies achieve in decode and prefill (uncalibrated default 0.5).
    public var computeEfficiency: Double = ServingEfficiency.uncalibrated.compute
    /// Where the two efficiencies come from.
    public var efficiencyBasis: ServingEfficiency.Basis = .assumption
    /// Where the bandwidth efficiency comes from.
    public var bandwidthBasis: ServingEfficiency.Basis = .assumption
    /// Share of accelerator memory available to weights and KV cache (assumption: 0.9; the rest holds
    /// activations, the runtime and fragmentation).
    public var usableMemory: Double = 0.9
    /// Largest replica considered.
    public var maxReplica: Int = 64
    /// Largest tensor-parallel group used for throughput alone: one 8-accelerator server.
    public var serverSize: Int = 8
    /// Straight-line amortisation of accelerator capex (assumption: 5 years; hyperscalers depreciate
    /// servers over 5-6 years).
    public var lifetime: TimeSpan = TimeSpan(years: 5)

    public init() {}

    /// The defaults with an accelerator's serving efficiency.
    public init(efficiency: ServingEfficiency) {
      bandwidthEfficiency = efficiency.bandwidth
      computeEfficiency = efficiency.compute
      efficiencyBasis = efficiency.basis
      bandwidthBasis = efficiency.bandwidthBasis
    }

    /// The two efficiencies and their bases.
    public var efficiency: ServingEfficiency {
      ServingEfficiency(
        bandwidth: bandwidthEfficiency, compute: computeEfficiency, basis: efficiencyBasis,
        bandwidthBasis: bandwidthBasis)
    }
  }

  public var model: ReferenceModel
  public var accelerator: Accelerator
  /// Serving precision of weights (and KV cache at 8 bits or more).
  public var precision: Precision
  /// Tokens per sequence the KV cache is reserved at (at least prompt + output).
  public var context: Int
  /// Prompt tokens per request (0: decode only).
  public var promptTokens: Int
  /// Output tokens per request.
  public var outputTokens: Int
  /// Time-per-output-token limit, or nil for none (an offline batch).
  public var timePerOutputToken: TimeSpan?
  /// Time-to-first-token limit, or nil for none.
  public var timeToFirstToken: TimeSpan?
  /// Demanded output tokens per second.
  public var rate: Double
  /// A forced replica size, or nil to choose one.
  public var replica: Int?
  public var assumptions: Assumptions
  /// The request profile the shape came from, for messages (`custom` when given field by field).
  public var profile: String

  /// A service with a time-per-output-token target and, optionally, a prompt to prefill (no
  /// time-to-first-token limit); without prompt tokens decode alone is sized and the output fills the
  /// context.
  public init(
    model: ReferenceModel, accelerator: Accelerator, precision: Precision? = nil, context: Int? = nil,
    promptTokens: Int = 0, outputTokens: Int? = nil, latency: TimeSpan? = TimeSpan(seconds: 0.05),
    rate: Double, replica: Int? = nil, assumptions: Assumptions = .init()
  ) {
    self.model = model
    self.accelerator = accelerator
    self.precision = precision ?? accelerator.preferredServingPrecision
    self.context = context ?? model.context
    self.promptTokens = promptTokens
    self.outputTokens = outputTokens ?? max(1, (context ?? model.context) - promptTokens)
    self.timePerOutputToken = latency
    self.timeToFirstToken = nil
    self.rate = rate
    self.replica = replica
    self.assumptions = assumptions
    self.profile = "custom"
  }

  /// A service for a request profile: its prompt and output tokens, latency limits and the first of
  /// its accepted precisions the part has a rate for (a given precision wins). The KV cache is reserved
  /// at prompt + output tokens unless a context is given.
  public init(
    model: ReferenceModel, accelerator: Accelerator, profile: InferenceProfile, precision: Precision? = nil,
    context: Int? = nil, rate: Double, replica: Int? = nil, assumptions: Assumptions = .init()
  ) {
    self.model = model
    self.accelerator = accelerator
    self.precision =
      precision ?? accelerator.servingPrecision(accepting: profile.precisions) ?? accelerator.preferredServingPrecision
    self.context = context ?? profile.context
    self.promptTokens = profile.promptTokens
    self.outputTokens = profile.outputTokens
    self.timePerOutputToken = profile.timePerOutputToken
    self.timeToFirstToken = profile.timeToFirstToken
    self.rate = rate
    self.replica = replica
    self.assumptions = assumptions
    self.profile = profile.id
  }

  /// Weight bytes at the serving precision.
  public var weights: Bytes { model.weights(at: precision) }

  /// KV cache reserved for one sequence at the full context.
  public var kvPerSequence: Bytes { model.kvCache(tokens: context, at: precision) }

  /// Tokens a decode step reads per sequence on average: the prompt plus half the output. A decode-only
  /// service (no prompt) keeps the conservative full-context read it has always had.
  public var meanDecodeTokens: Double {
    promptTokens == 0 ? Double(context) : Double(promptTokens) + Double(outputTokens) / 2
  }

  /// KV cache bytes one decode step reads per sequence (at ``meanDecodeTokens``).
  public var kvReadPerSequence: Bytes {
    model.kvCachePerToken(at: precision) * meanDecodeTokens
  }
}

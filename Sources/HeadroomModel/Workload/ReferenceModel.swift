/// A published language-model shape used to size training and inference: parameter counts,
/// transformer dimensions and the context Headroom sizes a request at.
///
/// Counts are plain numbers (`405e9` parameters), not quantities. For a mixture-of-experts model
/// ``activeParameters`` is the share one token runs through (37 B of DeepSeek-V3's 671 B); for a
/// dense model it equals ``parameters``.
///
/// For example:
/// ```swift
/// let model = try catalog.model("llama-3-70b")
/// model.weights(at: .fp8)                 // 70.6 GB
/// model.kvCachePerToken(at: .fp8)         // 164 kB (2 x 80 layers x 8 KV heads x 128 x 1 B)
/// ```
public struct ReferenceModel: Sendable, Hashable, Identifiable {
  /// How the model's attention caches keys and values, which sets the KV-cache size per token.
  public enum Attention: Sendable, Hashable {
    /// Multi-head, grouped-query or multi-query attention: a key and a value of `headDimension`
    /// elements per KV head per layer.
    case grouped(kvHeads: Int, headDimension: Int)
    /// Multi-head latent attention (DeepSeek-V2/V3): one compressed latent of `rank` elements plus a
    /// decoupled RoPE key of `ropeDimension` elements per layer, shared by all heads.
    case latent(rank: Int, ropeDimension: Int)

    /// Elements cached per token per layer.
    public var elementsPerTokenPerLayer: Int {
      switch self {
      case .grouped(let kvHeads, let headDimension): 2 * kvHeads * headDimension
      case .latent(let rank, let ropeDimension): rank + ropeDimension
      }
    }
  }

  /// The catalog id, e.g. `llama-3.1-405b`.
  public var id: String
  /// The published name, e.g. "Meta Llama 3.1 405B".
  public var name: String
  /// All parameters (the weights that must sit in memory).
  public var parameters: Double
  /// Parameters one token runs through (equal to ``parameters`` for a dense model).
  public var activeParameters: Double
  /// Transformer layers.
  public var layers: Int
  /// Model (residual stream) width.
  public var hiddenSize: Int
  /// Query heads.
  public var attentionHeads: Int
  /// Key-value heads (equal to ``attentionHeads`` for multi-head attention).
  public var kvHeads: Int
  /// Elements per head.
  public var headDimension: Int
  /// What the KV cache holds per token and layer.
  public var attention: Attention
  /// The context (tokens per sequence) Headroom sizes a request at unless told otherwise.
  public var context: Int
  /// The longest context the model supports, when published.
  public var maxContext: Int?
  /// Where each figure comes from.
  public var provenance: Provenance

  public init(
    id: String, name: String, parameters: Double, activeParameters: Double? = nil, layers: Int,
    hiddenSize: Int, attentionHeads: Int, kvHeads: Int, headDimension: Int,
    attention: Attention? = nil, context: Int, maxContext: Int? = nil,
    provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.parameters = parameters
    self.activeParameters = activeParameters ?? parameters
    self.layers = layers
    self.hiddenSize = hiddenSize
    self.attentionHeads = attentionHeads
    self.kvHeads = kvHeads
    self.headDimension = headDimension
    self.attention = attention ?? .grouped(kvHeads: kvHeads, headDimension: headDimension)
    self.context = context
    self.maxContext = maxContext
    self.provenance = provenance
  }

  /// Whether only part of the weights runs per token (a mixture of experts).
  public var isMixtureOfExperts: Bool { activeParameters < parameters }

  /// Memory the weights take at a precision (parameters x bytes per value).
  public func weights(at precision: Precision) -> Bytes {
    Bytes(baseValue: parameters * precision.bytesPerValue)
  }

  /// Elements of KV cache one token adds across all layers.
  public var kvElementsPerToken: Int { layers * attention.elementsPerTokenPerLayer }

  /// KV-cache bytes one token adds, at the KV precision that goes with a weight precision
  /// (see ``Precision/kvCachePrecision``).
  public func kvCachePerToken(at precision: Precision) -> Bytes {
    Bytes(baseValue: Double(kvElementsPerToken) * precision.kvCachePrecision.bytesPerValue)
  }

  /// KV-cache bytes of one sequence of `tokens` tokens.
  public func kvCache(tokens: Int, at precision: Precision) -> Bytes {
    kvCachePerToken(at: precision) * Double(tokens)
  }
}

extension Precision {
  /// The precision the KV cache is held in when the weights are in this one: the same for 8 bits and
  /// more, FP8 for 4- and 6-bit weights (serving stacks keep the cache at 8 bits at least).
  public var kvCachePrecision: Precision {
    bitLength >= 8 ? self : .fp8
  }
}

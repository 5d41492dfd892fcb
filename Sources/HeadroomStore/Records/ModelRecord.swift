import GRDB
import HeadroomModel

/// A row of `models`: a reference language-model shape used for sizing.
///
/// `attention` is `grouped` or `latent`; `kv_elements_per_token` the KV-cache elements one token adds
/// across all layers; contexts are in tokens.
public struct ModelRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
  public static let databaseTableName = "models"

  public var id: String
  public var name: String
  public var parameters: Double
  public var activeParameters: Double
  public var layers: Int
  public var hiddenSize: Int
  public var attentionHeads: Int
  public var kvHeads: Int
  public var headDimension: Int
  public var attention: String
  public var kvElementsPerToken: Int
  public var contextTokens: Int
  public var maxContextTokens: Int?
  public var file: String?

  enum CodingKeys: String, CodingKey {
    case id, name, parameters
    case activeParameters = "active_parameters"
    case layers
    case hiddenSize = "hidden_size"
    case attentionHeads = "attention_heads"
    case kvHeads = "kv_heads"
    case headDimension = "head_dimension"
    case attention
    case kvElementsPerToken = "kv_elements_per_token"
    case contextTokens = "context_tokens"
    case maxContextTokens = "max_context_tokens"
    case file
  }

  /// The table's columns.
  public enum Columns {
    public static let id = Column(CodingKeys.id)
    public static let parameters = Column(CodingKeys.parameters)
  }
}

extension ModelRecord {
  /// The row for a reference model.
  public init(_ model: ReferenceModel, file: String?) {
    let attention: String
    switch model.attention {
    case .grouped: attention = "grouped"
    case .latent: attention = "latent"
    }
    self.init(
      id: model.id, name: model.name, parameters: model.parameters,
      activeParameters: model.activeParameters, layers: model.layers, hiddenSize: model.hiddenSize,
      attentionHeads: model.attentionHeads, kvHeads: model.kvHeads, headDimension: model.headDimension,
      attention: attention, kvElementsPerToken: model.kvElementsPerToken, contextTokens: model.context,
      maxContextTokens: model.maxContext, file: file)
  }
}

import HeadroomModel
import Yams

extension ReferenceModel {
  static let yamlKeys = [
    "id", "name", "parameters", "active_parameters", "layers", "hidden_size", "attention_heads",
    "kv_heads", "head_dim", "kv_lora_rank", "rope_head_dim", "context", "max_context", "sources",
  ]

  /// Reads a reference model from `Scenarios/models/<id>.yaml` (see `Scenarios/models/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> ReferenceModel {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    guard let parameters = try item.number("parameters", in: 1e6...1e15, what: "a parameter count (e.g. 405e9)")
    else { throw item.error("parameters", nil, "missing field (a parameter count, e.g. 405e9)") }
    let active = try item.number("active_parameters", in: 1e6...1e15, what: "a parameter count (e.g. 37e9)")
    if let active, active > parameters {
      let node = item.node("active_parameters")
      throw item.error(
        "active_parameters", node, "active parameters cannot exceed all parameters (\(CountText.format(parameters)))")
    }
    func required(_ key: String, _ range: ClosedRange<Int>, _ what: String) throws(CatalogError) -> Int {
      guard let value = try item.int(key, in: range) else { throw item.error(key, nil, "missing field (\(what))") }
      return value
    }
    let layers = try required("layers", 1...10_000, "transformer layers, e.g. 80")
    let hidden = try required("hidden_size", 1...1_000_000, "model width, e.g. 8192")
    let heads = try required("attention_heads", 1...10_000, "query heads, e.g. 64")
    let kvHeads = try required("kv_heads", 1...10_000, "key-value heads, e.g. 8")
    let headDimension = try required("head_dim", 1...100_000, "elements per head, e.g. 128")
    if kvHeads > heads {
      let node = item.node("kv_heads")
      throw item.error("kv_heads", node, "expected at most attention_heads (\(heads)) KV heads")
    }
    let rank = try item.int("kv_lora_rank", in: 1...100_000)
    let rope = try item.int("rope_head_dim", in: 0...100_000)
    let attention: Attention
    switch (rank, rope) {
    case (nil, nil): attention = .grouped(kvHeads: kvHeads, headDimension: headDimension)
    case (let rank?, let rope?): attention = .latent(rank: rank, ropeDimension: rope)
    case (nil, _?): throw item.error("kv_lora_rank", nil, "latent attention needs both kv_lora_rank and rope_head_dim")
    case (_?, nil): throw item.error("rope_head_dim", nil, "latent attention needs both kv_lora_rank and rope_head_dim")
    }
    let context = try required("context", 1...100_000_000, "tokens per sequence to size at, e.g. 8192")
    let maxContext = try item.int("max_context", in: 1...100_000_000)
    if let maxContext, context > maxContext {
      let node = item.node("context")
      throw item.error("context", node, "expected at most max_context (\(maxContext)) tokens")
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return ReferenceModel(
      id: id, name: name, parameters: parameters, activeParameters: active, layers: layers,
      hiddenSize: hidden, attentionHeads: heads, kvHeads: kvHeads, headDimension: headDimension,
      attention: attention, context: context, maxContext: maxContext, provenance: provenance)
  }
}

import HeadroomModel
import Yams

extension InferenceProfiles {
  static let yamlKeys = ["default", "profiles", "sources"]
  static let profileKeys = [
    "name", "model", "prompt_tokens", "output_tokens", "time_to_first_token", "time_per_output_token", "precisions",
  ]

  /// Reads `Scenarios/inference-profiles.yaml`: profiles by id, the default id and the sources.
  static func read(_ node: Node, file: String) throws(CatalogError) -> InferenceProfiles {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    var profiles: [InferenceProfile] = []
    guard var block = try item.mapping("profiles") else {
      throw item.error("profiles", nil, "missing field: a mapping of profile ids to request shapes")
    }
    for id in block.keys {
      guard var entry = try block.mapping(id) else { continue }
      profiles.append(try Self.profile(id, &entry))
    }
    let defaultID = try item.optionalString("default")
    if let defaultID, !profiles.contains(where: { $0.id == defaultID }) {
      throw item.error(
        "default", item.node("default"),
        "unknown profile id" + NearestNames.suggestion(for: defaultID, among: profiles.map(\.id)))
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return InferenceProfiles(profiles, defaultID: defaultID, provenance: provenance)
  }

  static func profile(_ id: String, _ entry: inout YAMLMapping) throws(CatalogError) -> InferenceProfile {
    let name = try entry.string("name")
    let model = try entry.optionalString("model")
    guard let prompt = try entry.int("prompt_tokens", in: 0...10_000_000) else {
      throw entry.error("prompt_tokens", nil, "missing field (mean prompt tokens per request, e.g. 1155)")
    }
    guard let output = try entry.int("output_tokens", in: 1...10_000_000) else {
      throw entry.error("output_tokens", nil, "missing field (mean output tokens per request, e.g. 211)")
    }
    let ttft = try entry.quantity("time_to_first_token", TimeSpan.self)
    let tpot = try entry.quantity("time_per_output_token", TimeSpan.self)
    var precisions: [Precision] = []
    if let names = try entry.strings("precisions") {
      for name in names {
        guard let precision = Precision(rawValue: name) else {
          throw entry.error(
            "precisions", entry.node("precisions"),
            "unknown precision '\(name)'; expected some of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))"
          )
        }
        precisions.append(precision)
      }
    }
    if precisions.isEmpty { precisions = [.fp8, .bf16, .fp16] }
    try entry.rejectUnknownKeys(allowed: profileKeys)
    return InferenceProfile(
      id: id, name: name, promptTokens: prompt, outputTokens: output, timeToFirstToken: ttft,
      timePerOutputToken: tpot, precisions: precisions, model: model)
  }
}

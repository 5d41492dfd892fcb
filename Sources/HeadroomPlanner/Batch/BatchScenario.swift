/// A scenario of a batch as the command line named it, with the hash of its file.
public struct BatchScenario: Sendable, Hashable, Codable {
  /// The id or path as given (`china-h200`, `studies/high-growth.yaml`).
  public var reference: String
  /// Hash of the scenario file's bytes, when known (shards of a batch whose files changed refuse to merge).
  public var fileHash: String?

  public init(reference: String, fileHash: String?) {
    self.reference = reference
    self.fileHash = fileHash
  }
}

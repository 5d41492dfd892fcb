/// The two kinds of work the walls model serves.
public enum Workload: String, Sendable, Hashable, CaseIterable, Codable {
  /// Training compute.
  case training
  /// Inference (serving a reference model).
  case inference
}

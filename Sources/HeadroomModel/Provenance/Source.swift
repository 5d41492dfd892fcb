/// Where a figure in a data file comes from: a reference, the fields it supports, and how sure it is.
public struct Source: Sendable, Hashable, Codable {
  /// How directly a source supports its figures.
  public enum Confidence: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// The vendor's, agency's or author's own text.
    case primary
    /// A curated dataset, the press or a third party quoting figures.
    case secondary
    /// Derived, recalled or uncertain.
    case estimate

    public static func < (lhs: Confidence, rhs: Confidence) -> Bool {
      allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
  }

  /// The reference's address.
  public var url: String
  /// Dotted field paths the reference supports, e.g. `compute.bf16`, `tdp`.
  public var supports: [String]
  /// How directly it supports them.
  public var confidence: Confidence
  /// A remark, e.g. "datasheet figure is sparse; halved".
  public var note: String?

  public init(url: String, supports: [String], confidence: Confidence, note: String? = nil) {
    self.url = url
    self.supports = supports
    self.confidence = confidence
    self.note = note
  }
}

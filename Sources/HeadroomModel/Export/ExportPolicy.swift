/// What a rule set says about shipping a class of item to a destination.
public struct ExportPolicy: Sendable, Hashable {
  /// The licensing outcome.
  public enum Decision: String, Sendable, Hashable, CaseIterable, Codable {
    /// No licence needed.
    case allowed
    /// A licence is needed and may be granted (possibly with a quota or fee).
    case licensed
    /// A licence is needed and the review policy is a presumption of denial.
    case denied
  }

  /// A cumulative cap on what a destination may receive, in TPP, over a span of years.
  public struct Cap: Sendable, Hashable {
    /// The cap in TPP units (H100 ≈ 15,832 each).
    public var tpp: Double
    public var fromYear: Int
    public var toYear: Int

    public init(tpp: Double, fromYear: Int, toYear: Int) {
      self.tpp = tpp
      self.fromYear = fromYear
      self.toYear = toYear
    }

    /// The cap in H100-equivalents (TPP / 15,832).
    public var h100Equivalents: Double { tpp / 15_832 }
  }

  public var decision: Decision
  /// The review standard in words, e.g. "case-by-case".
  public var review: String?
  /// A share of the sale price paid to the US government or as a tariff, 0…1.
  public var fee: Double?
  /// A quota, when the rule caps volumes.
  public var cap: Cap?

  public init(decision: Decision, review: String? = nil, fee: Double? = nil, cap: Cap? = nil) {
    self.decision = decision
    self.review = review
    self.fee = fee
    self.cap = cap
  }
}

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
    public var h100Equivalents: Double { tpp / TotalProcessingPerformance.h100 }
  }

  /// A cap on shipments of a part to the destination as a share of the same part's shipments to a
  /// reference market, e.g. the Jan 2026 rule's certification that shipments to China and Macau are
  /// at most 50 % of those to customers for end use in the United States.
  public struct VolumeCap: Sendable, Hashable {
    /// The largest ratio of shipments to the destination over shipments to the reference market, 0…∞.
    public var share: Double
    /// ISO code of the reference market, e.g. `US`.
    public var reference: String
    /// Destinations whose shipments count together against the cap, e.g. `CN`, `MO`; empty means the
    /// destination alone.
    public var pooled: [String]
    /// What is counted, in the rule's words (e.g. "units of the same product").
    public var basis: String?

    public init(share: Double, reference: String, pooled: [String] = [], basis: String? = nil) {
      self.share = share
      self.reference = reference
      self.pooled = pooled
      self.basis = basis
    }

    /// The most units the destinations (pooled) may receive when `referenceUnits` go to the reference
    /// market in the same period.
    public func bound(referenceUnits: Double) -> Double { share * referenceUnits }
  }

  /// A fee that applies only to items within its own thresholds, e.g. the Jan 2026 Section 232 tariff
  /// on chips in the H200 and MI325X bands.
  public struct Fee: Sendable, Hashable {
    /// How the source names it.
    public var name: String
    /// Share of the sale price, 0…1.
    public var rate: Double
    /// The band: the item must meet every threshold.
    public var criteria: ItemCriteria

    public init(name: String, rate: Double, criteria: ItemCriteria) {
      self.name = name
      self.rate = rate
      self.criteria = criteria
    }
  }

  public var decision: Decision
  /// The review standard in words, e.g. "case-by-case".
  public var review: String?
  /// A share of the sale price paid to the US government or as a tariff on every covered item, 0…1.
  /// In a policy returned for an item, it also includes the banded ``fees`` the item falls in.
  public var fee: Double?
  /// Fees that apply only to items in their band.
  public var fees: [Fee]
  /// A cumulative quota, when the rule caps volumes in TPP.
  public var cap: Cap?
  /// A cap relative to another market's volume.
  public var volumeCap: VolumeCap?

  public init(
    decision: Decision, review: String? = nil, fee: Double? = nil, fees: [Fee] = [], cap: Cap? = nil,
    volumeCap: VolumeCap? = nil
  ) {
    self.decision = decision
    self.review = review
    self.fee = fee
    self.fees = fees
    self.cap = cap
    self.volumeCap = volumeCap
  }

  /// The banded fees an item falls in.
  public func fees(for item: ExportItem) -> [Fee] {
    fees.filter { $0.criteria.evaluate(item) == .holds }
  }

  /// The policy as it applies to one item: ``fee`` becomes the flat fee plus the banded fees the item
  /// falls in (nil when neither applies), and ``fees`` keeps only those bands.
  public func applied(to item: ExportItem) -> ExportPolicy {
    var result = self
    let bands = fees(for: item)
    result.fees = bands
    if fee != nil || !bands.isEmpty {
      result.fee = (fee ?? 0) + bands.map(\.rate).reduce(0, +)
    }
    return result
  }
}

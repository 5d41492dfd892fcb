/// On what terms a destination can obtain a part under one rule set: the access decision, the route
/// it takes, the fee, the supply caps and the advisories a user should see.
///
/// Computed by ``ExportRuleSet/terms(for:to:)`` from the part's figures and origin and the rule data;
/// never typed in. For example, under the Jan 2026 rule an H200 SXM into China is `licensed` by the
/// `export` route (from the United States, after US testing) with a 25 % fee (the H200 tariff band)
/// and a cap of 50 % of the H200s shipped to US customers, while its `reexport` (straight from Taiwan)
/// stays `denied`; an Ascend 910C into China is `domestic`.
public struct ExportTerms: Sendable, Hashable {
  /// The outcome for the destination.
  public enum Access: String, Sendable, Hashable, CaseIterable, Codable {
    /// The part's designer is in the destination country: not an export at all.
    case domestic
    /// No licence needed (no rule covers the shipment).
    case allowed
    /// A licence is needed and may be granted, on the fee and caps given.
    case licensed
    /// A licence is needed and the review policy is a presumption of denial.
    case denied

    /// Ordering used to pick the best route: domestic, allowed, licensed, denied.
    var rank: Int { Self.allCases.firstIndex(of: self)! }

    init(_ decision: ExportPolicy.Decision) {
      switch decision {
      case .allowed: self = .allowed
      case .licensed: self = .licensed
      case .denied: self = .denied
      }
    }
  }

  /// A limit on how much of the part the destination may get, in the form the walls need.
  public enum SupplyCap: Sendable, Hashable {
    /// A cumulative quota in TPP over a span of years, shared by every licensed part (AI Diffusion).
    case cumulative(ExportPolicy.Cap)
    /// At most `share` × the units of the same part shipped to the reference market (Jan 2026: 50 % of
    /// US shipments, China and Macau pooled).
    case shareOfShipments(ExportPolicy.VolumeCap)
  }

  /// One route considered, with its outcome.
  public struct RouteTerms: Sendable, Hashable {
    public var route: ExportRoute
    public var access: Access
    /// The destination rule that decided, nil when none covers the route.
    public var rule: String?
    public var review: String?

    public init(route: ExportRoute, access: Access, rule: String?, review: String?) {
      self.route = route
      self.access = access
      self.rule = rule
      self.review = review
    }
  }

  /// The part's id (or description).
  public var part: String
  /// The destination's ISO code.
  public var destination: String
  /// The rule set applied.
  public var ruleSet: String
  /// The part's class under that rule set.
  public var classification: ExportClassification
  /// The best outcome over the routes considered.
  public var access: Access
  /// The route that gives ``access``; nil for a domestic part.
  public var route: ExportRoute?
  /// The destination rule that decided, nil when none applies.
  public var rule: String?
  /// The review standard in words.
  public var review: String?
  /// Share of the sale price paid as a fee or tariff on this route, 0…1; nil when none.
  public var fee: Double?
  /// Names of the fee bands the part falls in (e.g. "Section 232 tariff, H200 band").
  public var feeBands: [String]
  /// Caps on the destination's supply of the part, when ``access`` is `licensed`.
  public var caps: [SupplyCap]
  /// Every route considered (export and re-export for a US-designed part), best first.
  public var routes: [RouteTerms]
  /// Guidance the user should see (e.g. BIS's May 2025 guidance on Ascend parts), with sources.
  public var advisories: [ExportAdvisory]

  public init(
    part: String, destination: String, ruleSet: String, classification: ExportClassification, access: Access,
    route: ExportRoute?, rule: String? = nil, review: String? = nil, fee: Double? = nil, feeBands: [String] = [],
    caps: [SupplyCap] = [], routes: [RouteTerms] = [], advisories: [ExportAdvisory] = []
  ) {
    self.part = part
    self.destination = destination
    self.ruleSet = ruleSet
    self.classification = classification
    self.access = access
    self.route = route
    self.rule = rule
    self.review = review
    self.fee = fee
    self.feeBands = feeBands
    self.caps = caps
    self.routes = routes
    self.advisories = advisories
  }

  /// Whether the shipment is a US export or re-export at all (false for domestic and foreign-designed parts).
  public var isUSShipment: Bool { route == .export || route == .reexport }

  /// The cap relative to another market's shipments, if any.
  public var volumeCap: ExportPolicy.VolumeCap? {
    for cap in caps { if case .shareOfShipments(let volume) = cap { return volume } }
    return nil
  }

  /// The cumulative TPP quota, if any.
  public var cumulativeCap: ExportPolicy.Cap? {
    for cap in caps { if case .cumulative(let quota) = cap { return quota } }
    return nil
  }
}

/// A set of export rules in force from a date: control clauses, exclusions and destination policies.
///
/// A rule set may extend another (`parent`): it inherits the parent's clauses and exclusions unless it
/// states its own, and its destination rules are consulted before the parent's. Use
/// ``ExportRules/resolved(_:)`` to get the flattened set.
public struct ExportRuleSet: Sendable, Hashable, Identifiable {
  /// The file id, e.g. `jan-2026`.
  public var id: String
  /// The rule's title.
  public var name: String
  /// Federal Register or other citation, e.g. "88 FR 73458".
  public var citation: String?
  /// The day the rule took effect.
  public var effective: Day
  /// The day it stopped applying (rescinded or superseded by law), if any.
  public var rescinded: Day?
  /// False for rules that were never enforced (kept as counterfactuals, chosen only by id).
  public var enforced: Bool
  /// The id of the rule set this one amends.
  public var parent: String?
  /// Control clauses in order; the first that an item meets classifies it.
  public var clauses: [ControlClause]?
  /// Exclusions checked before the clauses.
  public var exclusions: [Exclusion]?
  /// Destination rules in order; the first whose destinations and lines match decides.
  public var destinations: [DestinationRule]
  /// Guidance shown beside a classification; inherited from the parents (the parent's first).
  public var advisories: [ExportAdvisory]
  /// Where the rule's figures come from.
  public var provenance: Provenance

  public init(
    id: String, name: String, citation: String? = nil, effective: Day, rescinded: Day? = nil,
    enforced: Bool = true, parent: String? = nil, clauses: [ControlClause]? = nil,
    exclusions: [Exclusion]? = nil, destinations: [DestinationRule] = [],
    advisories: [ExportAdvisory] = [], provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.citation = citation
    self.effective = effective
    self.rescinded = rescinded
    self.enforced = enforced
    self.parent = parent
    self.clauses = clauses
    self.exclusions = exclusions
    self.destinations = destinations
    self.advisories = advisories
    self.provenance = provenance
  }

  /// Whether the rule applied on a day (enforced, effective, not yet rescinded).
  public func isInForce(on day: Day) -> Bool {
    enforced && effective <= day && (rescinded.map { day < $0 } ?? true)
  }
}

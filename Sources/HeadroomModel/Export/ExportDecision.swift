/// Whether a destination may obtain an accelerator on a day, and why: the one place the model decides
/// (the walls model and the site planner both ask it).
///
/// The rules are US export controls: a part designed in the destination is domestic supply, a part
/// designed outside the US is not a US export, a US part shipped within the US is not an export, and
/// any other case follows the rule set in force (classification, then the destination's policy).
public struct ExportDecision: Sendable, Hashable {
  /// Why the decision is what it is.
  public enum Basis: Sendable, Hashable {
    /// The part is designed in the destination.
    case domestic
    /// The part is designed outside the controlling country (not one of its exports).
    case notControlled(origin: String)
    /// The destination is the controlling country itself.
    case home
    /// A rule set decided (its id, and the destination rule that applied, if one did).
    case rules(set: String, rule: String?)
    /// No rule set was in force on the day.
    case noRules
  }

  /// The country whose export rules the catalog holds.
  public static let controllingCountry = "US"

  public var decision: ExportPolicy.Decision
  /// Share of the price paid as a fee (licensed decisions only), 0…1.
  public var fee: Double
  /// A quota on the destination's purchases, when the rule sets one.
  public var cap: ExportPolicy.Cap?
  public var basis: Basis

  public init(decision: ExportPolicy.Decision, fee: Double = 0, cap: ExportPolicy.Cap? = nil, basis: Basis) {
    self.decision = decision
    self.fee = fee
    self.cap = cap
    self.basis = basis
  }

  /// The decision in words, e.g. "licensed under jan-2026 (China window), fee 25 %".
  public var summary: String {
    switch basis {
    case .domestic: return "allowed (domestic part)"
    case .notControlled(let origin): return "allowed (\(origin)-origin, not a US export)"
    case .home: return "allowed (US destination)"
    case .noRules: return "allowed (no export rule set in force)"
    case .rules(let set, let rule):
      var text = "\(decision.rawValue) under \(set)" + (rule.map { " (\($0))" } ?? "")
      if fee > 0 { text += ", fee \(NumberText.plain(fee * 100, 3)) %" }
      return text
    }
  }
}

extension Catalog {
  /// The rule set a scenario applies in a year: the one in force on ``Scenario/ruleDay(in:)``, or its
  /// fixed rule set.
  public func ruleSet(for rules: Scenario.Rules, in year: Int) throws(CatalogError) -> ExportRuleSet {
    switch rules {
    case .inForce: return try ruleSet(inForceOn: Scenario.ruleDay(in: year))
    case .fixed(let id): return try ruleSet(id)
    }
  }

  /// The export decision for shipping `part` to `country` under a resolved rule set (nil: none in force).
  public func exportDecision(for part: Accelerator, to country: Country, under rules: ExportRuleSet?) -> ExportDecision
  {
    if part.origin == country.id { return ExportDecision(decision: .allowed, basis: .domestic) }
    if part.origin != ExportDecision.controllingCountry {
      return ExportDecision(decision: .allowed, basis: .notControlled(origin: part.origin))
    }
    if country.id == ExportDecision.controllingCountry { return ExportDecision(decision: .allowed, basis: .home) }
    guard let rules else { return ExportDecision(decision: .allowed, basis: .noRules) }
    let item = ExportItem(part)
    let (policy, rule) = rules.policy(for: item, classifiedAs: rules.classify(item).eccn, to: country.destination)
    return ExportDecision(
      decision: policy.decision, fee: policy.decision == .licensed ? policy.fee ?? 0 : 0, cap: policy.cap,
      basis: .rules(set: rules.id, rule: rule))
  }
}

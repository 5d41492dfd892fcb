/// The computed export classification of an item under one rule set.
public struct ExportClassification: Sendable, Hashable {
  /// The item's TPP and the precision that sets it.
  public var tpp: TotalProcessingPerformance
  /// Performance density, nil without a die area.
  public var performanceDensity: Double?
  /// `3A090.a`, `3A090.b` or `none`.
  public var eccn: String
  /// The paragraph that applies (`a.1`, `a.2`, `b.1`, `b.2`), the exclusion's name, or nil.
  public var clause: String?
  /// The rule set used.
  public var rules: String
  /// Clauses that could not be tested for lack of a figure, with what is missing.
  public var undetermined: [String]

  public init(
    tpp: TotalProcessingPerformance, performanceDensity: Double?, eccn: String, clause: String?,
    rules: String, undetermined: [String] = []
  ) {
    self.tpp = tpp
    self.performanceDensity = performanceDensity
    self.eccn = eccn
    self.clause = clause
    self.rules = rules
    self.undetermined = undetermined
  }

  /// The class given to items no clause controls.
  public static let uncontrolled = "none"
}

extension ExportRuleSet {
  /// Classifies an item: exclusions first, then the clauses in order.
  ///
  /// - Precondition: the rule set is resolved (its clauses are present).
  public func classify(_ item: ExportItem) -> ExportClassification {
    var result = ExportClassification(
      tpp: item.tpp, performanceDensity: item.performanceDensity,
      eccn: ExportClassification.uncontrolled, clause: nil, rules: id)
    for exclusion in exclusions ?? [] where exclusion.criteria.evaluate(item) == .holds {
      result.clause = exclusion.name
      return result
    }
    for clause in clauses ?? [] {
      switch clause.criteria.evaluate(item) {
      case .holds:
        result.eccn = clause.eccn
        result.clause = clause.clause
        return result
      case .fails: continue
      case .unknown(let missing): result.undetermined.append("\(clause.clause): \(missing)")
      }
    }
    return result
  }

  /// The policy for shipping an item of a class to a destination by a route; `allowed` when no rule
  /// covers it. The policy's ``ExportPolicy/fee`` is the one that applies to this item (flat fee plus
  /// the bands it falls in).
  public func policy(
    for item: ExportItem, classifiedAs eccn: String, to destination: Destination, route: ExportRoute = .export
  ) -> (policy: ExportPolicy, rule: String?) {
    for rule in destinations where rule.matches(destination) {
      if let line = rule.lines.first(where: { $0.covers(item, eccn: eccn, route: route) }) {
        return (line.policy.applied(to: item), rule.name)
      }
    }
    return (ExportPolicy(decision: .allowed), nil)
  }

  /// The advisories that concern an item of a class.
  public func advisories(for item: ExportItem, eccn: String) -> [ExportAdvisory] {
    advisories.filter { $0.applies(to: item, eccn: eccn) }
  }
}

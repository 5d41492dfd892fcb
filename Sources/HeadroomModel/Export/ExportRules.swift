/// Every export rule set in the catalog, with lookup by id or by date.
public struct ExportRules: Sendable, Hashable {
  /// The rule sets, in file order.
  public var all: [ExportRuleSet]

  public init(_ all: [ExportRuleSet]) { self.all = all }

  /// A rule set by id, unresolved.
  public subscript(id: String) -> ExportRuleSet? { all.first { $0.id == id } }

  /// The enforced rule set in force on a day: the latest effective one not rescinded by then.
  public func inForce(on day: Day) -> ExportRuleSet? {
    all.filter { $0.isInForce(on: day) }.max { $0.effective < $1.effective }
  }

  /// A rule set with its ancestors folded in: clauses and exclusions from the nearest set that states
  /// them, destination rules child-first, advisories oldest first. Returns nil for an unknown id or a cycle.
  public func resolved(_ id: String) -> ExportRuleSet? {
    guard var result = self[id] else { return nil }
    var seen: Set<String> = [id]
    var parentID = result.parent
    while let current = parentID {
      guard !seen.contains(current), let parent = self[current] else { return nil }
      seen.insert(current)
      if result.clauses == nil { result.clauses = parent.clauses }
      if result.exclusions == nil { result.exclusions = parent.exclusions }
      result.destinations += parent.destinations
      result.advisories = parent.advisories + result.advisories
      parentID = parent.parent
    }
    return result
  }
}

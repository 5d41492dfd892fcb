/// One clause of an export control entry: an ECCN paragraph and the thresholds that put an item in it.
public struct ControlClause: Sendable, Hashable {
  /// The control class the clause gives, e.g. `3A090.a`.
  public var eccn: String
  /// The paragraph, e.g. `a.2`.
  public var clause: String
  /// The thresholds.
  public var criteria: ItemCriteria

  public init(eccn: String, clause: String, criteria: ItemCriteria) {
    self.eccn = eccn
    self.clause = clause
    self.criteria = criteria
  }
}

extension LinearProgram {
  /// How the left-hand side of a constraint compares with its right-hand side.
  public enum Relation: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// `terms <= rhs`.
    case lessOrEqual
    /// `terms >= rhs`.
    case greaterOrEqual
    /// `terms == rhs`.
    case equal

    /// The usual symbol: `<=`, `>=` or `=`.
    public var symbol: String {
      switch self {
      case .lessOrEqual: "<="
      case .greaterOrEqual: ">="
      case .equal: "="
      }
    }

    /// The row bounds `(lower, upper)` that state this relation with right-hand side `rhs`.
    public func bounds(rhs: Double) -> (lower: Double, upper: Double) {
      switch self {
      case .lessOrEqual: (-.infinity, rhs)
      case .greaterOrEqual: (rhs, .infinity)
      case .equal: (rhs, rhs)
      }
    }

    public var description: String { symbol }
  }
}

/// Why a solver stopped.
public enum TerminationStatus: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
  /// An optimal solution was found (within the solver's tolerances and, for MIPs, its gap).
  case optimal
  /// No point satisfies the constraints. With soft constraints this means a hard constraint
  /// (or a bound) cannot be met.
  case infeasible
  /// The objective can improve without limit.
  case unbounded
  /// The time limit was reached. A solution may still be present: see
  /// ``Solution/hasPrimalSolution``, ``Solution/bestBound`` and ``Solution/gap``.
  case timeLimit
  /// The solver failed or stopped for another reason; ``Solution/message`` says which.
  case error

  public var description: String {
    switch self {
    case .optimal: "optimal"
    case .infeasible: "infeasible"
    case .unbounded: "unbounded"
    case .timeLimit: "time limit"
    case .error: "error"
    }
  }
}

/// A failed lookup in a ``Solution``: each case names what was asked for and why it is missing.
public enum SolutionError: Error, Hashable, Sendable, CustomStringConvertible {
  /// No variable of the program has this name.
  case unknownVariable(String, program: String)
  /// No constraint of the program has this name.
  case unknownConstraint(String, program: String)
  /// The solver returned no primal values (for the status given).
  case noPrimalSolution(program: String, status: TerminationStatus)
  /// The solver returned no duals or reduced costs: a MIP, or a solve that did not reach an optimum.
  case noDuals(program: String, status: TerminationStatus)

  public var description: String {
    switch self {
    case .unknownVariable(let name, let program):
      "program '\(program)' has no variable named '\(name)'"
    case .unknownConstraint(let name, let program):
      "program '\(program)' has no constraint named '\(name)'"
    case .noPrimalSolution(let program, let status):
      "the solve of '\(program)' ended with status '\(status)' and has no primal values"
    case .noDuals(let program, let status):
      "the solve of '\(program)' (status '\(status)') has no duals: MIP solves and unfinished solves report none"
    }
  }
}

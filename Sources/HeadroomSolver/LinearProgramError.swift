/// A reason why a ``LinearProgram`` cannot be solved or written: each case names the variable or
/// constraint at fault and the value found.
public enum LinearProgramError: Error, Hashable, Sendable, CustomStringConvertible {
  /// Two variables share a name; the indices are the first and the second holder.
  case duplicateVariableName(String, first: Int, second: Int)
  /// Two constraints share a name; the indices are the first and the second holder.
  case duplicateConstraintName(String, first: Int, second: Int)
  /// A variable's bounds are NaN, empty (lower above upper) or unreachable (lower = +∞, upper = -∞).
  case invalidVariableBounds(variable: String, lower: Double, upper: Double)
  /// A constraint's bounds are NaN, empty, unreachable, or both infinite.
  case invalidConstraintBounds(constraint: String, lower: Double, upper: Double)
  /// A coefficient of the constraint matrix is NaN or infinite.
  case nonFiniteCoefficient(constraint: String, variable: String, value: Double)
  /// An objective coefficient, or the objective offset, is NaN or infinite.
  case nonFiniteObjective(variable: String, value: Double)
  /// The penalty of a soft constraint is not a positive finite number.
  case invalidPenalty(constraint: String, value: Double)
  /// The program has more rows, columns or coefficients than the solvers' 32-bit indices allow.
  case tooLarge(what: String, count: Int)

  public var description: String {
    switch self {
    case .duplicateVariableName(let name, let first, let second):
      "variables #\(first) and #\(second) are both named '\(name)': variable names must be unique"
    case .duplicateConstraintName(let name, let first, let second):
      "constraints #\(first) and #\(second) are both named '\(name)': constraint names must be unique"
    case .invalidVariableBounds(let variable, let lower, let upper):
      "\(variable) has bounds [\(lower), \(upper)]: expected lower <= upper, lower < +inf and upper > -inf"
    case .invalidConstraintBounds(let constraint, let lower, let upper):
      "\(constraint) has bounds [\(lower), \(upper)]: expected lower <= upper with at least one finite bound"
    case .nonFiniteCoefficient(let constraint, let variable, let value):
      "\(constraint) has coefficient \(value) for \(variable): expected a finite number"
    case .nonFiniteObjective(let variable, let value):
      "\(variable) has objective coefficient \(value): expected a finite number"
    case .invalidPenalty(let constraint, let value):
      "soft \(constraint) has penalty \(value): expected a positive finite number"
    case .tooLarge(let what, let count):
      "the program has \(count) \(what): at most \(Int32.max) are supported"
    }
  }
}

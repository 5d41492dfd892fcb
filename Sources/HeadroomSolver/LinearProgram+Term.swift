extension LinearProgram {
  /// One term `coefficient × variable` of a linear expression.
  ///
  /// Write terms with the `*` operator, for example `[3 * x, 2 * y]` for `3x + 2y`.
  public struct Term: Hashable, Sendable, CustomStringConvertible {
    /// The variable's coefficient.
    public var coefficient: Double
    /// The variable.
    public var variable: Variable

    /// Creates the term `coefficient × variable`.
    public init(_ variable: Variable, coefficient: Double = 1) {
      self.coefficient = coefficient
      self.variable = variable
    }

    public var description: String { "\(coefficient) × \(variable)" }
  }
}

extension Variable {
  /// The term `coefficient × variable`, as in `3 * x`.
  public static func * (coefficient: Double, variable: Variable) -> LinearProgram.Term {
    LinearProgram.Term(variable, coefficient: coefficient)
  }

  /// The term `-1 × variable`, as in `-x`.
  public static prefix func - (variable: Variable) -> LinearProgram.Term {
    LinearProgram.Term(variable, coefficient: -1)
  }
}

/// A handle to one variable (a column) of a ``LinearProgram``.
///
/// Handles are plain indices: cheap to store and compare, and valid only for the program that
/// returned them (and for copies of it). ``LinearProgram/addVariable(_:lowerBound:upperBound:objective:isInteger:)``
/// numbers variables 0, 1, 2, … in the order they are added; the slack variables of soft
/// constraints take numbers in the same sequence.
public struct Variable: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The column index of the variable in its program, from 0.
  public let index: Int

  /// Creates a handle to the variable at `index`.
  public init(index: Int) {
    self.index = index
  }

  public static func < (lhs: Variable, rhs: Variable) -> Bool {
    lhs.index < rhs.index
  }

  public var description: String { "variable \(index)" }
}

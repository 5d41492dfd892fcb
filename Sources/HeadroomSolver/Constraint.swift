/// A handle to one linear constraint (a row) of a ``LinearProgram``.
///
/// Handles are plain indices, valid only for the program that returned them (and for copies of
/// it). Constraints are numbered 0, 1, 2, … in the order they are added.
public struct Constraint: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The row index of the constraint in its program, from 0.
  public let index: Int

  /// Creates a handle to the constraint at `index`.
  public init(index: Int) {
    self.index = index
  }

  public static func < (lhs: Constraint, rhs: Constraint) -> Bool {
    lhs.index < rhs.index
  }

  public var description: String { "constraint \(index)" }
}

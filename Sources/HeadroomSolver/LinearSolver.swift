/// Something that solves ``LinearProgram``s: the live COIN-OR solver, or ``FakeSolver`` in tests.
///
/// Implementations must be safe to call from many tasks at once; a solver whose library is not
/// thread-safe serialises its own calls.
public protocol LinearSolver: Sendable {
  /// Solves the program.
  ///
  /// Infeasible, unbounded and interrupted solves are not errors: they come back as a
  /// ``Solution`` with that ``Solution/status``.
  ///
  /// - Throws: ``LinearProgramError`` if the program is malformed (see
  ///   ``LinearProgram/validate()``).
  func solve(_ program: LinearProgram, options: SolveOptions) throws -> Solution
}

extension LinearSolver {
  /// Solves the program with the default options.
  public func solve(_ program: LinearProgram) throws -> Solution {
    try solve(program, options: .default)
  }
}

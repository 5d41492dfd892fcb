import Foundation

/// Counts the solver calls in progress, and the most seen at once, for one C library.
///
/// Tests read ``peak`` to check that CLP solves overlap (they may run in parallel) and that CBC
/// solves never do (the ``CBCLock`` works). The cost is one uncontended lock per solve.
final class SolverActivity: @unchecked Sendable {
  /// Calls to `Clp_initialSolve`.
  static let clp = SolverActivity()
  /// Calls to `Cbc_solve`.
  static let cbc = SolverActivity()

  private let lock = NSLock()
  private var current = 0
  private var highest = 0
  private var total = 0

  /// Runs `body`, counted as one call in progress.
  func run<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock.withLock {
      current += 1
      total += 1
      highest = max(highest, current)
    }
    defer { lock.withLock { current -= 1 } }
    return try body()
  }

  /// The most calls seen in progress at once.
  var peak: Int { lock.withLock { highest } }

  /// The number of calls made.
  var count: Int { lock.withLock { total } }
}

import Foundation

/// A ``LinearSolver`` for tests: it records the programs it is given and answers with a
/// response fixed in advance, so model-building code can be tested without a real solver.
///
/// For example:
///
/// ```swift
/// let solver = FakeSolver(.optimal(objective: 3.3, values: ["x": 1]))
/// let solution = try solver.solve(program)
/// #expect(solution.value(of: x) == 1)
/// #expect(solver.solvedPrograms.first?.numberOfConstraints == program.numberOfConstraints)
/// ```
///
/// Like the real solvers, it validates each program first and throws its
/// ``LinearProgramError``.
public struct FakeSolver: LinearSolver {
  /// How the fake answers.
  public enum Response: Sendable {
    /// An optimal solution with this objective, these variable values by name (others 0) and
    /// these duals by constraint name (others 0).
    case optimal(objective: Double, values: [String: Double] = [:], duals: [String: Double] = [:])
    /// A solution with this status and no values.
    case status(TerminationStatus, message: String? = nil)
    /// Whatever the closure returns for the program.
    case custom(@Sendable (LinearProgram) throws -> Solution)
  }

  /// The fixed response.
  public let response: Response
  private let recorder = Recorder()

  /// Creates a fake that gives `response` to every solve.
  public init(_ response: Response = .optimal(objective: 0)) {
    self.response = response
  }

  /// The programs solved so far, oldest first.
  public var solvedPrograms: [LinearProgram] { recorder.programs }

  /// The options of each solve so far, oldest first.
  public var solveOptions: [SolveOptions] { recorder.options }

  public func solve(_ program: LinearProgram, options: SolveOptions) throws -> Solution {
    try program.validate()
    recorder.record(program, options)
    switch response {
    case .optimal(let objective, let values, let duals):
      var primal = [Double](repeating: 0, count: program.numberOfVariables)
      for (name, value) in values {
        guard let variable = program.variable(named: name) else {
          throw SolutionError.unknownVariable(name, program: program.name)
        }
        primal[variable.index] = value
      }
      var rowDuals = [Double](repeating: 0, count: program.numberOfConstraints)
      for (name, value) in duals {
        guard let constraint = program.constraint(named: name) else {
          throw SolutionError.unknownConstraint(name, program: program.name)
        }
        rowDuals[constraint.index] = value
      }
      let reducedCosts = program.isMixedInteger ? nil : program.reducedCosts(for: rowDuals)
      return Solution(
        program: program, status: .optimal, objective: objective, primal: primal,
        duals: program.isMixedInteger ? nil : rowDuals, reducedCosts: reducedCosts,
        bestBound: program.isMixedInteger ? objective : nil)
    case .status(let status, let message):
      return Solution(
        program: program, status: status, objective: .nan, primal: nil, message: message)
    case .custom(let answer):
      return try answer(program)
    }
  }

  /// The log of solves, shared by copies of the fake.
  private final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var solves: [(LinearProgram, SolveOptions)] = []

    func record(_ program: LinearProgram, _ options: SolveOptions) {
      lock.withLock { solves.append((program, options)) }
    }

    var programs: [LinearProgram] { lock.withLock { solves.map(\.0) } }
    var options: [SolveOptions] { lock.withLock { solves.map(\.1) } }
  }
}

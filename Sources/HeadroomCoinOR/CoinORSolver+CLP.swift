internal import CCoinOR
import Foundation
import HeadroomSolver

extension CoinORSolver {
  /// Solves a linear program with CLP.
  ///
  /// `Clp_initialSolve` presolves, then runs the simplex method CLP picks; without presolve
  /// (``SolveOptions/presolve``) the dual simplex runs on the program as given. CLP models are
  /// independent, so this runs in parallel with other calls.
  func solveWithCLP(_ program: LinearProgram, _ input: LoadedProblem, _ options: SolveOptions)
    -> Solution
  {
    guard let model = ClpModelCache.model() else {
      return Solution(
        program: program, status: .error, objective: .nan, primal: nil,
        message: "Clp_newModel failed")
    }
    Clp_setLogLevel(model, 0)
    let columns = program.numberOfVariables
    let rows = program.numberOfConstraints
    input.withPointers {
      starts, indices, values, columnLower, columnUpper, objective, rowLower, rowUpper in
      Clp_loadProblem(
        model, Int32(columns), Int32(rows), starts, indices, values,
        columnLower, columnUpper, objective, rowLower, rowUpper)
    }
    Clp_setOptimizationDirection(model, program.sense.minimizationSign)
    // The model is reused: every setting is made on every solve (a negative limit means none).
    Clp_setMaximumSeconds(model, options.timeLimitSeconds ?? -1)

    // A reused model must not start from the previous program's basis: start from the slack basis a
    // new model would build (rows basic, columns at a finite bound, else free).
    var basis = [UInt8](repeating: 1, count: columns + rows)
    for column in 0..<columns {
      basis[column] = input.columnLower[column] > -1e30 ? 3 : (input.columnUpper[column] < 1e30 ? 2 : 0)
    }
    basis.withUnsafeBufferPointer { Clp_copyinStatus(model, $0.baseAddress) }
    if !options.presolve {
      SolverActivity.clp.run { _ = Clp_dual(model, 0) }
    } else {
      SolverActivity.clp.run { _ = Clp_initialSolve(model) }
    }

    let status: TerminationStatus
    var message: String?
    switch Clp_status(model) {
    case 0:
      status = .optimal
    case 1:
      status = .infeasible
    case 2:
      status = .unbounded
    case 3:
      status = .timeLimit
      message = "CLP stopped at its time or iteration limit"
    case 4:
      status = .error
      message = "CLP stopped because of numerical difficulties"
    case let code:
      status = .error
      message = "CLP stopped with status \(code), secondary status \(Clp_secondaryStatus(model))"
    }

    let hasPrimal = status == .optimal || (status == .timeLimit && Clp_primalFeasible(model) != 0)
    guard hasPrimal else {
      return Solution(
        program: program, status: status, objective: .nan, primal: nil, message: message)
    }
    let primal = copyDoubles(Clp_getColSolution(model), count: columns)
    let hasDuals = status == .optimal
    return Solution(
      program: program,
      status: status,
      objective: Clp_objectiveValue(model) + program.objectiveOffset,
      primal: primal,
      duals: hasDuals ? copyDoubles(Clp_getRowPrice(model), count: rows) : nil,
      reducedCosts: hasDuals ? copyDoubles(Clp_getReducedCost(model), count: columns) : nil,
      message: message)
  }
}

/// One CLP model per thread, reused from solve to solve.
///
/// Creating a `ClpSimplex` builds its message tables and work arrays, which costs more than solving
/// the walls model's one-year LPs (seen in a profile: `malloc`, `strcpy` and `CoinMessages` were the
/// top of it). `Clp_loadProblem` replaces the whole problem, bounds, objective and status of a model,
/// so a thread keeps one model and loads each program into it; the model is freed when the thread ends.
enum ClpModelCache {
  /// The calling thread's model, created on first use; nil if CLP cannot create one.
  static func model() -> UnsafeMutableRawPointer? {
    let key = "headroom.clp.model"
    if let holder = Thread.current.threadDictionary[key] as? Holder { return holder.model }
    guard let model = Clp_newModel() else { return nil }
    Thread.current.threadDictionary[key] = Holder(model)
    return model
  }

  /// Owns a model and deletes it with the thread's dictionary.
  final class Holder {
    let model: UnsafeMutableRawPointer
    init(_ model: UnsafeMutableRawPointer) { self.model = model }
    deinit { Clp_deleteModel(model) }
  }
}

internal import CCoinOR
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
    guard let model = Clp_newModel() else {
      return Solution(
        program: program, status: .error, objective: .nan, primal: nil,
        message: "Clp_newModel failed")
    }
    defer { Clp_deleteModel(model) }
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
    if let seconds = options.timeLimitSeconds {
      Clp_setMaximumSeconds(model, seconds)
    }

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

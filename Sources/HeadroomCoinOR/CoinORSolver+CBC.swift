internal import CCoinOR
import HeadroomSolver

extension CoinORSolver {
  /// Solves a mixed-integer program with CBC, under ``CBCLock``.
  ///
  /// CBC 2.10's `Cbc_status` is 0 even for an infeasible model, so the status is read from the
  /// `Cbc_isProven…` calls instead.
  func solveWithCBC(_ program: LinearProgram, _ input: LoadedProblem, _ options: SolveOptions)
    -> Solution
  {
    let columns = program.numberOfVariables
    let rows = program.numberOfConstraints
    return CBCLock.withLock {
      guard let model = Cbc_newModel() else {
        return Solution(
          program: program, status: .error, objective: .nan, primal: nil,
          message: "Cbc_newModel failed")
      }
      defer { Cbc_deleteModel(model) }
      Cbc_setLogLevel(model, 0)
      input.withPointers {
        starts, indices, values, columnLower, columnUpper, objective, rowLower, rowUpper in
        Cbc_loadProblem(
          model, Int32(columns), Int32(rows), starts, indices, values,
          columnLower, columnUpper, objective, rowLower, rowUpper)
      }
      for (index, isInteger) in program.variableIsInteger.enumerated() where isInteger {
        Cbc_setInteger(model, Int32(index))
      }
      Cbc_setObjSense(model, program.sense.minimizationSign)
      if let seconds = options.timeLimitSeconds {
        Cbc_setMaximumSeconds(model, seconds)
      }
      if let gap = options.relativeGap {
        Cbc_setAllowableFractionGap(model, gap)
      }

      SolverActivity.cbc.run { _ = Cbc_solve(model) }

      let status: TerminationStatus
      var message: String?
      let secondary = Cbc_secondaryStatus(model)
      let incumbent = Cbc_bestSolution(model)
      if Cbc_isProvenOptimal(model) != 0 {
        status = .optimal
      } else if Cbc_isProvenInfeasible(model) != 0 {
        status = .infeasible
      } else if Cbc_isContinuousUnbounded(model) != 0 {
        status = .unbounded
      } else if Cbc_isSecondsLimitReached(model) != 0 {
        status = .timeLimit
      } else if secondary == 2, incumbent != nil {
        // Stopped because the incumbent is within the allowed gap of the bound.
        status = .optimal
      } else if Cbc_isAbandoned(model) != 0 {
        status = .error
        message = "CBC abandoned the solve because of numerical difficulties"
      } else {
        status = .error
        message = "CBC stopped with status \(Cbc_status(model)), secondary status \(secondary)"
      }

      guard let incumbent, status == .optimal || status == .timeLimit else {
        return Solution(
          program: program, status: status, objective: .nan, primal: nil,
          bestBound: status == .timeLimit ? bound(model, program) : nil, message: message)
      }
      return Solution(
        program: program,
        status: status,
        objective: Cbc_getObjValue(model) + program.objectiveOffset,
        primal: copyDoubles(incumbent, count: columns),
        bestBound: bound(model, program),
        message: message)
    }
  }

  /// CBC's best possible objective, in the program's sense and with its offset, if finite.
  private func bound(_ model: UnsafeMutableRawPointer, _ program: LinearProgram) -> Double? {
    let bound = Cbc_getBestPossibleObjValue(model)
    return abs(bound) < 1e30 ? bound + program.objectiveOffset : nil
  }
}

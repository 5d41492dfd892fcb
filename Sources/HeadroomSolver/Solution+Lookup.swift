extension Solution {
  /// The value of a variable.
  ///
  /// - Precondition: ``hasPrimalSolution``; the name-based ``value(named:)`` throws instead.
  public func value(of variable: Variable) -> Double {
    precondition(
      hasPrimalSolution,
      "the solve of '\(program.name)' ended with status '\(status)' and has no value for \(program.label(of: variable))"
    )
    return primal[variable.index]
  }

  /// The value of a variable.
  public subscript(_ variable: Variable) -> Double {
    value(of: variable)
  }

  /// The value of the variable with this name.
  ///
  /// - Throws: ``SolutionError`` if no variable has the name or there are no primal values.
  public func value(named name: String) throws(SolutionError) -> Double {
    let variable = try variable(named: name)
    guard hasPrimalSolution else { throw .noPrimalSolution(program: program.name, status: status) }
    return primal[variable.index]
  }

  /// The dual value of a constraint, with the sign convention of ``duals``.
  ///
  /// - Precondition: ``hasDuals``; the name-based ``dual(named:)`` throws instead.
  public func dual(of constraint: Constraint) -> Double {
    precondition(
      hasDuals,
      "the solve of '\(program.name)' (status '\(status)') has no dual for \(program.label(of: constraint))"
    )
    return duals[constraint.index]
  }

  /// The dual value of the constraint with this name, with the sign convention of ``duals``.
  ///
  /// - Throws: ``SolutionError`` if no constraint has the name or there are no duals.
  public func dual(named name: String) throws(SolutionError) -> Double {
    let constraint = try constraint(named: name)
    guard hasDuals else { throw .noDuals(program: program.name, status: status) }
    return duals[constraint.index]
  }

  /// The reduced cost of a variable, with the sign convention of ``duals``.
  ///
  /// - Precondition: ``hasDuals``.
  public func reducedCost(of variable: Variable) -> Double {
    precondition(
      hasDuals,
      "the solve of '\(program.name)' (status '\(status)') has no reduced cost for \(program.label(of: variable))"
    )
    return reducedCosts[variable.index]
  }

  /// The reduced cost of the variable with this name.
  ///
  /// - Throws: ``SolutionError`` if no variable has the name or there are no reduced costs.
  public func reducedCost(named name: String) throws(SolutionError) -> Double {
    let variable = try variable(named: name)
    guard hasDuals else { throw .noDuals(program: program.name, status: status) }
    return reducedCosts[variable.index]
  }

  /// The value of a constraint's left-hand side.
  ///
  /// - Precondition: ``hasPrimalSolution``.
  public func activity(of constraint: Constraint) -> Double {
    precondition(
      hasPrimalSolution,
      "the solve of '\(program.name)' ended with status '\(status)' and has no activity for \(program.label(of: constraint))"
    )
    return activities[constraint.index]
  }

  /// The value of the left-hand side of the constraint with this name.
  ///
  /// - Throws: ``SolutionError`` if no constraint has the name or there are no primal values.
  public func activity(named name: String) throws(SolutionError) -> Double {
    let constraint = try constraint(named: name)
    guard hasPrimalSolution else { throw .noPrimalSolution(program: program.name, status: status) }
    return activities[constraint.index]
  }

  private func variable(named name: String) throws(SolutionError) -> Variable {
    guard let variable = program.variable(named: name) else {
      throw .unknownVariable(name, program: program.name)
    }
    return variable
  }

  private func constraint(named name: String) throws(SolutionError) -> Constraint {
    guard let constraint = program.constraint(named: name) else {
      throw .unknownConstraint(name, program: program.name)
    }
    return constraint
  }
}

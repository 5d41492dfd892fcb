extension LinearProgram {
  /// Checks that the program can be handed to a solver, and throws the first problem found.
  ///
  /// It checks that names are unique, bounds are ordered and not NaN, every constraint has a
  /// finite bound, coefficients and penalties are finite, and sizes fit 32-bit indices.
  /// Solvers call it before solving; ``mpsString()`` calls it before writing.
  ///
  /// - Throws: ``LinearProgramError``, naming the variable or constraint at fault.
  /// - Complexity: O(variables + constraints + coefficients).
  public func validate() throws(LinearProgramError) {
    let limit = Int(Int32.max)
    if numberOfVariables > limit { throw .tooLarge(what: "variables", count: numberOfVariables) }
    if numberOfConstraints > limit {
      throw .tooLarge(what: "constraints", count: numberOfConstraints)
    }
    if numberOfEntries > limit { throw .tooLarge(what: "coefficients", count: numberOfEntries) }

    if let duplicate = nameIndex.names(of: self).duplicate { throw duplicate }

    for j in 0..<numberOfVariables {
      let lower = variableLowerBounds[j]
      let upper = variableUpperBounds[j]
      if lower.isNaN || upper.isNaN || lower > upper || lower == .infinity || upper == -.infinity {
        throw .invalidVariableBounds(
          variable: label(of: Variable(index: j)), lower: lower, upper: upper)
      }
      if !objectiveCoefficients[j].isFinite {
        throw .nonFiniteObjective(
          variable: label(of: Variable(index: j)), value: objectiveCoefficients[j])
      }
    }
    if !objectiveOffset.isFinite {
      throw .nonFiniteObjective(variable: "the objective offset", value: objectiveOffset)
    }
    for i in 0..<numberOfConstraints {
      let lower = constraintLowerBounds[i]
      let upper = constraintUpperBounds[i]
      if lower.isNaN || upper.isNaN || lower > upper || lower == .infinity || upper == -.infinity
        || (lower == -.infinity && upper == .infinity)
      {
        throw .invalidConstraintBounds(
          constraint: label(of: Constraint(index: i)), lower: lower, upper: upper)
      }
    }
    for k in 0..<numberOfEntries where !entryValues[k].isFinite {
      throw .nonFiniteCoefficient(
        constraint: label(of: Constraint(index: Int(entryRows[k]))),
        variable: label(of: Variable(index: Int(entryColumns[k]))),
        value: entryValues[k])
    }
    for soft in softConstraints where !(soft.penalty.isFinite && soft.penalty > 0) {
      throw .invalidPenalty(constraint: label(of: Constraint(index: soft.row)), value: soft.penalty)
    }
  }
}

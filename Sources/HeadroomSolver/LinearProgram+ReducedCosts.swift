extension LinearProgram {
  /// The reduced costs `c_j − Σ_i dual_i · a_ij` that these row duals imply.
  ///
  /// - Complexity: O(coefficients + variables).
  public func reducedCosts(for duals: [Double]) -> [Double] {
    precondition(
      duals.count == numberOfConstraints,
      "expected \(numberOfConstraints) duals, got \(duals.count)")
    var reducedCosts = objectiveCoefficients
    for k in 0..<entryValues.count {
      reducedCosts[Int(entryColumns[k])] -= duals[Int(entryRows[k])] * entryValues[k]
    }
    return reducedCosts
  }
}

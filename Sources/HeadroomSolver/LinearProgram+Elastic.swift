extension LinearProgram {
  /// A soft constraint: its penalty and the slack variables that let it be violated.
  struct SoftConstraint: Hashable, Sendable {
    /// The constraint's row index.
    var row: Int
    /// The price of one unit of violation, positive, in objective units.
    var penalty: Double
    /// The slack that raises the row's activity up to its lower bound (a shortfall), if any.
    var below: Int?
    /// The slack that lowers the row's activity down to its upper bound (an excess), if any.
    var above: Int?
  }

  /// The penalty per unit of violation of a soft constraint, or `nil` for a hard one.
  public func penalty(of constraint: Constraint) -> Double? {
    softPosition(of: constraint).map { softConstraints[$0].penalty }
  }

  /// Whether the variable is a slack variable that a soft constraint added.
  public func isSlack(_ variable: Variable) -> Bool {
    softConstraints.contains { $0.below == variable.index || $0.above == variable.index }
  }

  /// Gives the constraint slack variables for each finite bound, priced at `penalty`.
  mutating func makeSoft(_ constraint: Constraint, penalty: Double) {
    let position = softPosition(of: constraint)
    var soft =
      position.map { softConstraints[$0] }
      ?? SoftConstraint(row: constraint.index, penalty: penalty, below: nil, above: nil)
    let cost = sense.minimizationSign * penalty
    let name = constraintNames[constraint.index]
    if constraintLowerBounds[constraint.index] > -.infinity, soft.below == nil {
      let slack = addVariable(name.map { "\($0)#below" }, objective: cost)
      addTerm(1 * slack, to: constraint)
      soft.below = slack.index
    }
    if constraintUpperBounds[constraint.index] < .infinity, soft.above == nil {
      let slack = addVariable(name.map { "\($0)#above" }, objective: cost)
      addTerm(-1 * slack, to: constraint)
      soft.above = slack.index
    }
    if let position {
      softConstraints[position] = soft
    } else {
      // Constraints become soft when they are added, so appending keeps the rows in order.
      precondition(softConstraints.last.map { $0.row < constraint.index } ?? true)
      softConstraints.append(soft)
    }
  }

  /// The position of the constraint in `softConstraints`, by binary search on the row.
  func softPosition(of constraint: Constraint) -> Int? {
    var low = 0
    var high = softConstraints.count
    while low < high {
      let middle = (low + high) / 2
      if softConstraints[middle].row < constraint.index {
        low = middle + 1
      } else {
        high = middle
      }
    }
    return low < softConstraints.count && softConstraints[low].row == constraint.index ? low : nil
  }
}

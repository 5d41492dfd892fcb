extension Solution {
  /// How far a soft constraint was missed in a solution.
  public struct Shortfall: Hashable, Sendable, CustomStringConvertible {
    /// Which bound of the constraint was missed.
    public enum Side: String, Hashable, Sendable {
      /// The left-hand side fell short of the lower bound (a `>=` row: demand not met).
      case below
      /// The left-hand side exceeded the upper bound (a `<=` row: capacity overrun).
      case above
    }

    /// The soft constraint.
    public let constraint: Constraint
    /// Its name, if it has one.
    public let name: String?
    /// Which bound was missed.
    public let side: Side
    /// By how much, in the constraint's own units; always positive.
    public let amount: Double
    /// The penalty per unit that the objective paid.
    public let penalty: Double

    /// The penalty paid: `amount × penalty`.
    public var cost: Double { amount * penalty }

    public var description: String {
      let what = name.map { "'\($0)'" } ?? "\(constraint)"
      return "\(what) \(side == .below ? "fell short by" : "was exceeded by") \(amount)"
    }
  }

  /// The violations below which a soft constraint counts as met: 1e-9, well under the
  /// solvers' feasibility tolerances.
  public static let shortfallTolerance = 1e-9

  /// The soft constraints that the solution violates, and by how much, in constraint order.
  ///
  /// With soft constraints a plan with more demand than supply still solves: instead of
  /// ``TerminationStatus/infeasible``, the status is optimal and the unmet rows are listed here.
  /// Empty when there is no primal solution.
  public var shortfalls: [Shortfall] {
    guard hasPrimalSolution else { return [] }
    var shortfalls: [Shortfall] = []
    for soft in program.softConstraints {
      let constraint = Constraint(index: soft.row)
      let name = program.name(of: constraint)
      if let below = soft.below, primal[below] > Self.shortfallTolerance {
        shortfalls.append(
          Shortfall(
            constraint: constraint, name: name, side: .below, amount: primal[below],
            penalty: soft.penalty))
      }
      if let above = soft.above, primal[above] > Self.shortfallTolerance {
        shortfalls.append(
          Shortfall(
            constraint: constraint, name: name, side: .above, amount: primal[above],
            penalty: soft.penalty))
      }
    }
    return shortfalls
  }

  /// How far the constraint was missed (0 when met, or when it is hard).
  public func shortfall(of constraint: Constraint) -> Double {
    guard hasPrimalSolution, let position = program.softPosition(of: constraint) else { return 0 }
    let soft = program.softConstraints[position]
    let below = soft.below.map { primal[$0] } ?? 0
    let above = soft.above.map { primal[$0] } ?? 0
    return max(0, below) + max(0, above)
  }
}

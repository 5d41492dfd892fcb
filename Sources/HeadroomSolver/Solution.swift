/// What a solver found for a ``LinearProgram``: a status, an objective value, the primal values,
/// and, for linear programs, the duals and reduced costs.
///
/// Values are indexed by handle (``value(of:)-(Variable)``, ``dual(of:)-(Constraint)``) or looked
/// up by name (``value(named:)``, ``dual(named:)``). The solution keeps the program it solves, so
/// name lookups and ``shortfalls`` need nothing else.
public struct Solution: Sendable {
  /// The program that was solved.
  public let program: LinearProgram
  /// Why the solver stopped.
  public let status: TerminationStatus
  /// The objective value of ``primal``, including ``LinearProgram/objectiveOffset`` and the
  /// penalties of violated soft constraints; NaN when there is no primal solution.
  public let objective: Double
  /// The value of each variable, indexed by ``Variable/index``; empty when the solver has no
  /// solution (infeasible, unbounded, or stopped before finding one): see
  /// ``hasPrimalSolution``.
  public let primal: [Double]
  /// The dual value (shadow price) of each constraint, indexed by ``Constraint/index``; empty for
  /// mixed-integer programs and when the solver did not reach an optimum (see ``hasDuals``).
  ///
  /// **Sign convention.** This is the one definition used throughout Headroom: a constraint's
  /// dual is the rate at which the optimal objective changes per unit increase of the
  /// constraint's right-hand side, in the objective's own sense, `dual = ∂ objective / ∂ rhs`.
  /// For a binding constraint that gives:
  ///
  /// | objective | `<=` row (a capacity) | `>=` row (a demand) |
  /// | --- | --- | --- |
  /// | minimise (cost) | dual ≤ 0: more capacity costs less | dual ≥ 0: more demand costs more |
  /// | maximise (value) | dual ≥ 0: more capacity earns more | dual ≤ 0: more demand earns less |
  ///
  /// For example, `max 3x + 5y` subject to `x <= 4`, `2y <= 12`, `3x + 2y <= 18` has duals
  /// (0, 1.5, 1); `min 3x + 5y` subject to `x >= 4`, `2y >= 12`, `3x + 2y >= 18` has duals
  /// (3, 2.5, 0). A constraint that does not bind has dual 0; for `=` and ranged rows the
  /// right-hand side is the bound that binds. The ``reducedCosts`` follow the same rule for
  /// variables: `reducedCost_j = c_j − Σ_i dual_i · a_ij`, the rate of change of the objective
  /// per unit increase of the bound at which variable j sits. CLP reports exactly these signs
  /// for either sense, so ``LinearSolver``s built on it pass them through; other solvers must
  /// convert to them.
  public let duals: [Double]
  /// The reduced cost of each variable, indexed by ``Variable/index``, with the sign convention
  /// of ``duals``; empty when ``duals`` is.
  public let reducedCosts: [Double]
  /// The value of each constraint's left-hand side at ``primal``; empty when ``primal`` is.
  public let activities: [Double]
  /// For mixed-integer programs, the best bound on the optimal objective that the solver proved
  /// (in the objective's sense: a lower bound when minimising, an upper bound when maximising).
  public let bestBound: Double?
  /// What the solver said, for ``TerminationStatus/error`` and other unusual stops.
  public let message: String?

  /// Whether ``primal`` holds a solution (always when ``status`` is optimal).
  public let hasPrimalSolution: Bool
  /// Whether ``duals`` and ``reducedCosts`` hold values.
  public let hasDuals: Bool

  /// Creates a solution; solvers call this.
  ///
  /// Pass `nil` for what the solver did not produce. ``activities`` are computed here from the
  /// program and `primal`, in O(coefficients).
  public init(
    program: LinearProgram,
    status: TerminationStatus,
    objective: Double,
    primal: [Double]?,
    duals: [Double]? = nil,
    reducedCosts: [Double]? = nil,
    bestBound: Double? = nil,
    message: String? = nil
  ) {
    let name = program.name
    if let primal {
      precondition(
        primal.count == program.numberOfVariables,
        "a solution of '\(name)' has \(primal.count) values for \(program.numberOfVariables) variables"
      )
    }
    if let duals {
      precondition(
        duals.count == program.numberOfConstraints,
        "a solution of '\(name)' has \(duals.count) duals for \(program.numberOfConstraints) constraints"
      )
    }
    if let reducedCosts {
      precondition(
        reducedCosts.count == program.numberOfVariables,
        "a solution of '\(name)' has \(reducedCosts.count) reduced costs for \(program.numberOfVariables) variables"
      )
    }
    self.program = program
    self.status = status
    self.hasPrimalSolution = primal != nil
    self.hasDuals = duals != nil && reducedCosts != nil
    self.objective = primal == nil ? .nan : objective
    self.primal = primal ?? []
    self.duals = hasDuals ? duals ?? [] : []
    self.reducedCosts = hasDuals ? reducedCosts ?? [] : []
    self.bestBound = bestBound
    self.message = message
    self.activities = primal.map { program.activities(at: $0) } ?? []
  }

  /// For mixed-integer programs with an incumbent and a bound, the relative gap
  /// `|objective − bestBound| / max(|objective|, 1e-10)`; 0 when proven optimal.
  public var gap: Double? {
    guard hasPrimalSolution, let bestBound, bestBound.isFinite else { return nil }
    return abs(objective - bestBound) / max(abs(objective), 1e-10)
  }
}

extension LinearProgram {
  /// The left-hand side of every constraint at the point `values`.
  ///
  /// - Complexity: O(coefficients + constraints).
  public func activities(at values: [Double]) -> [Double] {
    precondition(
      values.count == numberOfVariables, "expected \(numberOfVariables) values, got \(values.count)"
    )
    var activities = [Double](repeating: 0, count: numberOfConstraints)
    for k in 0..<entryValues.count {
      activities[Int(entryRows[k])] += entryValues[k] * values[Int(entryColumns[k])]
    }
    return activities
  }

  /// The objective at the point `values`, including the offset.
  public func objectiveValue(at values: [Double]) -> Double {
    precondition(
      values.count == numberOfVariables, "expected \(numberOfVariables) values, got \(values.count)"
    )
    var total = objectiveOffset
    for j in 0..<numberOfVariables { total += objectiveCoefficients[j] * values[j] }
    return total
  }
}

import HeadroomCoinOR
import HeadroomModel
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Property test: on random feasible, bounded LPs, CLP's primal and dual solutions are each feasible,
/// the reduced costs are `c − Aᵀy`, and the two objectives agree (strong duality), all computed here
/// from the program and the solution's vectors, independently of the solver.
@Suite struct StrongDualityTests {
  /// A random LP that a known point satisfies (so it is feasible) and whose objective is bounded:
  /// every variable has a finite lower bound, and one without an upper bound never improves the
  /// objective by growing (cost ≥ 0 when minimising, ≤ 0 when maximising).
  ///
  /// Returns the program and its matrix as drawn (dense rows), kept apart from the program's own storage.
  static func randomProgram(seed: UInt64) -> (program: LinearProgram, matrix: [[Double]]) {
    var random = SplitMix64(seed: seed)
    let sense: LinearProgram.Sense = random.unit() < 0.5 ? .minimize : .maximize
    var program = LinearProgram(name: "random-\(seed)", sense: sense)
    let columns = 2 + random.next(below: 29)
    let rows = 1 + random.next(below: 25)
    var point: [Double] = []
    var variables: [Variable] = []
    var matrix: [[Double]] = []
    for _ in 0..<columns {
      let value = random.uniform(0, 5)
      let lower = random.unit() < 0.5 ? 0 : value - random.uniform(0, 2)
      let upper = random.unit() < 0.5 ? value + random.uniform(0, 5) : Double.infinity
      var cost = random.uniform(-5, 5)
      if upper == .infinity { cost = sense == .minimize ? abs(cost) : -abs(cost) }
      point.append(value)
      variables.append(program.addVariable(lowerBound: min(lower, value), upperBound: upper, objective: cost))
    }
    for _ in 0..<rows {
      var terms: [LinearProgram.Term] = []
      var row = Array(repeating: 0.0, count: columns)
      for column in 0..<columns where random.unit() < 0.4 { row[column] = random.uniform(-3, 3) }
      if row.allSatisfy({ $0 == 0 }) { row[random.next(below: columns)] = 1 }
      for column in 0..<columns where row[column] != 0 { terms.append(row[column] * variables[column]) }
      let activity = zip(row, point).map { $0 * $1 }.reduce(0, +)
      matrix.append(row)
      switch random.next(below: 3) {
      case 0: program.addConstraint(terms, .lessOrEqual, activity + random.uniform(0, 3))
      case 1: program.addConstraint(terms, .greaterOrEqual, activity - random.uniform(0, 3))
      default: program.addConstraint(terms, .equal, activity)
      }
    }
    return (program, matrix)
  }

  @Test(arguments: 0..<200)
  func primalAndDualObjectivesAgreeOnARandomLP(_ seed: Int) throws {
    // Given a random feasible, bounded LP
    let (program, a) = Self.randomProgram(seed: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15)
    let tolerance = 1e-6

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)
    #expect(solution.status == .optimal)
    guard solution.status == .optimal else { return }

    let x = solution.primal
    let y = solution.duals
    let c = program.variables.map { program.objectiveCoefficient(of: $0) }
    let sign = program.sense == .minimize ? 1.0 : -1.0

    // Then the primal point is feasible and its objective is c·x
    let primal = zip(c, x).map { $0 * $1 }.reduce(0, +)
    #expect(isClose(primal, solution.objective, tolerance: tolerance * max(1, abs(primal))))
    for (index, variable) in program.variables.enumerated() {
      let (lower, upper) = (program.lowerBound(of: variable), program.upperBound(of: variable))
      #expect(x[index] >= lower - tolerance && x[index] <= upper + tolerance, "x\(index) = \(x[index])")
    }
    for (row, constraint) in program.constraints.enumerated() {
      let activity = zip(a[row], x).map { $0 * $1 }.reduce(0, +)
      let (lower, upper) = program.bounds(of: constraint)
      #expect(activity >= lower - tolerance && activity <= upper + tolerance, "row \(row): \(activity)")

      // And each dual has the sign its row allows (∂objective/∂rhs: a looser row never hurts)
      if lower == -.infinity { #expect(sign * y[row] <= tolerance, "row \(row) (<=): dual \(y[row])") }
      if upper == .infinity { #expect(sign * y[row] >= -tolerance, "row \(row) (>=): dual \(y[row])") }
    }

    // And the reduced costs are c − Aᵀy, each pushing its variable against a finite bound
    var dual = 0.0
    for (row, constraint) in program.constraints.enumerated() {
      let (lower, upper) = program.bounds(of: constraint)
      dual += y[row] * (lower.isFinite ? lower : upper)
    }
    for (index, variable) in program.variables.enumerated() {
      let reduced = c[index] - (0..<a.count).map { a[$0][index] * y[$0] }.reduce(0, +)
      #expect(isClose(reduced, solution.reducedCosts[index], tolerance: tolerance * max(1, abs(reduced))))
      let (lower, upper) = (program.lowerBound(of: variable), program.upperBound(of: variable))
      let pushed = sign * reduced
      if pushed > tolerance {
        dual += reduced * lower
      } else if pushed < -tolerance {
        #expect(upper.isFinite, "x\(index) has reduced cost \(reduced) but no upper bound")
        dual += reduced * upper
      }
    }

    // And the dual objective, b·y plus the bounds' terms, equals the primal objective (strong duality)
    #expect(
      isClose(primal, dual, tolerance: tolerance * max(1, abs(primal))),
      "\(program.name): primal \(primal), dual \(dual)")
  }
}

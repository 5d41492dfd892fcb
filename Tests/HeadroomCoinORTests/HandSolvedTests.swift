import HeadroomCoinOR
import HeadroomModel
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Small programs whose answers are known by hand, solved by CLP and CBC.
@Suite("Hand-solved programs")
struct HandSolvedTests {
  let solver = CoinORSolver()

  @Test func maximisationFindsTheVertexAndItsShadowPrices() throws {
    // Given max 3x + 5y s.t. x <= 4, 2y <= 12, 3x + 2y <= 18
    let program = HandModels.plants()

    // When CLP solves it
    let solution = try solver.solve(program)

    // Then the optimum is 36 at (2, 6), the duals are (0, 1.5, 1) and no reduced cost is left
    // (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.objective, 36, tolerance: 1e-6))
    #expect(isClose(try solution.value(named: "x"), 2, tolerance: 1e-6))
    #expect(isClose(try solution.value(named: "y"), 6, tolerance: 1e-6))
    #expect(isClose(solution.duals, [0, 1.5, 1], tolerance: 1e-6))
    #expect(isClose(try solution.dual(named: "plant3"), 1, tolerance: 1e-6))
    #expect(isClose(solution.reducedCosts, [0, 0], tolerance: 1e-6))
    #expect(isClose(solution.activities, [2, 12, 18], tolerance: 1e-6))
  }

  @Test func integerProgramGetsTheIntegerOptimumNotTheRoundedRelaxation() throws {
    // Given max 5x + 4y s.t. 6x + 4y <= 24, x + 2y <= 6, whose LP optimum (3, 1.5) is fractional
    let relaxation = try solver.solve(HandModels.fractionalRelaxation(integer: false))
    #expect(isClose(relaxation.objective, 21, tolerance: 1e-6))
    #expect(isClose(relaxation.primal, [3, 1.5], tolerance: 1e-6))

    // When x and y must be integers and CBC solves it
    let solution = try solver.solve(HandModels.fractionalRelaxation(integer: true))

    // Then the optimum is 20 at (4, 0), proven: the bound equals the incumbent (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.objective, 20, tolerance: 1e-6))
    #expect(isClose(solution.primal, [4, 0], tolerance: 1e-6))
    #expect(isClose(solution.bestBound ?? .nan, 20, tolerance: 1e-6))
    #expect(isClose(solution.gap ?? .nan, 0, tolerance: 1e-6))
    #expect(!solution.hasDuals)
  }

  @Test(arguments: [false, true])
  func infeasibleProgramIsReportedAsInfeasible(integer: Bool) throws {
    // Given x >= 2 and x <= 1 (an LP for CLP, or a MIP for CBC, whose status code is 0 here)
    var program = LinearProgram(name: "impossible")
    let x = program.addVariable("x", upperBound: 10, objective: 1, isInteger: integer)
    program.addConstraint("atLeast", [1 * x], .greaterOrEqual, 2)
    program.addConstraint("atMost", [1 * x], .lessOrEqual, 1)

    // When it is solved
    let solution = try solver.solve(program)

    // Then the status says infeasible and there are no values
    #expect(solution.status == .infeasible)
    #expect(!solution.hasPrimalSolution)
    #expect(solution.objective.isNaN)
    #expect(throws: SolutionError.noPrimalSolution(program: "impossible", status: .infeasible)) {
      try solution.value(named: "x")
    }
  }

  @Test func integerInfeasibilityWithAFeasibleRelaxationIsInfeasible() throws {
    // Given 2x = 1 with x integer: the LP relaxation (x = 0.5) is feasible
    var program = LinearProgram(name: "odd")
    let x = program.addVariable("x", upperBound: 10, objective: 1, isInteger: true)
    program.addConstraint("half", [2 * x], .equal, 1)

    // When CBC solves it
    let solution = try solver.solve(program)

    // Then it is infeasible
    #expect(solution.status == .infeasible)
  }

  @Test(arguments: [false, true])
  func unboundedProgramIsReportedAsUnbounded(integer: Bool) throws {
    // Given max x s.t. x - y <= 1, x, y >= 0: x and y can grow together without limit
    var program = LinearProgram(name: "endless", sense: .maximize)
    let x = program.addVariable("x", objective: 1, isInteger: integer)
    let y = program.addVariable("y", isInteger: integer)
    program.addConstraint("gap", [1 * x, -y], .lessOrEqual, 1)

    // When it is solved
    let solution = try solver.solve(program)

    // Then the status says unbounded
    #expect(solution.status == .unbounded)
    #expect(!solution.hasPrimalSolution)
  }

  @Test func hardIntegerProgramStopsAtTheTimeLimit() throws {
    // Given a market-split instance (5 equality rows over 40 binaries, coefficients 0-99, right-
    // hand sides half the row sums), which branch and bound cannot settle in a fraction of a second
    var random = SplitMix64(seed: 7)
    var program = LinearProgram(name: "market-split")
    let variables = (0..<40).map { program.addVariable("x\($0)", upperBound: 1, isInteger: true) }
    for row in 0..<5 {
      let coefficients = variables.map { _ in Double(random.next(below: 100)) }
      let half = (coefficients.reduce(0, +) / 2).rounded(.down)
      program.addConstraint(
        "split\(row)", zip(coefficients, variables).map { $0 * $1 }, .equal, half)
    }

    // When CBC may run for 0.2 s
    let solution = try solver.solve(program, options: SolveOptions(timeLimit: .milliseconds(200)))

    // Then it stops with the time-limit status
    #expect(solution.status == .timeLimit)
  }

  @Test func objectiveOffsetIsAddedToTheObjective() throws {
    // Given the hand LP with a constant 7 added to its objective
    var program = HandModels.plants()
    program.objectiveOffset = 7

    // When CLP solves it
    let solution = try solver.solve(program)

    // Then the objective is 36 + 7 (tolerance 1e-6)
    #expect(isClose(solution.objective, 43, tolerance: 1e-6))
  }

  @Test func malformedProgramThrowsAnErrorNamingTheConstraint() throws {
    // Given a constraint with an infinite coefficient
    var program = LinearProgram(name: "broken")
    let x = program.addVariable("x")
    program.addConstraint("bad", [Double.infinity * x], .lessOrEqual, 1)

    // When it is solved
    let error = #expect(throws: LinearProgramError.self) { try solver.solve(program) }

    // Then the error names the constraint, the variable and the value
    #expect(
      error
        == .nonFiniteCoefficient(
          constraint: "constraint 'bad' (#0)", variable: "variable 'x' (#0)", value: .infinity))
    #expect(
      error?.description
        == "constraint 'bad' (#0) has coefficient inf for variable 'x' (#0): expected a finite number"
    )
  }
}

/// Degenerate shapes that a planner can produce: no constraints, or nothing at all.
@Suite("Degenerate programs")
struct DegenerateProgramTests {
  @Test func programWithoutConstraintsSitsAtItsBounds() throws {
    // Given min x − y with 1 <= x <= 3 and 0 <= y <= 2, and no constraint
    var program = LinearProgram(name: "bounds-only")
    let x = program.addVariable("x", lowerBound: 1, upperBound: 3, objective: 1)
    let y = program.addVariable("y", upperBound: 2, objective: -1)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then x sits at its lower bound and y at its upper bound: 1 − 2 (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.value(of: x), 1, tolerance: 1e-6))
    #expect(isClose(solution.value(of: y), 2, tolerance: 1e-6))
    #expect(isClose(solution.objective, -1, tolerance: 1e-6))
    #expect(solution.duals.isEmpty)
  }

  @Test func emptyProgramIsOptimalWithItsOffset() throws {
    // Given a program with nothing but an objective offset
    var program = LinearProgram(name: "empty")
    program.objectiveOffset = 5

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then it is optimal with objective 5 (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.objective, 5, tolerance: 1e-6))
  }
}

@Suite struct PresolveTests {
  @Test func withoutPresolveTheSameOptimumAndDualsComeBack() throws {
    // Given min 3x + 5y s.t. x >= 4, 2y >= 12, 3x + 2y >= 18 (optimum 42 at (4, 6), duals 3, 2.5, 0),
    // When solved without presolve, Then the optimum and the duals are the same.
    var program = LinearProgram(name: "plain", sense: .minimize)
    let x = program.addVariable("x", objective: 3)
    let y = program.addVariable("y", objective: 5)
    program.addConstraint("a", [1 * x], .greaterOrEqual, 4)
    program.addConstraint("b", [2 * y], .greaterOrEqual, 12)
    program.addConstraint("c", [3 * x, 2 * y], .greaterOrEqual, 18)
    let solution = try CoinORSolver().solve(program, options: SolveOptions(presolve: false))
    #expect(solution.status == .optimal)
    #expect(abs(solution.objective - 42) < 1e-9)
    for (dual, expected) in zip(solution.duals, [3, 2.5, 0]) { #expect(abs(dual - expected) < 1e-9) }
  }
}

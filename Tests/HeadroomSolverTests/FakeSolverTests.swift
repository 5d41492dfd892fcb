import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Model-building code can be tested against `FakeSolver`, and `Solution` lookups work by
/// handle and by name.
@Suite("FakeSolver and solution lookups")
struct FakeSolverTests {
  @Test func fakeRecordsTheProgramAndAnswersByName() throws {
    // Given a fake that answers 36 at x = 2, y = 6 with duals on two rows
    let solver = FakeSolver(
      .optimal(objective: 36, values: ["x": 2, "y": 6], duals: ["plant2": 1.5, "plant3": 1]))

    // When the plants model is solved with a time limit
    let solution = try solver.solve(plantsProgram(), options: SolveOptions(timeLimit: .seconds(5)))

    // Then the fake kept the program and options, and the solution reads by name and handle
    #expect(solver.solvedPrograms.count == 1)
    #expect(solver.solvedPrograms.first?.numberOfConstraints == 3)
    #expect(solver.solveOptions.first?.timeLimitSeconds == 5)
    #expect(solution.status == .optimal)
    #expect(solution.objective == 36)
    #expect(try solution.value(named: "y") == 6)
    #expect(solution[Variable(index: 0)] == 2)
    #expect(try solution.dual(named: "plant2") == 1.5)
    #expect(solution.dual(of: Constraint(index: 0)) == 0)
    #expect(isClose(solution.activities, [2, 12, 18], tolerance: 1e-9))
    #expect(try solution.activity(named: "plant3") == 18)
    // Reduced costs follow from the duals: c − Aᵀy = (3 − 1·3, 5 − 1.5·2 − 1·2) = (0, 0)
    #expect(isClose(solution.reducedCosts, [0, 0], tolerance: 1e-9))
  }

  @Test func unknownNamesThrowErrorsThatNameThem() throws {
    // Given a solution of the plants model
    let solution = try FakeSolver().solve(plantsProgram())

    // When a missing variable or constraint is asked for, then the error names it and the program
    #expect(throws: SolutionError.unknownVariable("z", program: "plants")) {
      try solution.value(named: "z")
    }
    #expect(throws: SolutionError.unknownConstraint("plant9", program: "plants")) {
      try solution.dual(named: "plant9")
    }
    #expect(
      SolutionError.unknownVariable("z", program: "plants").description
        == "program 'plants' has no variable named 'z'")
  }

  @Test func statusResponseHasNoValues() throws {
    // Given a fake that reports infeasibility
    let solver = FakeSolver(.status(.infeasible))

    // When a program is solved
    let solution = try solver.solve(plantsProgram())

    // Then there are no values, no duals and no shortfalls, and lookups by name say why
    #expect(solution.status == .infeasible)
    #expect(!solution.hasPrimalSolution)
    #expect(!solution.hasDuals)
    #expect(solution.objective.isNaN)
    #expect(solution.shortfalls.isEmpty)
    #expect(throws: SolutionError.noPrimalSolution(program: "plants", status: .infeasible)) {
      try solution.value(named: "x")
    }
    #expect(throws: SolutionError.noDuals(program: "plants", status: .infeasible)) {
      try solution.dual(named: "plant1")
    }
  }

  @Test func fakeValidatesLikeARealSolver() {
    // Given a program with two variables named "x"
    var program = LinearProgram(name: "twins")
    program.addVariable("x")
    program.addVariable("x")

    // When the fake solves it, then it throws the validation error and records nothing
    let solver = FakeSolver()
    #expect(throws: LinearProgramError.duplicateVariableName("x", first: 0, second: 1)) {
      try solver.solve(program)
    }
    #expect(solver.solvedPrograms.isEmpty)
  }

  @Test func shortfallsAreReadFromTheSlackValues() throws {
    // Given an over-demanded model with a soft demand row, and a fake that serves 6 of 10
    var program = LinearProgram(name: "over-demanded")
    let served = program.addVariable("served", objective: 1)
    program.addConstraint("capacity", [1 * served], .lessOrEqual, 6)
    let demand = program.addConstraint("demand", [1 * served], .greaterOrEqual, 10, soft: 1_000)
    let solver = FakeSolver(.optimal(objective: 4_006, values: ["served": 6, "demand#below": 4]))

    // When it is solved
    let solution = try solver.solve(program)

    // Then the demand row is reported 4 short, at a cost of 4000
    #expect(solution.shortfalls.count == 1)
    let shortfall = try #require(solution.shortfalls.first)
    #expect(shortfall.constraint == demand)
    #expect(shortfall.name == "demand")
    #expect(shortfall.side == .below)
    #expect(shortfall.amount == 4)
    #expect(shortfall.cost == 4_000)
    #expect(shortfall.description == "'demand' fell short by 4.0")
    #expect(solution.shortfall(of: demand) == 4)
    #expect(solution.shortfall(of: Constraint(index: 0)) == 0)
  }

  @Test func customResponseSeesTheProgram() throws {
    // Given a fake whose answer depends on the program
    let solver = FakeSolver(
      .custom { program in
        Solution(
          program: program, status: .timeLimit, objective: 1,
          primal: Array(repeating: 1, count: program.numberOfVariables), bestBound: 0.5)
      })

    // When a program is solved
    let solution = try solver.solve(plantsProgram())

    // Then the answer is the closure's, and the gap follows from the bound: |1 − 0.5| / 1
    #expect(solution.status == .timeLimit)
    #expect(solution.primal == [1, 1])
    #expect(solution.gap == 0.5)
  }
}

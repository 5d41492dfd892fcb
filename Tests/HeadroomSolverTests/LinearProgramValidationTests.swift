import HeadroomSolver
import Testing

/// `LinearProgram.validate()` rejects malformed programs with errors that name the culprit.
@Suite("Validating linear programs")
struct LinearProgramValidationTests {
  @Test func wellFormedProgramPasses() throws {
    // Given the plants model, when it is validated, then nothing is thrown
    try plantsProgram().validate()
  }

  @Test func duplicateVariableNamesAreRejected() {
    // Given two variables named "x"
    var program = LinearProgram(name: "twins")
    program.addVariable("x")
    program.addVariable("y")
    program.addVariable("x")

    // When it is validated, then the error names both holders
    #expect(throws: LinearProgramError.duplicateVariableName("x", first: 0, second: 2)) {
      try program.validate()
    }
    #expect(
      LinearProgramError.duplicateVariableName("x", first: 0, second: 2).description
        == "variables #0 and #2 are both named 'x': variable names must be unique")
  }

  @Test func duplicateConstraintNamesAreRejected() {
    // Given two constraints named "cap"
    var program = LinearProgram(name: "twins")
    let x = program.addVariable("x")
    program.addConstraint("cap", [1 * x], .lessOrEqual, 1)
    program.addConstraint("cap", [1 * x], .lessOrEqual, 2)

    // When it is validated, then the error names both holders
    #expect(throws: LinearProgramError.duplicateConstraintName("cap", first: 0, second: 1)) {
      try program.validate()
    }
  }

  @Test func emptyVariableBoundsAreRejected() {
    // Given a variable whose lower bound is above its upper bound
    var program = LinearProgram(name: "bounds")
    program.addVariable("x", lowerBound: 5, upperBound: 2)

    // When it is validated, then the error names the variable and the bounds
    #expect(
      throws: LinearProgramError.invalidVariableBounds(
        variable: "variable 'x' (#0)", lower: 5, upper: 2)
    ) {
      try program.validate()
    }
  }

  @Test func constraintWithoutAFiniteBoundIsRejected() {
    // Given a constraint `x <= +∞`
    var program = LinearProgram(name: "free")
    let x = program.addVariable("x")
    program.addConstraint("loose", [1 * x], .lessOrEqual, .infinity)

    // When it is validated, then the error names the constraint
    #expect(
      throws: LinearProgramError.invalidConstraintBounds(
        constraint: "constraint 'loose' (#0)", lower: -.infinity, upper: .infinity)
    ) {
      try program.validate()
    }
  }

  @Test func nonFiniteObjectiveIsRejected() {
    // Given an unnamed variable with an infinite cost
    var program = LinearProgram(name: "cost")
    program.addVariable(objective: .infinity)

    // When it is validated, then the error names the variable by index
    #expect(
      throws: LinearProgramError.nonFiniteObjective(variable: "variable #0", value: .infinity)
    ) {
      try program.validate()
    }
  }

  @Test func nonPositivePenaltyIsRejected() {
    // Given a soft constraint with penalty 0
    var program = LinearProgram(name: "free-lunch")
    let x = program.addVariable("x")
    program.addConstraint("demand", [1 * x], .greaterOrEqual, 1, soft: 0)

    // When it is validated, then the error names the constraint and the penalty
    #expect(
      throws: LinearProgramError.invalidPenalty(constraint: "constraint 'demand' (#0)", value: 0)
    ) {
      try program.validate()
    }
  }
}

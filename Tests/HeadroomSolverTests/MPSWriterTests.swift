import Foundation
import HeadroomSolver
import Testing

/// The free-MPS writer: sections, signs, bounds, markers and names.
@Suite("MPS writer")
struct MPSWriterTests {
  @Test func minimisationIsWrittenSectionBySection() throws {
    // Given min 3x + 5y + 2 s.t. x >= 4, 2y >= 12, 3x + 2y >= 18
    var program = LinearProgram(name: "covering")
    let x = program.addVariable("x", objective: 3)
    let y = program.addVariable("y", objective: 5)
    program.addConstraint("plant1", [1 * x], .greaterOrEqual, 4)
    program.addConstraint("plant2", [2 * y], .greaterOrEqual, 12)
    program.addConstraint("plant3", [3 * x, 2 * y], .greaterOrEqual, 18)
    program.objectiveOffset = 2

    // When it is written
    let text = try program.mpsString()

    // Then the file is exactly this (the objective constant 2 appears as RHS −2)
    #expect(
      text == """
        * Headroom LinearProgram 'covering': 2 variables (0 integer), 3 constraints, 4 coefficients.
        * Free MPS. The word FREE on the NAME line switches COIN-OR's reader to free format.
        NAME covering FREE
        ROWS
         N OBJ
         G plant1
         G plant2
         G plant3
        COLUMNS
         x OBJ 3
         x plant1 1
         x plant3 3
         y OBJ 5
         y plant2 2
         y plant3 2
        RHS
         RHS plant1 4
         RHS plant2 12
         RHS plant3 18
         RHS OBJ -2
        BOUNDS
        ENDATA

        """)
  }

  @Test func maximisationIsWrittenAsTheNegatedMinimisation() throws {
    // Given max 3x + 5y (the plants model)
    let program = plantsProgram()

    // When it is written
    let text = try program.mpsString()

    // Then the objective coefficients are negated and a comment says so
    #expect(text.contains("* Objective sense: MAXIMISE."))
    #expect(text.contains(" x OBJ -3\n"))
    #expect(text.contains(" y OBJ -5\n"))
    #expect(!text.contains("OBJSENSE\n"))
  }

  @Test func boundsIntegersAndRangesUseTheirSections() throws {
    // Given one variable of each bound kind, integer columns and a ranged row
    var program = LinearProgram(name: "kinds")
    let variables = [
      program.addVariable("free", lowerBound: -.infinity, upperBound: .infinity),
      program.addVariable("negative", lowerBound: -5, upperBound: -1),
      program.addVariable("below", lowerBound: -.infinity, upperBound: 3),
      program.addVariable("fixed", lowerBound: 2, upperBound: 2),
      program.addVariable("binary", upperBound: 1, isInteger: true),
      program.addVariable("count", lowerBound: 1, isInteger: true),
      program.addVariable("plain"),
    ]
    program.addConstraint("range", variables.map { 1 * $0 }, lowerBound: -2, upperBound: 7)

    // When it is written
    let text = try program.mpsString()

    // Then each kind has its bound lines, integers sit between markers, and the range is R = 9
    let bounds = try #require(text.components(separatedBy: "BOUNDS\n").last)
    #expect(
      bounds == """
         FR BND free
         UP BND negative -1
         LO BND negative -5
         UP BND below 3
         MI BND below
         FX BND fixed 2
         BV BND binary
         PL BND count
         LO BND count 1
        ENDATA

        """)
    #expect(
      text.contains(
        " MARKER 'MARKER' 'INTORG'\n binary range 1\n count range 1\n MARKER 'MARKER' 'INTEND'\n"))
    #expect(text.contains("RANGES\n RNG range 9\n"))
    #expect(text.contains(" G range\n"))
    #expect(text.contains(" RHS range -2\n"))
  }

  @Test func namesAreSanitisedAndMadeUnique() throws {
    // Given names with blanks, a clash after cleaning, a leading '*', and unnamed items
    var program = LinearProgram(name: "site plan")
    let a = program.addVariable("servers in hall A")
    let b = program.addVariable("servers_in_hall_A")
    let c = program.addVariable("*star")
    let d = program.addVariable()
    program.addConstraint("OBJ", [1 * a, 1 * b, 1 * c, 1 * d], .lessOrEqual, 1)
    program.addConstraint([1 * a], .lessOrEqual, 1)

    // When the MPS names are made
    let names = program.mpsNames()

    // Then they are unique, without blanks, and the objective row avoids the constraint's name
    #expect(names.variables == ["servers_in_hall_A", "servers_in_hall_A~1", "_*star", "C3"])
    #expect(names.constraints == ["OBJ", "R1"])
    #expect(names.objective == "OBJ~")
    #expect(try program.mpsString().contains("NAME site_plan FREE\n"))
  }

  @Test func longNamesAreCut() {
    // Given a 100-character name
    var program = LinearProgram(name: "long")
    program.addVariable(String(repeating: "x", count: 100))

    // When the MPS names are made, then it is cut to the limit
    #expect(program.mpsNames().variables[0].count == LinearProgram.mpsNameLimit)
  }

  @Test func columnWithoutCoefficientsIsStillDeclared() throws {
    // Given a variable that appears nowhere
    var program = LinearProgram(name: "idle")
    program.addVariable("idle", upperBound: 4)

    // When it is written, then COLUMNS still names it
    let text = try program.mpsString()
    #expect(text.contains("COLUMNS\n idle OBJ 0\n"))
    #expect(text.contains(" UP BND idle 4\n"))
  }

  @Test func writingAMalformedProgramThrows() {
    // Given two constraints with the same name
    var program = LinearProgram(name: "twins")
    let x = program.addVariable("x")
    program.addConstraint("c", [1 * x], .lessOrEqual, 1)
    program.addConstraint("c", [1 * x], .lessOrEqual, 1)

    // When it is written, then the validation error comes out
    #expect(throws: LinearProgramError.duplicateConstraintName("c", first: 0, second: 1)) {
      try program.mpsString()
    }
  }

  @Test func writeMPSWritesTheSameTextToAFile() throws {
    // Given the plants model and a temporary path
    let program = plantsProgram()
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "headroom-\(UUID().uuidString).mps")
    defer { try? FileManager.default.removeItem(at: url) }

    // When it is written to the file
    try program.writeMPS(to: url)

    // Then the file holds the MPS text
    #expect(try String(contentsOf: url, encoding: .utf8) == program.mpsString())
  }
}

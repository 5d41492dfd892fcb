import Foundation
import HeadroomCoinOR
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Models written by `LinearProgram.writeMPS(to:)` and read back by COIN-OR's own reader.
@Suite("MPS round trip")
struct MPSRoundTripTests {
  /// A fresh path in the temporary folder, removed by the caller.
  static func temporaryFile(_ name: String) -> URL {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("headroom-\(UUID().uuidString)-\(name).mps")
  }

  @Test func handLPReadBackByClpHasTheSameOptimum() throws {
    // Given the hand LP (a maximisation) written to MPS
    let program = HandModels.plants()
    let url = Self.temporaryFile("plants")
    defer { try? FileManager.default.removeItem(at: url) }
    try program.writeMPS(to: url)

    // When Clp_readMps reads it and CLP solves it
    let solution = try CoinORSolver().solveMPS(at: url)

    // Then the file's minimisation of the negated objective has optimum −36 at (2, 6), with the
    // same names (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.objective, -36, tolerance: 1e-6))
    #expect(isClose(try solution.value(named: "x"), 2, tolerance: 1e-6))
    #expect(isClose(try solution.value(named: "y"), 6, tolerance: 1e-6))
    #expect(isClose(try solution.dual(named: "plant2"), -1.5, tolerance: 1e-6))
  }

  @Test func everyBoundAndRowKindSurvivesTheRoundTrip() throws {
    // Given a model with each kind of bound and row, an integer column and an objective offset
    var program = LinearProgram(name: "kinds")
    let free = program.addVariable(
      "free", lowerBound: -.infinity, upperBound: .infinity, objective: 1)
    let negative = program.addVariable("negative", lowerBound: -5, upperBound: -1, objective: -2)
    let below = program.addVariable("below", lowerBound: -.infinity, upperBound: 3, objective: 1)
    let fixed = program.addVariable("fixed", lowerBound: 2, upperBound: 2, objective: 1)
    let binary = program.addVariable("binary", upperBound: 1, objective: -3, isInteger: true)
    let count = program.addVariable("count", lowerBound: 1, objective: 1, isInteger: true)
    let plain = program.addVariable("plain", objective: 3)
    program.addConstraint("range", [1 * free, 1 * plain], lowerBound: -2, upperBound: 7)
    program.addConstraint("balance", [1 * free, -below, 2 * negative], .equal, -4)
    program.addConstraint("floor", [1 * count, 1 * binary, 1 * plain], .greaterOrEqual, 2.5)
    program.addConstraint("cap", [1 * below, 1 * fixed], .lessOrEqual, 4)
    program.objectiveOffset = 10
    let url = Self.temporaryFile("kinds")
    defer { try? FileManager.default.removeItem(at: url) }
    try program.writeMPS(to: url)

    // When COIN-OR reads it back
    let read = try CoinORSolver.readMPS(at: url)

    // Then bounds, row bounds, integrality, names and the offset are as written (tolerance 1e-12)
    #expect(read.variableNames == program.variableNames)
    #expect(read.constraintNames == program.constraintNames)
    #expect(read.variableLowerBounds == program.variableLowerBounds)
    #expect(read.variableUpperBounds == program.variableUpperBounds)
    #expect(read.variableIsInteger == program.variableIsInteger)
    #expect(read.constraintLowerBounds == program.constraintLowerBounds)
    #expect(read.constraintUpperBounds == program.constraintUpperBounds)
    #expect(isClose(read.objectiveOffset, 10, tolerance: 1e-12))
    #expect(read.compressedColumns() == program.compressedColumns())

    // And both solve to the same optimum (tolerance 1e-6)
    let direct = try CoinORSolver().solve(program)
    let roundTrip = try CoinORSolver().solve(read)
    #expect(direct.status == .optimal)
    #expect(isClose(roundTrip.objective, direct.objective, tolerance: 1e-6))
    _ = (negative, below, fixed, binary, count)
  }

  @Test func randomSparseLPReadBackHasTheSameOptimum() throws {
    // Given a random covering LP with 400 rows, 300 unnamed columns and 2400 coefficients
    let program = HandModels.randomCovering(rows: 400, columns: 300, perRow: 6, seed: 3)
    let url = Self.temporaryFile("random")
    defer { try? FileManager.default.removeItem(at: url) }
    try program.writeMPS(to: url)

    // When Clp_readMps reads it and CLP solves it
    let direct = try CoinORSolver().solve(program)
    let roundTrip = try CoinORSolver().solveMPS(at: url)

    // Then the optima agree (relative tolerance 1e-9: the file keeps every digit)
    #expect(direct.status == .optimal)
    #expect(roundTrip.status == .optimal)
    #expect(isClose(roundTrip.objective, direct.objective, tolerance: 1e-9 * abs(direct.objective)))
  }

  @Test func objectiveSenseSectionIsHonoured() throws {
    // Given a hand-written free MPS file that states OBJSENSE MAX (which COIN-OR 2.10 ignores)
    let text = """
      NAME plants FREE
      OBJSENSE
          MAX
      ROWS
       N profit
       L plant1
       L plant2
       L plant3
      COLUMNS
       x profit 3 plant1 1
       x plant3 3
       y profit 5 plant2 2
       y plant3 2
      RHS
       RHS plant1 4 plant2 12
       RHS plant3 18
      ENDATA
      """
    let url = Self.temporaryFile("objsense")
    defer { try? FileManager.default.removeItem(at: url) }
    try text.write(to: url, atomically: true, encoding: .utf8)

    // When it is read and solved
    let solution = try CoinORSolver().solveMPS(at: url)

    // Then it is solved as a maximisation: 36 (tolerance 1e-6)
    #expect(solution.program.sense == .maximize)
    #expect(isClose(solution.objective, 36, tolerance: 1e-6))
  }

  @Test func missingFileIsReportedWithItsPath() throws {
    // Given a path with no file
    let url = Self.temporaryFile("missing")

    // When it is read, then the error names the path
    #expect(throws: CoinORError.fileNotFound(path: url.path)) {
      try CoinORSolver.readMPS(at: url)
    }
  }
}

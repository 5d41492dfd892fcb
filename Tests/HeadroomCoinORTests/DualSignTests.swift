import HeadroomCoinOR
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// The dual sign convention of `Solution.duals` — `dual = ∂ objective / ∂ rhs`, in the
/// objective's own sense — for both senses and both kinds of inequality.
@Suite("Dual signs")
struct DualSignTests {
  /// One sense × relation combination of the plants model and the duals expected for it.
  struct Case: Sendable, CustomTestStringConvertible {
    var sense: LinearProgram.Sense
    var relation: LinearProgram.Relation
    var objectiveSign: Double
    var objective: Double
    var duals: [Double]
    var testDescription: String { "\(sense), \(relation.symbol) rows" }
  }

  static let cases: [Case] = [
    // max 3x + 5y, <= rows: more capacity earns more, duals >= 0.
    Case(
      sense: .maximize, relation: .lessOrEqual, objectiveSign: 1, objective: 36, duals: [0, 1.5, 1]),
    // min 3x + 5y, >= rows: more demand costs more, duals >= 0.
    Case(
      sense: .minimize, relation: .greaterOrEqual, objectiveSign: 1, objective: 42,
      duals: [3, 2.5, 0]),
    // min -3x - 5y, <= rows: more capacity costs less, duals <= 0.
    Case(
      sense: .minimize, relation: .lessOrEqual, objectiveSign: -1, objective: -36,
      duals: [0, -1.5, -1]),
    // max -3x - 5y, >= rows: more demand earns less, duals <= 0.
    Case(
      sense: .maximize, relation: .greaterOrEqual, objectiveSign: -1, objective: -42,
      duals: [-3, -2.5, 0]),
  ]

  @Test(arguments: cases)
  func dualIsTheObjectiveChangePerUnitOfRightHandSide(_ example: Case) throws {
    // Given the plants model in this sense, with these rows
    let program = HandModels.plants(
      sense: example.sense, relation: example.relation, objectiveSign: example.objectiveSign)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then the objective and the duals have the documented values and signs (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.objective, example.objective, tolerance: 1e-6))
    #expect(isClose(solution.duals, example.duals, tolerance: 1e-6))

    // And each dual matches the objective's change when that right-hand side grows by 0.01
    // (a finite difference inside the optimal basis, tolerance 1e-6)
    for row in 0..<3 {
      var rhs: [Double] = [4, 12, 18]
      rhs[row] += 0.01
      let moved = try CoinORSolver().solve(
        HandModels.plants(
          sense: example.sense, relation: example.relation, objectiveSign: example.objectiveSign,
          rhs: rhs))
      #expect(isClose((moved.objective - solution.objective) / 0.01, example.duals[row], tolerance: 1e-6))
    }
  }

  @Test func reducedCostIsObjectiveCoefficientMinusPricedColumn() throws {
    // Given min 2x + 3y s.t. x + y >= 4: x is cheaper, y stays at its bound 0
    var program = LinearProgram(name: "cheaper")
    let x = program.addVariable("x", objective: 2)
    let y = program.addVariable("y", objective: 3)
    let demand = program.addConstraint("demand", [1 * x, 1 * y], .greaterOrEqual, 4)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then the demand's dual is 2 and y's reduced cost is 3 − 2 = 1: forcing one unit of y in
    // costs 1 more (tolerance 1e-6)
    #expect(isClose(solution.dual(of: demand), 2, tolerance: 1e-6))
    #expect(isClose(solution.reducedCost(of: y), 1, tolerance: 1e-6))
    #expect(isClose(solution.reducedCost(of: x), 0, tolerance: 1e-6))
  }

  @Test func equalityRowDualFollowsTheSameRule() throws {
    // Given max x + 2y s.t. x + y = 5, y <= 3
    var program = LinearProgram(name: "balance", sense: .maximize)
    let x = program.addVariable("x", objective: 1)
    let y = program.addVariable("y", objective: 2)
    let balance = program.addConstraint("balance", [1 * x, 1 * y], .equal, 5)
    let cap = program.addConstraint("cap", [1 * y], .lessOrEqual, 3)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then the optimum is 8 at (2, 3): one more unit of balance is one more x (+1), one more
    // unit of cap swaps an x for a y (+1) (tolerance 1e-6)
    #expect(isClose(solution.objective, 8, tolerance: 1e-6))
    #expect(isClose(solution.dual(of: balance), 1, tolerance: 1e-6))
    #expect(isClose(solution.dual(of: cap), 1, tolerance: 1e-6))
  }
}

import Foundation
import HeadroomModel
import HeadroomSolver

/// Small models solved by hand, shared by the tests.
enum HandModels {
  /// `max 3x + 5y` subject to `x <= 4`, `2y <= 12`, `3x + 2y <= 18`: 36 at (2, 6), duals (0, 1.5, 1).
  ///
  /// With `relation: .greaterOrEqual` and `sense: .minimize` it is the covering twin
  /// `min 3x + 5y` subject to `x >= 4`, `2y >= 12`, `3x + 2y >= 18`: 42 at (4, 6), duals (3, 2.5, 0).
  /// `objectiveSign: -1` negates the objective.
  static func plants(
    sense: LinearProgram.Sense = .maximize,
    relation: LinearProgram.Relation = .lessOrEqual,
    objectiveSign: Double = 1,
    rhs: [Double] = [4, 12, 18]
  ) -> LinearProgram {
    var program = LinearProgram(name: "plants", sense: sense)
    let x = program.addVariable("x", objective: 3 * objectiveSign)
    let y = program.addVariable("y", objective: 5 * objectiveSign)
    program.addConstraint("plant1", [1 * x], relation, rhs[0])
    program.addConstraint("plant2", [2 * y], relation, rhs[1])
    program.addConstraint("plant3", [3 * x, 2 * y], relation, rhs[2])
    return program
  }

  /// `max 5x + 4y` subject to `6x + 4y <= 24`, `x + 2y <= 6`, x, y >= 0: the LP optimum is 21 at
  /// (3, 1.5); with x and y integer the optimum is 20 at (4, 0).
  static func fractionalRelaxation(integer: Bool, capacity: Double = 24) -> LinearProgram {
    var program = LinearProgram(name: "wyndor", sense: .maximize)
    let x = program.addVariable("x", objective: 5, isInteger: integer)
    let y = program.addVariable("y", objective: 4, isInteger: integer)
    program.addConstraint("material", [6 * x, 4 * y], .lessOrEqual, capacity)
    program.addConstraint("labour", [1 * x, 2 * y], .lessOrEqual, 6)
    return program
  }

  /// The integer optimum of ``fractionalRelaxation(integer:capacity:)``, by enumeration.
  static func fractionalRelaxationOptimum(capacity: Double) -> Double {
    var best = -Double.infinity
    for x in 0...30 {
      for y in 0...30 where 6 * Double(x) + 4 * Double(y) <= capacity && Double(x + 2 * y) <= 6 {
        best = max(best, 5 * Double(x) + 4 * Double(y))
      }
    }
    return best
  }

  /// A random covering LP `min c·x` subject to `A x >= 1`, x >= 0, with `perRow` positive coefficients
  /// in each of `rows` rows over `columns` columns: always feasible and bounded.
  static func randomCovering(rows: Int, columns: Int, perRow: Int, seed: UInt64) -> LinearProgram {
    var random = SplitMix64(seed: seed)
    var program = LinearProgram(name: "covering")
    program.reserveCapacity(variables: columns, constraints: rows, entries: rows * perRow)
    let variables = (0..<columns).map { _ in
      program.addVariable(objective: 1 + random.unit())
    }
    for _ in 0..<rows {
      var terms: [LinearProgram.Term] = []
      for _ in 0..<perRow {
        terms.append((0.1 + random.unit()) * variables[random.next(below: columns)])
      }
      program.addConstraint(terms, .greaterOrEqual, 1)
    }
    return program
  }
}

import HeadroomSolver
import Testing

/// Building a `LinearProgram`: handles, names, bounds, the compressed matrix and validation.
@Suite("Building linear programs")
struct LinearProgramBuildingTests {
  @Test func handlesAreNumberedInTheOrderOfAddition() {
    // Given an empty program
    var program = LinearProgram(name: "order")

    // When two variables and two constraints are added
    let x = program.addVariable("x")
    let y = program.addVariable(lowerBound: -1, upperBound: 1, objective: 2, isInteger: true)
    let first = program.addConstraint("first", [1 * x], .lessOrEqual, 1)
    let second = program.addConstraint([1 * x, -y], lowerBound: 0, upperBound: 2)

    // Then handles, sizes, bounds and names follow that order
    #expect([x.index, y.index, first.index, second.index] == [0, 1, 0, 1])
    #expect(program.numberOfVariables == 2)
    #expect(program.numberOfConstraints == 2)
    #expect(program.numberOfEntries == 3)
    #expect(program.numberOfIntegerVariables == 1)
    #expect(program.isMixedInteger)
    #expect(program.name(of: x) == "x")
    #expect(program.name(of: y) == nil)
    #expect(program.lowerBound(of: y) == -1 && program.upperBound(of: y) == 1)
    #expect(program.objectiveCoefficient(of: y) == 2)
    #expect(program.bounds(of: first) == (-.infinity, 1))
    #expect(program.bounds(of: second) == (0, 2))
    #expect(program.terms(of: second) == [1 * x, -1 * y])
  }

  @Test func relationsBecomeRowBounds() {
    // Given the three relations with right-hand side 5
    let relations: [LinearProgram.Relation] = [.lessOrEqual, .greaterOrEqual, .equal]

    // When each is turned into row bounds, then they are (-∞, 5), (5, ∞) and (5, 5)
    #expect(relations.map { $0.bounds(rhs: 5).lower } == [-.infinity, 5, 5])
    #expect(relations.map { $0.bounds(rhs: 5).upper } == [5, .infinity, 5])
  }

  @Test func compressedColumnsSortRowsAndSumDuplicates() {
    // Given a program built column by column, out of row order, with x twice in row 1
    var program = LinearProgram(name: "columns")
    let rows = (0..<3).map { program.addConstraint("r\($0)", [], .lessOrEqual, 10) }
    let x = program.addVariable("x")
    let y = program.addVariable("y")
    let z = program.addVariable("z")
    program.addTerm(2 * x, to: rows[2])
    program.addTerm(1 * x, to: rows[1])
    program.addTerm(4 * y, to: rows[0])
    program.addTerm(0.5 * x, to: rows[1])
    program.addTerm(3 * x, to: rows[0])

    // When the matrix is compressed by column
    let matrix = program.compressedColumns()

    // Then each column lists its rows in order, the duplicate is summed, and z is empty
    #expect(matrix.columnStarts == [0, 3, 4, 4])
    #expect(matrix.rowIndices == [0, 1, 2, 0])
    #expect(matrix.values == [3, 1.5, 2, 4])
    #expect(matrix.numberOfColumns == 3)
    _ = z
  }

  @Test func compressedColumnsOfARowWiseModelMatchTheTerms() {
    // Given the plants model, built row by row
    let program = plantsProgram()

    // When the matrix is compressed by column
    let matrix = program.compressedColumns()

    // Then x sits in rows 0 and 2 and y in rows 1 and 2
    #expect(matrix.columnStarts == [0, 2, 4])
    #expect(matrix.rowIndices == [0, 2, 1, 2])
    #expect(matrix.values == [1, 3, 2, 2])
  }

  @Test func namesAreLookedUpAndCopiesKeepTheirOwn() {
    // Given a program with named variables, looked up once so that its dictionary is built
    var original = LinearProgram(name: "names")
    let x = original.addVariable("x")
    #expect(original.variable(named: "x") == x)

    // When a copy gains a variable and a constraint with new names
    var copy = original
    let y = copy.addVariable("y")
    let cap = copy.addConstraint("cap", [1 * y], .lessOrEqual, 1)

    // Then the copy finds them and the original does not
    #expect(copy.variable(named: "y") == y)
    #expect(copy.constraint(named: "cap") == cap)
    #expect(copy.variable(named: "x") == x)
    #expect(original.variable(named: "y") == nil)
    #expect(original.constraint(named: "cap") == nil)
  }

  @Test func copiesThatDivergeBeforeTheFirstLookupStayApart() {
    // Given a program copied before any name lookup
    var first = LinearProgram(name: "fork")
    first.addVariable("shared")
    var second = first

    // When each copy adds a different name at the same index and both look up
    first.addVariable("left")
    second.addVariable("right")

    // Then each sees only its own name
    #expect(first.variable(named: "left")?.index == 1)
    #expect(first.variable(named: "right") == nil)
    #expect(second.variable(named: "right")?.index == 1)
    #expect(second.variable(named: "left") == nil)
  }

  @Test func softConstraintGetsASlackPricedInTheObjectiveSense() {
    // Given a minimisation and a maximisation, each with a soft >= row at penalty 100
    for sense in LinearProgram.Sense.allCases {
      var program = LinearProgram(name: "soft", sense: sense)
      let x = program.addVariable("x")
      let demand = program.addConstraint("demand", [1 * x], .greaterOrEqual, 10, soft: 100)

      // When the slack is looked up
      let slack = program.variable(named: "demand#below")

      // Then it exists, enters the row with +1 and is priced against the objective's direction
      #expect(slack != nil)
      #expect(program.penalty(of: demand) == 100)
      #expect(program.terms(of: demand) == [1 * x, 1 * slack!])
      #expect(program.objectiveCoefficient(of: slack!) == (sense == .minimize ? 100 : -100))
      #expect(program.isSlack(slack!))
      #expect(!program.isSlack(x))
    }
  }

  @Test func softEqualityGetsASlackOnEachSide() {
    // Given a soft = row
    var program = LinearProgram(name: "soft")
    let x = program.addVariable("x")
    let balance = program.addConstraint("balance", [1 * x], .equal, 3, soft: 7)

    // When its terms are listed, then one slack adds and one subtracts
    let below = program.variable(named: "balance#below")!
    let above = program.variable(named: "balance#above")!
    #expect(program.terms(of: balance) == [1 * x, 1 * below, -1 * above])
    #expect(program.numberOfVariables == 3)
  }

  @Test func softConstraintThatGainsABoundGainsItsSlack() {
    // Given a soft <= row
    var program = LinearProgram(name: "soft")
    let x = program.addVariable("x")
    let cap = program.addConstraint("cap", [1 * x], .lessOrEqual, 3, soft: 7)
    #expect(program.variable(named: "cap#below") == nil)

    // When it becomes ranged
    program.setBounds(of: cap, lower: 1, upper: 3)

    // Then it has a slack on each side
    #expect(program.variable(named: "cap#below") != nil)
    #expect(program.variable(named: "cap#above") != nil)
  }
}

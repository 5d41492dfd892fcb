import HeadroomCoinOR
import HeadroomSolver
import HeadroomTestSupport
import Testing

/// Soft constraints: a plan with more demand than supply solves and reports its shortfalls.
@Suite("Elastic mode")
struct ElasticTests {
  /// `min x` subject to capacity `x <= 6` (hard) and demand `x >= 10`, soft or hard.
  static func overDemanded(penalty: Double?) -> LinearProgram {
    var program = LinearProgram(name: "over-demanded")
    let served = program.addVariable("served", objective: 1)
    program.addConstraint("capacity", [1 * served], .lessOrEqual, 6)
    program.addConstraint("demand", [1 * served], .greaterOrEqual, 10, soft: penalty)
    return program
  }

  @Test func hardOverDemandIsInfeasible() throws {
    // Given demand 10 against capacity 6, both hard
    let program = Self.overDemanded(penalty: nil)

    // When CLP solves it, then it is infeasible
    #expect(try CoinORSolver().solve(program).status == .infeasible)
  }

  @Test func softOverDemandSolvesAndReportsTheShortfall() throws {
    // Given demand 10 against capacity 6, with the demand soft at 1000 per unit short
    let program = Self.overDemanded(penalty: 1_000)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then it is optimal: 6 served, the demand row fell short by 4, costing 6 + 4 × 1000
    // (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(try solution.value(named: "served"), 6, tolerance: 1e-6))
    #expect(isClose(solution.objective, 4_006, tolerance: 1e-6))
    #expect(solution.shortfalls.count == 1)
    let shortfall = try #require(solution.shortfalls.first)
    #expect(shortfall.name == "demand")
    #expect(shortfall.constraint == program.constraint(named: "demand"))
    #expect(shortfall.side == .below)
    #expect(isClose(shortfall.amount, 4, tolerance: 1e-6))
    #expect(isClose(shortfall.cost, 4_000, tolerance: 1e-6))
    #expect(isClose(try solution.value(named: "demand#below"), 4, tolerance: 1e-6))

    // And the duals speak planner: one more unit of demand costs the penalty, one more unit of
    // capacity saves the penalty less the unit cost
    #expect(isClose(try solution.dual(named: "demand"), 1_000, tolerance: 1e-6))
    #expect(isClose(try solution.dual(named: "capacity"), -999, tolerance: 1e-6))
  }

  @Test func softDemandThatCanBeMetHasNoShortfall() throws {
    // Given demand 5 against capacity 6, the demand soft
    var program = Self.overDemanded(penalty: 1_000)
    program.setBounds(
      of: try #require(program.constraint(named: "demand")), lower: 5, upper: .infinity)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then all demand is served and nothing is reported short (tolerance 1e-6)
    #expect(isClose(solution.objective, 5, tolerance: 1e-6))
    #expect(solution.shortfalls.isEmpty)
  }

  @Test func softCapacityInAMaximisationReportsTheExcess() throws {
    // Given max 5x with a hard demand x >= 10 and a soft capacity x <= 6 at 100 per unit over
    var program = LinearProgram(name: "overrun", sense: .maximize)
    let x = program.addVariable("x", objective: 5)
    let capacity = program.addConstraint("capacity", [1 * x], .lessOrEqual, 6, soft: 100)
    program.addConstraint("demand", [1 * x], .greaterOrEqual, 10)

    // When CLP solves it
    let solution = try CoinORSolver().solve(program)

    // Then x = 10, capacity is exceeded by 4, and the penalty is subtracted: 50 − 400
    // (tolerance 1e-6)
    #expect(isClose(solution.value(of: x), 10, tolerance: 1e-6))
    #expect(isClose(solution.objective, -350, tolerance: 1e-6))
    #expect(solution.shortfalls.map(\.side) == [.above])
    #expect(isClose(solution.shortfall(of: capacity), 4, tolerance: 1e-6))
  }

  @Test func softConstraintsWorkInMixedIntegerPrograms() throws {
    // Given integer servers of 4 units each, at most 2 of them, against a soft demand of 10
    var program = LinearProgram(name: "servers")
    let servers = program.addVariable("servers", upperBound: 2, objective: 1, isInteger: true)
    program.addConstraint("demand", [4 * servers], .greaterOrEqual, 10, soft: 50)

    // When CBC solves it
    let solution = try CoinORSolver().solve(program)

    // Then 2 servers run and the demand falls short by 2 (tolerance 1e-6)
    #expect(solution.status == .optimal)
    #expect(isClose(solution.value(of: servers), 2, tolerance: 1e-6))
    #expect(isClose(try #require(solution.shortfalls.first).amount, 2, tolerance: 1e-6))
    #expect(isClose(solution.objective, 2 + 2 * 50, tolerance: 1e-6))
  }
}

import Foundation
import HeadroomSolver
import HeadroomTestSupport
import Testing

@testable import HeadroomCoinOR

/// CBC runs under one process-wide lock; CLP solves run side by side.
@Suite("Concurrency")
struct ConcurrencyTests {
  @Test func twoHundredConcurrentMIPSolvesAllReturnTheirOwnOptimum() async throws {
    // Given 200 integer programs, each with its own capacity and so its own optimum
    let capacities = (0..<200).map { 12 + Double($0 % 25) }
    let solver = CoinORSolver()

    // When they are solved from 200 concurrent tasks
    let results = try await withThrowingTaskGroup(of: (Int, Solution).self) { group in
      for (index, capacity) in capacities.enumerated() {
        group.addTask {
          (
            index,
            try solver.solve(HandModels.fractionalRelaxation(integer: true, capacity: capacity))
          )
        }
      }
      var results: [Int: Solution] = [:]
      for try await (index, solution) in group { results[index] = solution }
      return results
    }

    // Then every solve is optimal with the optimum found by enumeration (tolerance 1e-6)
    #expect(results.count == 200)
    for (index, capacity) in capacities.enumerated() {
      let solution = try #require(results[index])
      #expect(solution.status == .optimal)
      #expect(
        isClose(solution.objective, HandModels.fractionalRelaxationOptimum(capacity: capacity), tolerance: 1e-6))
    }
    // And CBC never ran two solves at once
    #expect(SolverActivity.cbc.peak == 1)
  }

  @Test func clpSolvesRunInParallel() throws {
    // Given one random covering LP that takes CLP a few tenths of a second
    let program = HandModels.randomCovering(rows: 600, columns: 600, perRow: 10, seed: 11)
    let reference = try CoinORSolver().solve(program)

    // When two threads solve it at the same time
    let group = DispatchGroup()
    let results = ResultBox()
    for slot in 0..<2 {
      group.enter()
      Thread.detachNewThread {
        results.set(slot, Result { try CoinORSolver().solve(program) })
        group.leave()
      }
    }
    group.wait()

    // Then both get the same optimum (tolerance 1e-6 relative) and their CLP calls overlapped
    for slot in 0..<2 {
      let solution = try results.get(slot)
      #expect(solution.status == .optimal)
      #expect(
        isClose(solution.objective, reference.objective, tolerance: 1e-6 * abs(reference.objective))
      )
    }
    #expect(SolverActivity.clp.peak >= 2)
  }

  /// Results written by threads, read after they finish.
  final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Int: Result<Solution, any Error>] = [:]

    func set(_ slot: Int, _ result: Result<Solution, any Error>) {
      lock.withLock { results[slot] = result }
    }

    func get(_ slot: Int) throws -> Solution {
      try lock.withLock { results[slot] }!.get()
    }
  }
}

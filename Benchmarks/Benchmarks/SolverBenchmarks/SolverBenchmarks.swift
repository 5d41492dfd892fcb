import Benchmark
import HeadroomCoinOR
import HeadroomModel
import HeadroomSolver

// Build and solve random sparse covering LPs at about 10^4, 10^5 and 10^6 nonzeros:
//
//     min c·x  s.t.  A x >= 1,  x >= 0,   c_j in [1, 2),  a_ij in [0.1, 1.1)
//
// with 10 nonzeros in each row, four columns per row, and a fixed seed. Such a model is always
// feasible (every coefficient is positive) and bounded (c > 0, x >= 0). Row i draws its columns
// from a window of 41 columns around column 4i, the locality that planner models have (a
// country's years touch their neighbours, not the whole world); with columns drawn from the
// whole range instead, the simplex bases of random sparse matrices fill in so badly that CLP
// needs 0.9 s at 10^4 nonzeros (0.04 s with the window), and the gap widens with size.
//
// "LP build" times the LinearProgram API alone (addVariable, addConstraint with its terms) on
// numbers drawn beforehand; "LP solve" times CoinORSolver.solve on the built model, which
// includes compressing the matrix by column, loading it into CLP, solving and copying the
// primal values, duals and reduced costs back.

let benchmarks: @Sendable () -> Void = {
  for size in RandomCovering.sizes {
    let data = RandomCovering(nonzeros: size.nonzeros, perRow: 10, seed: 2_026)

    Benchmark(
      "LP build \(size.label) nnz",
      configuration: .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(10),
        maxIterations: size.buildIterations)
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(data.build())
      }
    }

    let program = data.build()
    Benchmark(
      "LP solve \(size.label) nnz",
      configuration: .init(
        metrics: [.wallClock, .peakMemoryResident],
        maxDuration: .seconds(120),
        maxIterations: size.solveIterations)
    ) { benchmark in
      for _ in benchmark.scaledIterations {
        let solution = try CoinORSolver().solve(program)
        precondition(solution.status == .optimal, "LP solve \(size.label): \(solution.status)")
        blackHole(solution)
      }
    }
  }
}

/// A random covering LP's numbers, drawn once so that the build benchmark times only the API.
struct RandomCovering: Sendable {
  /// One benchmarked size.
  struct Size: Sendable {
    var label: String
    var nonzeros: Int
    var buildIterations: Int
    var solveIterations: Int
  }

  static let sizes = [
    Size(label: "1e4", nonzeros: 10_000, buildIterations: 200, solveIterations: 50),
    Size(label: "1e5", nonzeros: 100_000, buildIterations: 50, solveIterations: 10),
    Size(label: "1e6", nonzeros: 1_000_000, buildIterations: 10, solveIterations: 3),
  ]

  let rows: Int
  let columns: Int
  let perRow: Int
  let costs: [Double]
  let columnOfEntry: [Int]
  let valueOfEntry: [Double]

  init(nonzeros: Int, perRow: Int, columnsPerRow: Int = 4, window: Int = 20, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    rows = nonzeros / perRow
    columns = rows * columnsPerRow
    self.perRow = perRow
    costs = (0..<columns).map { _ in 1 + random.unit() }
    var columnOfEntry: [Int] = []
    columnOfEntry.reserveCapacity(rows * perRow)
    for row in 0..<rows {
      for _ in 0..<perRow {
        let offset = random.next(below: 2 * window + 1) - window
        columnOfEntry.append((row * columnsPerRow + offset + columns) % columns)
      }
    }
    self.columnOfEntry = columnOfEntry
    valueOfEntry = (0..<rows * perRow).map { _ in 0.1 + random.unit() }
  }

  /// Builds the program through the public API, as a planner would.
  func build() -> LinearProgram {
    var program = LinearProgram(name: "covering")
    program.reserveCapacity(variables: columns, constraints: rows, entries: rows * perRow)
    var variables: [Variable] = []
    variables.reserveCapacity(columns)
    for column in 0..<columns {
      variables.append(program.addVariable(objective: costs[column]))
    }
    var terms: [LinearProgram.Term] = []
    terms.reserveCapacity(perRow)
    for row in 0..<rows {
      terms.removeAll(keepingCapacity: true)
      for entry in (row * perRow)..<((row + 1) * perRow) {
        terms.append(valueOfEntry[entry] * variables[columnOfEntry[entry]])
      }
      program.addConstraint(terms, .greaterOrEqual, 1)
    }
    return program
  }
}

import HeadroomSolver

/// The live solver: COIN-OR CLP for linear programs, CBC for mixed-integer programs.
///
/// ```swift
/// let solution = try CoinORSolver().solve(program, options: SolveOptions(timeLimit: .seconds(30)))
/// ```
///
/// Both libraries' logs are silenced. The whole matrix goes to the library in one call
/// (`Clp_loadProblem` / `Cbc_loadProblem`, compressed by column).
///
/// **Threads.** CLP models are independent, so LP solves run in parallel from as many tasks or
/// threads as call them. CBC is not thread-safe: every CBC model is created, solved and deleted
/// under one process-wide lock, so MIP solves from many tasks queue up and run one at a time.
///
/// **Results.** LP solutions carry primal values, duals and reduced costs with the sign
/// convention documented on ``Solution/duals`` (CLP's own, for either sense). MIP solutions
/// carry primal values and ``Solution/bestBound``, and no duals. A time limit ends the solve with
/// ``TerminationStatus/timeLimit``, keeping CBC's incumbent if it has one.
public struct CoinORSolver: LinearSolver {
  /// Creates the solver.
  ///
  /// It holds no state: one value serves every task.
  /// A solver; the first one made in a process applies ``AllocatorTuning`` (COIN-OR models are built and
  /// freed by the hundred per walls run).
  public init() { _ = AllocatorTuning.applied }

  public func solve(_ program: LinearProgram, options: SolveOptions) throws -> Solution {
    try program.validate()
    let input = LoadedProblem(program)
    return program.isMixedInteger
      ? solveWithCBC(program, input, options)
      : solveWithCLP(program, input, options)
  }
}

/// A program's arrays as COIN-OR's `loadProblem` calls take them, with infinities as ±DBL_MAX.
struct LoadedProblem {
  var matrix: LinearProgram.CompressedColumns
  var columnLower: [Double]
  var columnUpper: [Double]
  var objective: [Double]
  var rowLower: [Double]
  var rowUpper: [Double]

  /// COIN-OR's infinity, `COIN_DBL_MAX`.
  static let infinity = Double.greatestFiniteMagnitude

  init(_ program: LinearProgram) {
    func finite(_ values: [Double]) -> [Double] {
      values.map { $0 == .infinity ? Self.infinity : $0 == -.infinity ? -Self.infinity : $0 }
    }
    matrix = program.compressedColumns()
    // Keep one element in each index array so that no pointer handed to C is null.
    if matrix.values.isEmpty {
      matrix.rowIndices = [0]
      matrix.values = [0]
    }
    columnLower = finite(program.variableLowerBounds)
    columnUpper = finite(program.variableUpperBounds)
    objective = program.objectiveCoefficients
    rowLower = finite(program.constraintLowerBounds)
    rowUpper = finite(program.constraintUpperBounds)
    if objective.isEmpty {
      columnLower = [0]
      columnUpper = [0]
      objective = [0]
    }
    if rowLower.isEmpty {
      rowLower = [0]
      rowUpper = [0]
    }
  }

  /// Calls `body` with pointers to every array, in `loadProblem`'s argument order.
  func withPointers<Result>(
    _ body: (
      _ starts: UnsafePointer<Int32>, _ rows: UnsafePointer<Int32>, _ values: UnsafePointer<Double>,
      _ columnLower: UnsafePointer<Double>, _ columnUpper: UnsafePointer<Double>,
      _ objective: UnsafePointer<Double>, _ rowLower: UnsafePointer<Double>,
      _ rowUpper: UnsafePointer<Double>
    ) -> Result
  ) -> Result {
    matrix.columnStarts.withUnsafeBufferPointer { starts in
      matrix.rowIndices.withUnsafeBufferPointer { rows in
        matrix.values.withUnsafeBufferPointer { values in
          columnLower.withUnsafeBufferPointer { columnLower in
            columnUpper.withUnsafeBufferPointer { columnUpper in
              objective.withUnsafeBufferPointer { objective in
                rowLower.withUnsafeBufferPointer { rowLower in
                  rowUpper.withUnsafeBufferPointer { rowUpper in
                    body(
                      starts.baseAddress!, rows.baseAddress!, values.baseAddress!,
                      columnLower.baseAddress!, columnUpper.baseAddress!, objective.baseAddress!,
                      rowLower.baseAddress!, rowUpper.baseAddress!)
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}

/// Copies `count` doubles from a C array; NaNs if the library returned no array.
func copyDoubles(_ pointer: UnsafePointer<Double>?, count: Int) -> [Double] {
  guard count > 0 else { return [] }
  guard let pointer else { return Array(repeating: .nan, count: count) }
  return Array(UnsafeBufferPointer(start: pointer, count: count))
}

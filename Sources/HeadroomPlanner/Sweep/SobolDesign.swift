/// The Saltelli design of a Sobol study: which inputs model run number `index` uses.
///
/// N base rows, k inputs, N × (k + 2) runs. Row r draws 2k uniforms from ``SweepRandom`` keyed by
/// (seed, r): the first k are row r of matrix A, the next k row r of matrix B. Runs are numbered row
/// by row, `index = r × (k + 2) + block`, with block 0 = A, 1 = B and 2 + i = A_B^(i) (A with
/// column i from B). So every run depends only on (seed, index): shards run anywhere reproduce one
/// study exactly, and `--shard i/n` (index mod n) spreads every block over every shard.
public struct SobolDesign: Sendable, Hashable {
  /// Which matrix a run belongs to.
  public enum Block: Sendable, Hashable {
    case a
    case b
    /// A with column `i` (0-based input) from B.
    case ab(Int)
  }

  /// Number of inputs (k).
  public var inputs: Int
  /// Number of base rows (N).
  public var baseSamples: Int

  public init(inputs: Int, baseSamples: Int) {
    self.inputs = inputs
    self.baseSamples = baseSamples
  }

  /// Runs per row, k + 2.
  public var blocks: Int { inputs + 2 }

  /// Model runs in all, N × (k + 2).
  public var runs: Int { baseSamples * blocks }

  /// The row and block of a run.
  public func position(of index: Int) -> (row: Int, block: Block) {
    let row = index / blocks
    switch index % blocks {
    case 0: return (row, .a)
    case 1: return (row, .b)
    case let column: return (row, .ab(column - 2))
    }
  }

  /// The run number of a row and block.
  public func index(row: Int, block: Block) -> Int {
    switch block {
    case .a: return row * blocks
    case .b: return row * blocks + 1
    case .ab(let column): return row * blocks + 2 + column
    }
  }

  /// The inputs of a run as uniform draws in [0, 1), one per input.
  public func unitInputs(at index: Int, seed: UInt64) -> [Double] {
    let (row, block) = position(of: index)
    var random = SweepRandom(seed: seed, sample: row)
    let a = (0..<inputs).map { _ in random.unit() }
    let b = (0..<inputs).map { _ in random.unit() }
    switch block {
    case .a: return a
    case .b: return b
    case .ab(let column):
      var mixed = a
      mixed[column] = b[column]
      return mixed
    }
  }

  /// Arranges one output per run into the estimator's matrices, using only the rows whose k + 2 runs
  /// are all present (`value` returns nil for a run that is missing).
  public func outputs(_ value: (Int) -> Double?) -> (outputs: SobolEstimator.Outputs, rows: [Int]) {
    var a: [Double] = []
    var b: [Double] = []
    var ab = [[Double]](repeating: [], count: inputs)
    var rows: [Int] = []
    rowLoop: for row in 0..<baseSamples {
      var values: [Double] = []
      for block in 0..<blocks {
        guard let output = value(row * blocks + block) else { continue rowLoop }
        values.append(output)
      }
      rows.append(row)
      a.append(values[0])
      b.append(values[1])
      for column in 0..<inputs { ab[column].append(values[2 + column]) }
    }
    return (SobolEstimator.Outputs(a: a, b: b, ab: ab), rows)
  }
}

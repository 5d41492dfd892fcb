import HeadroomModel

/// Variance-based sensitivity indices from the model outputs of a Saltelli design (pure arithmetic).
///
/// With N base rows and k inputs, the design evaluates the model on two independent N × k matrices
/// A and B and on the k matrices A_B^(i) (A with column i taken from B). From those outputs:
///
/// - first-order index (Saltelli et al. 2010, Table 2 (b)):
///   S_i = (1/N) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j) / V
/// - total-order index (Jansen 1999; Saltelli et al. 2010, Table 2 (f)):
///   ST_i = (1/2N) Σ_j (f(A)_j − f(A_B^(i))_j)² / V
///
/// where V is the (population) variance of the 2N outputs of A and B. Outputs are centred on the mean
/// of A and B first, which leaves ST and V unchanged and takes the mean's noise out of S_i. Confidence
/// intervals come from a bootstrap over rows (a resample draws N rows with replacement and keeps the
/// A, B and A_B rows of each together), as percentile intervals at the stated level.
///
/// Reference: A. Saltelli et al., "Variance based sensitivity analysis of model output. Design and
/// estimator for the total sensitivity index", Computer Physics Communications 181 (2010) 259–270.
///
/// For example, for the Ishigami function (a = 7, b = 0.1) the indices approach S = (0.314, 0.442, 0)
/// and ST = (0.558, 0.442, 0.244) as N grows.
public enum SobolEstimator {
  /// The model outputs of one Saltelli design, for one output quantity.
  public struct Outputs: Sendable, Hashable {
    /// f(A), one value per row.
    public var a: [Double]
    /// f(B), one value per row.
    public var b: [Double]
    /// f(A_B^(i)): `ab[i][j]` is row j of the matrix whose column i comes from B.
    public var ab: [[Double]]

    public init(a: [Double], b: [Double], ab: [[Double]]) {
      self.a = a
      self.b = b
      self.ab = ab
    }

    /// Rows (N).
    public var rows: Int { a.count }
  }

  /// Point estimates for one output.
  public struct Indices: Sendable, Hashable, Codable {
    /// First-order index of each input, in input order.
    public var firstOrder: [Double]
    /// Total-order index of each input, in input order.
    public var totalOrder: [Double]
    /// Mean of the outputs of A and B.
    public var mean: Double
    /// Population variance of the outputs of A and B (the denominator of the indices).
    public var variance: Double
  }

  /// A bootstrap percentile interval.
  public struct Interval: Sendable, Hashable, Codable {
    public var low: Double
    public var high: Double
  }

  /// Point estimates with bootstrap intervals for one output.
  public struct Estimate: Sendable, Hashable, Codable {
    public var indices: Indices
    /// Interval of each first-order index.
    public var firstOrder: [Interval]
    /// Interval of each total-order index.
    public var totalOrder: [Interval]
    /// Resamples that had a non-zero variance (the others cannot give indices and are left out).
    public var resamplesUsed: Int
  }

  /// How the intervals are drawn.
  public struct Bootstrap: Sendable, Hashable, Codable {
    /// Number of resamples (e.g. 1,000).
    public var resamples: Int
    /// Two-sided level of the percentile intervals (e.g. 0.95).
    public var level: Double
    /// Seed of the resampling: resample r draws its rows from ``SweepRandom`` keyed by (seed, r).
    public var seed: UInt64

    public init(resamples: Int = 1000, level: Double = 0.95, seed: UInt64) {
      self.resamples = resamples
      self.level = level
      self.seed = seed
    }
  }

  /// The point estimates, or nil when the outputs of A and B do not vary (no variance to apportion).
  public static func indices(_ outputs: Outputs) -> Indices? {
    Terms(outputs).estimate(counts: nil)
  }

  /// Point estimates and bootstrap intervals for several outputs of the same design; every output is
  /// resampled with the same rows, so the result does not depend on how outputs are grouped.
  /// An output whose A and B values do not vary gives nil.
  ///
  /// - Complexity: O(resamples × N × k) per output; outputs are estimated on all cores.
  public static func estimates(_ outputs: [Outputs], bootstrap: Bootstrap) -> [Estimate?] {
    guard let rows = outputs.first?.rows, rows > 0 else { return outputs.map { _ in nil } }
    let counts = (0..<max(0, bootstrap.resamples)).map { resample in
      var random = SweepRandom(seed: bootstrap.seed, sample: resample)
      var count = [Int32](repeating: 0, count: rows)
      for _ in 0..<rows { count[min(rows - 1, Int(random.unit() * Double(rows)))] += 1 }
      return count
    }
    let results = try? concurrentResults(count: outputs.count) { index -> Estimate? in
      let terms = Terms(outputs[index])
      guard let point = terms.estimate(counts: nil) else { return nil }
      let k = point.firstOrder.count
      var first = [[Double]](repeating: [], count: k)
      var total = [[Double]](repeating: [], count: k)
      for count in counts {
        guard let resampled = terms.estimate(counts: count) else { continue }
        for i in 0..<k {
          first[i].append(resampled.firstOrder[i])
          total[i].append(resampled.totalOrder[i])
        }
      }
      let tail = (1 - bootstrap.level) / 2
      func interval(_ values: [Double], around estimate: Double) -> Interval {
        guard !values.isEmpty else { return Interval(low: estimate, high: estimate) }
        let sorted = values.sorted()
        return Interval(low: quantile(sorted, tail), high: quantile(sorted, 1 - tail))
      }
      return Estimate(
        indices: point, firstOrder: (0..<k).map { interval(first[$0], around: point.firstOrder[$0]) },
        totalOrder: (0..<k).map { interval(total[$0], around: point.totalOrder[$0]) },
        resamplesUsed: first.first?.count ?? counts.count)
    }
    return results ?? outputs.map { _ in nil }
  }

  /// The q-quantile of sorted values by linear interpolation between order statistics (type 7).
  static func quantile(_ sorted: [Double], _ q: Double) -> Double {
    let position = q * Double(sorted.count - 1)
    let lower = Int(position.rounded(.down))
    let upper = min(sorted.count - 1, lower + 1)
    let weight = position - Double(lower)
    return sorted[lower] * (1 - weight) + sorted[upper] * weight
  }

  /// Per-row terms of the estimators, computed once so that each resample is a weighted sum.
  struct Terms {
    let rows: Int
    let inputs: Int
    /// Mean of A and B over all rows (the centring).
    let mean: Double
    /// Per row: centred f(A) + f(B) and f(A)² + f(B)².
    let sum: [Double]
    let squares: [Double]
    /// `first[i][j]` = f(B)_j (f(A_B^(i))_j − f(A)_j), centred; `total[i][j]` = (f(A)_j − f(A_B^(i))_j)².
    let first: [[Double]]
    let total: [[Double]]

    init(_ outputs: Outputs) {
      let rows = outputs.rows
      let n = Double(max(rows, 1))
      let mean = (outputs.a.reduce(0, +) + outputs.b.reduce(0, +)) / (2 * n)
      let a = outputs.a.map { $0 - mean }
      let b = outputs.b.map { $0 - mean }
      var first: [[Double]] = []
      var total: [[Double]] = []
      for column in outputs.ab {
        let ab = column.map { $0 - mean }
        first.append((0..<rows).map { j in b[j] * (ab[j] - a[j]) })
        total.append((0..<rows).map { j in (a[j] - ab[j]) * (a[j] - ab[j]) })
      }
      self.rows = rows
      self.inputs = outputs.ab.count
      self.mean = mean
      self.sum = (0..<rows).map { j in a[j] + b[j] }
      self.squares = (0..<rows).map { j in a[j] * a[j] + b[j] * b[j] }
      self.first = first
      self.total = total
    }

    /// The estimates with row j counted `counts[j]` times (all once when nil); nil without variance.
    func estimate(counts: [Int32]?) -> Indices? {
      func weighted(_ values: [Double]) -> Double {
        guard let counts else { return values.reduce(0, +) }
        var total = 0.0
        for j in 0..<values.count where counts[j] != 0 { total += Double(counts[j]) * values[j] }
        return total
      }
      let n = Double(rows)
      guard rows > 0 else { return nil }
      let centredMean = weighted(sum) / (2 * n)
      let variance = weighted(squares) / (2 * n) - centredMean * centredMean
      // Below this the outputs are equal up to rounding: no variance to apportion.
      guard variance > 1e-12 * max(1, mean * mean) else { return nil }
      return Indices(
        firstOrder: first.map { weighted($0) / n / variance },
        totalOrder: total.map { weighted($0) / (2 * n) / variance }, mean: mean + centredMean, variance: variance)
    }
  }
}

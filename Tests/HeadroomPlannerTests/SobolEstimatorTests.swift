import Foundation
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// The Sobol estimator on functions with known indices, and its design's bookkeeping.
@Suite struct SobolEstimatorTests {
  /// Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³ (a = 7, b = 0.1).
  static func ishigami(_ x: [Double]) -> Double {
    sin(x[0]) + 7 * sin(x[1]) * sin(x[1]) + 0.1 * pow(x[2], 4) * sin(x[0])
  }

  /// The design's runs evaluated with a function of the inputs on [−π, π]³, arranged for the estimator.
  static func outputs(baseSamples: Int, seed: UInt64, _ f: ([Double]) -> Double) -> SobolEstimator.Outputs {
    let design = SobolDesign(inputs: 3, baseSamples: baseSamples)
    let values = (0..<design.runs).map { index in
      f(design.unitInputs(at: index, seed: seed).map { -Double.pi + 2 * Double.pi * $0 })
    }
    return design.outputs { values[$0] }.outputs
  }

  @Test func ishigamiIndicesMatchTheAnalyticValuesWithin002() throws {
    // Given the Ishigami function (a = 7, b = 0.1), whose indices are known in closed form
    // (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.9 / Ishigami & Homma 1990):
    // V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.845; S1 = 0.3139, 0.4424, 0; ST = 0.5576, 0.4424, 0.2437,
    // When estimated on a Saltelli design of N = 2^15 rows (163,840 evaluations) drawn by the sweep's design,
    // Then every index is within 0.02 of its analytic value. (Over seeds 1-5 the largest error was 0.012 at
    // N = 2^15 and 0.021 at N = 2^14: the Monte Carlo error shrinks as 1/sqrt(N), so 2^15 is the size that
    // meets 0.02 with a margin, not a tuned seed.)
    let indices = try #require(SobolEstimator.indices(Self.outputs(baseSamples: 1 << 15, seed: 1, Self.ishigami)))
    let firstOrder = [0.3139, 0.4424, 0]
    let totalOrder = [0.5576, 0.4424, 0.2437]
    #expect(isClose(indices.firstOrder, firstOrder, tolerance: 0.02), "S1 \(indices.firstOrder)")
    #expect(isClose(indices.totalOrder, totalOrder, tolerance: 0.02), "ST \(indices.totalOrder)")
    let a = 7.0
    let b = 0.1
    let variance = a * a / 8 + b * pow(Double.pi, 4) / 5 + b * b * pow(Double.pi, 8) / 18 + 0.5
    #expect(isClose(indices.variance, to: variance, relative: 0.02), "V \(indices.variance) vs \(variance)")
  }

  @Test func anInputTheFunctionIgnoresGetsExactlyZero() throws {
    // Given f = x1 + 2 x2 (x3 unused), When estimated,
    // Then x3's runs A_B^(3) equal A's, so both of its indices are exactly 0, and the additive inputs have
    // S1 close to ST (no interactions): analytic S = ST = (1/5, 4/5, 0), checked within 0.05 at N = 4,096.
    let indices = try #require(
      SobolEstimator.indices(Self.outputs(baseSamples: 4096, seed: 3) { $0[0] + 2 * $0[1] }))
    #expect(indices.firstOrder[2] == 0 && indices.totalOrder[2] == 0)
    #expect(isClose(indices.firstOrder, [0.2, 0.8, 0], tolerance: 0.05), "S1 \(indices.firstOrder)")
    #expect(isClose(indices.totalOrder, [0.2, 0.8, 0], tolerance: 0.05), "ST \(indices.totalOrder)")
  }

  @Test func anOutputThatDoesNotVaryHasNoIndices() {
    // Given a constant output (a wall year that is the same in every run), When estimated,
    // Then there is no variance to apportion: no indices rather than 0/0.
    let constant = Self.outputs(baseSamples: 16, seed: 1) { _ in 2026 }
    #expect(SobolEstimator.indices(constant) == nil)
    #expect(SobolEstimator.estimates([constant], bootstrap: .init(resamples: 10, seed: 1)) == [nil])
  }

  @Test func bootstrapIntervalsBracketTheEstimatesAndDoNotDependOnGrouping() throws {
    // Given Ishigami at N = 512 and a second output, When bootstrapped (200 resamples, 95 %) alone and together,
    // Then each interval is ordered and holds its point estimate, and the first output's intervals are the same
    // either way (every output is resampled with the same rows, seeded).
    let ishigami = Self.outputs(baseSamples: 512, seed: 5, Self.ishigami)
    let linear = Self.outputs(baseSamples: 512, seed: 5) { $0[0] + $0[2] }
    let bootstrap = SobolEstimator.Bootstrap(resamples: 200, level: 0.95, seed: 9)
    let alone = try #require(SobolEstimator.estimates([ishigami], bootstrap: bootstrap)[0])
    let together = SobolEstimator.estimates([linear, ishigami], bootstrap: bootstrap)
    #expect(together[1] == alone)
    #expect(alone.resamplesUsed == 200)
    for i in 0..<3 {
      for (interval, estimate) in [
        (alone.firstOrder[i], alone.indices.firstOrder[i]), (alone.totalOrder[i], alone.indices.totalOrder[i]),
      ] {
        #expect(interval.low <= estimate && estimate <= interval.high, "\(interval) vs \(estimate)")
      }
    }
  }

  @Test func theDesignsMixedMatricesTakeOneColumnFromB() {
    // Given a design of 4 inputs and 5 rows, When its runs are read back,
    // Then run A_B^(i) of a row equals A except column i, which equals B's, and index/position round-trip.
    let design = SobolDesign(inputs: 4, baseSamples: 5)
    #expect(design.runs == 30)
    for row in 0..<5 {
      let a = design.unitInputs(at: design.index(row: row, block: .a), seed: 11)
      let b = design.unitInputs(at: design.index(row: row, block: .b), seed: 11)
      #expect(a != b)
      for column in 0..<4 {
        let index = design.index(row: row, block: .ab(column))
        #expect(design.position(of: index) == (row, .ab(column)))
        var expected = a
        expected[column] = b[column]
        #expect(design.unitInputs(at: index, seed: 11) == expected)
      }
    }
  }

  @Test func onlyRowsWithEveryRunPresentAreUsed() {
    // Given a design of 2 inputs and 3 rows with run 5 (row 1, block B) missing,
    // When arranged for the estimator, Then rows 0 and 2 are used, each with its own values.
    let design = SobolDesign(inputs: 2, baseSamples: 3)
    let arranged = design.outputs { $0 == 5 ? nil : Double($0) }
    #expect(arranged.rows == [0, 2])
    #expect(arranged.outputs.a == [0, 8])
    #expect(arranged.outputs.b == [1, 9])
    #expect(arranged.outputs.ab == [[2, 10], [3, 11]])
  }
}

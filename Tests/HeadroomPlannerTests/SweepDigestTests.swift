import HeadroomModel
import HeadroomPlanner
import Testing

/// The digest of a sweep the run history keeps: wall years within the horizon, shares without a wall, the
/// most common binding wall and the inputs that move each wall.
@Suite struct SweepDigestTests {
  /// A random sweep of four samples over 2025-2035: the power wall moves with `lifetime` (2026 + input - 4,
  /// none in the last sample), the chip wall never comes, and half the samples bind on power, half on none.
  static let samples = SweepSamples(
    scenario: "baseline", overrides: [], ranges: [SweepRange(path: "lifetime", low: 4, high: 7)], seed: 1,
    samplesRequested: 4, firstYear: 2025, lastYear: 2035,
    samples: (0..<4).map { i in
      SweepSample(
        index: i, inputs: [Double(4 + i)],
        walls: [
          "US": .init(
            powerWall: i < 3 ? 2026 + i : nil, chipWall: nil, firstShort: 2026, binding: i % 2 == 0 ? "power" : "none")
        ])
    })

  @Test func wallYearsPastTheHorizonReadNoneAndCountInTheNoneShare() throws {
    // Given the sweep, When digested, Then the power wall's p50 is a year, its p95 none (one sample in four
    // has no wall), and the chip wall is none at every percentile in every sample.
    let us = try #require(SweepDigest(Self.samples).countries.first)
    let power = try #require(us.years(.powerWall))
    #expect(power.p5 == 2026 && power.p50 == 2027 && power.p95 == nil)
    #expect(power.noneShare == 0.25)
    let chip = try #require(us.years(.chipWall))
    #expect(chip.p5 == nil && chip.p50 == nil && chip.p95 == nil && chip.noneShare == 1)
    #expect(us.walls.map(\.wall) == [.powerWall, .chipWall, .firstShort])
  }

  @Test func aTiedBindingWallGoesToTheFirstNameInAlphabeticalOrder() throws {
    // Given two samples binding on power and two on none, Then the digest names 'none', run after run.
    for _ in 0..<5 { #expect(SweepDigest(Self.samples).countries.first?.binding == "none") }
  }

  @Test func theInputThatMovesAWallIsItsDriverAndAFixedWallHasNone() throws {
    // Given lifetime moving the power wall, Then it is the power wall's one driver (Spearman, positive: a
    // longer lifetime makes the wall later), and the first short year, the same in every sample, has none.
    let us = try #require(SweepDigest(Self.samples).countries.first)
    let drivers = try #require(us.years(.powerWall)?.drivers)
    #expect(drivers.map(\.input) == ["lifetime"])
    #expect(drivers.first?.measure == .spearman)
    #expect((drivers.first?.value ?? 0) > 0.9)
    #expect(us.years(.firstShort)?.drivers.isEmpty == true)
  }
}

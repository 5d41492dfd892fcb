import HeadroomModel

/// Deterministic uniform draws: sample i of a sweep with seed s always draws the same inputs, so shards
/// run on different machines reproduce one sweep exactly (SplitMix64 keyed by seed and sample index).
public struct SweepRandom: RandomNumberGenerator, Sendable {
  private var generator: SplitMix64

  public init(seed: UInt64, sample: Int) {
    generator = SplitMix64(
      seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: sample) &* 0xD1B5_4A32_D192_ED03)
  }

  public mutating func next() -> UInt64 { generator.next() }

  /// A uniform draw in [0, 1).
  public mutating func unit() -> Double { generator.unit() }
}

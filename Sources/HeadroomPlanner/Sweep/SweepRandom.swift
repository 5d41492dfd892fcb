/// Deterministic uniform draws: sample i of a sweep with seed s always draws the same inputs, so shards
/// run on different machines reproduce one sweep exactly (SplitMix64 keyed by seed and sample index).
public struct SweepRandom: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64, sample: Int) {
    state = seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: sample) &* 0xD1B5_4A32_D192_ED03
  }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform draw in [0, 1).
  public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}

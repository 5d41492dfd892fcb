import Foundation

/// How demand multiplies year after year: a rate that decays from `start` towards `longRun` with a
/// half-life, or explicit multipliers for the years listed in ``byYear``.
///
/// The multiplier of the n-th year after the base year (n = 1 for the first projected year) is
/// `longRun + (start − longRun) × 0.5^((n − 1) / halfLife)`, unless ``byYear`` lists that year.
///
/// For example, `GrowthPath(start: 2.3, longRun: 1.3, halfLife: 3)` multiplies demand by 2.3 in the
/// first projected year, by 1.3 + 1.0 × 0.5^(1/3) = 2.09 in the second, and by 1.8 in the fourth.
public struct GrowthPath: Sendable, Hashable, Codable {
  /// Multiplier of the first projected year.
  public var start: Double
  /// The multiplier the rate decays towards.
  public var longRun: Double
  /// Years for the gap between the rate and ``longRun`` to halve (> 0).
  public var halfLife: Double
  /// Explicit multipliers that replace the formula in the years they list.
  public var byYear: [Int: Double]

  public init(start: Double, longRun: Double, halfLife: Double, byYear: [Int: Double] = [:]) {
    self.start = start
    self.longRun = longRun
    self.halfLife = halfLife
    self.byYear = byYear
  }

  /// A constant rate.
  public static func constant(_ multiplier: Double) -> GrowthPath {
    GrowthPath(start: multiplier, longRun: multiplier, halfLife: 1)
  }

  /// The multiplier from `year − 1` to `year`, for a path whose base year is `baseYear`.
  public func multiplier(in year: Int, baseYear: Int) -> Double {
    if let explicit = byYear[year] { return explicit }
    let n = Double(year - baseYear)
    return longRun + (start - longRun) * pow(0.5, (n - 1) / halfLife)
  }

  /// The product of the multipliers from `from + 1` through `to` (1 when `to <= from`).
  public func growth(from: Int, to: Int, baseYear: Int) -> Double {
    guard to > from else { return 1 }
    return (from + 1...to).reduce(1) { $0 * multiplier(in: $1, baseYear: baseYear) }
  }

  /// Field-wise replacements of a path, as a scenario or a country may give them.
  public struct Override: Sendable, Hashable, Codable {
    public var start: Double?
    public var longRun: Double?
    public var halfLife: Double?
    public var byYear: [Int: Double]

    public init(start: Double? = nil, longRun: Double? = nil, halfLife: Double? = nil, byYear: [Int: Double] = [:]) {
      self.start = start
      self.longRun = longRun
      self.halfLife = halfLife
      self.byYear = byYear
    }

    /// Whether the override changes nothing.
    public var isEmpty: Bool { start == nil && longRun == nil && halfLife == nil && byYear.isEmpty }
  }

  /// The path with an override's fields in place of its own.
  public func applying(_ override: Override?) -> GrowthPath {
    guard let override else { return self }
    return GrowthPath(
      start: override.start ?? start, longRun: override.longRun ?? longRun, halfLife: override.halfLife ?? halfLife,
      byYear: byYear.merging(override.byYear) { _, new in new })
  }
}

/// A share (0…1) given for some years, linearly interpolated between them and held flat outside.
///
/// For example, `YearShares([2025: 0.5, 2030: 0.3])` is 0.5 in 2024, 0.42 in 2027 and 0.3 in 2035.
public struct YearShares: Sendable, Hashable, Codable {
  /// The given years and their shares.
  public var points: [Int: Double]

  public init(_ points: [Int: Double]) { self.points = points }

  /// The share in a year (0.5 when no year is given).
  public func value(in year: Int) -> Double {
    let years = points.keys.sorted()
    guard let first = years.first, let last = years.last else { return 0.5 }
    if year <= first { return points[first] ?? 0.5 }
    if year >= last { return points[last] ?? 0.5 }
    let after = years.first { $0 >= year } ?? last
    let before = years.last { $0 <= year } ?? first
    guard after != before, let low = points[before], let high = points[after] else { return points[before] ?? 0.5 }
    return low + (high - low) * Double(year - before) / Double(after - before)
  }
}

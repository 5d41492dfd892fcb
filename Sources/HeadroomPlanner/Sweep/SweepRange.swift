import HeadroomModel

/// One input a sweep varies uniformly between two values: `--vary demand_growth=1.5:3.3`.
public struct SweepRange: Sendable, Hashable, Codable, CustomStringConvertible {
  public var path: String
  public var low: Double
  public var high: Double

  public init(path: String, low: Double, high: Double) {
    self.path = path
    self.low = low
    self.high = high
  }

  /// Reads `path=lo:hi`, or throws naming the text and what was expected.
  public init(parsing text: String) throws(CatalogError) {
    let expected = "expected path=lo:hi with numbers lo <= hi, e.g. demand_growth=1.5:3.3"
    guard let equals = text.firstIndex(of: "=") else {
      throw CatalogError(field: "--vary", value: text, expected: expected)
    }
    let path = String(text[..<equals])
    let bounds = text[text.index(after: equals)...].split(separator: ":")
    guard !path.isEmpty, bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]), low <= high,
      low.isFinite, high.isFinite
    else { throw CatalogError(field: "--vary", value: text, expected: expected) }
    self.init(path: path, low: low, high: high)
  }

  /// `path=lo:hi`.
  public var description: String { "\(path)=\(low):\(high)" }

  /// Whether both bounds are whole numbers: then draws are whole numbers too (lifetime=4:6 draws 4, 5 or 6).
  public var isWhole: Bool { low == low.rounded() && high == high.rounded() }

  /// The value at a uniform draw u in [0, 1).
  public func value(at u: Double) -> Double {
    isWhole ? min(high, (low + (high - low + 1) * u).rounded(.down)) : low + (high - low) * u
  }
}

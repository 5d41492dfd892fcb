/// The ranges numeric scenario fields must lie in, shared by the file loader and ``Scenario/parameter(_:)``.
extension Scenario {
  /// A numeric field's accepted range and how to describe it in a message.
  public struct FieldRange: Sendable, Hashable {
    public var range: ClosedRange<Double>
    /// What the value is, e.g. "a share".
    public var what: String
    /// Whether the value must be a whole number.
    public var whole: Bool

    public init(_ range: ClosedRange<Double>, _ what: String, whole: Bool = false) {
      self.range = range
      self.what = what
      self.whole = whole
    }
  }

  /// The ranges by field name (the last segment of a path).
  public enum Ranges {
    public static let lifetime = FieldRange(1...30, "years an accelerator stays in service", whole: true)
    public static let share = FieldRange(0...1, "a share")
    public static let threshold = FieldRange(0.000_001...0.999_999, "a share of demand strictly between 0 and 1")
    public static let loadFactor = FieldRange(0.05...1, "a share (average load over capacity)")
    public static let growth = FieldRange(0.1...20, "a growth factor per year (e.g. 2.3)")
    public static let halfLife = FieldRange(0.1...100, "a half-life in years (e.g. 3)")
    public static let efficiency = FieldRange(0.1...10, "a yearly efficiency factor (1 = no change)")
    public static let supplyScale = FieldRange(0...10, "a factor on a supply limit's capacity (1 = as the data says)")
    public static let discountRate = FieldRange(0...0.5, "a rate per year (e.g. 0.07)")
    public static let powerScale = FieldRange(0...10, "a multiplier")
    public static let domesticScale = FieldRange(0...100, "a multiplier")
    public static let units = FieldRange(0...1e10, "a count of accelerators")
    public static let h100e = FieldRange(0...1e12, "a count of H100-equivalents")
  }
}

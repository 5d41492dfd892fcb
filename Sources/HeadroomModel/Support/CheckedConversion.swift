/// Conversions from `Double` that throw ``NumberError`` instead of trapping: Swift's `Int(_:)` stops
/// the process on a NaN, an infinity or a value beyond `Int`'s range, and arithmetic on valid inputs
/// can reach any of them (`1e308 W x 1.53` is infinite).
extension Int {
  /// The whole number a finite `Double` rounds to, or a ``NumberError`` naming the field.
  ///
  /// For example, `try Int(checking: 1e30 / 132e3, field: "systems")` throws "systems: 7.58e24 is too
  /// large for a whole number (at most 9.22e18)", where `Int(_:)` would trap.
  ///
  /// - Parameters:
  ///   - value: The number to convert.
  ///   - field: What the number is, for the message.
  ///   - rule: How to round first (default: to nearest, halves away from zero).
  public init(
    checking value: Double, field: String, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero
  ) throws(NumberError) {
    guard let converted = Int(representing: value, rounding: rule) else {
      throw NumberError(
        field: field, value: value,
        expected: value.isFinite
          ? "is too large for a whole number (at most \(NumberText.readable(Double(Int.max))))"
          : "is not a finite number")
    }
    self = converted
  }

  /// The whole number a `Double` rounds to, or nil when it is not finite or beyond `Int`'s range.
  public init?(representing value: Double, rounding rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
    let rounded = value.rounded(rule)
    // -2^63 is an Int; 2^63 (the Double nearest Int.max) is not.
    guard rounded.isFinite, rounded >= -9_223_372_036_854_775_808.0, rounded < 9_223_372_036_854_775_808.0 else {
      return nil
    }
    self = Int(rounded)
  }
}

extension Double {
  /// The number itself when it is finite, else a ``NumberError`` naming the field: the check for
  /// derived numbers (an `inf W` facility power, a `nan` share) before they reach a solver or a report.
  ///
  /// For example, `let power = try (count * watts).finite("IT power (--count x TDP)")`.
  public func finite(_ field: String) throws(NumberError) -> Double {
    guard isFinite else { throw NumberError(field: field, value: self, expected: "is not a finite number") }
    return self
  }
}

extension Quantity {
  /// The quantity itself when its value is finite, else a ``NumberError`` naming the field.
  public func finite(_ field: String) throws(NumberError) -> Self {
    guard baseValue.isFinite else {
      throw NumberError(field: field, value: baseValue, expected: "is not a finite \(Self.dimension.name)")
    }
    return self
  }
}

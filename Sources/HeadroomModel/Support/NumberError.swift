/// A number that cannot be used as it is: not finite, or not representable as the integer it must
/// become. It names the field (or option) the number belongs to, the value and what was expected.
///
/// For example: "accelerators: 1e+300 is too large for a whole number (at most 9.2e18)".
public struct NumberError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Where the number comes from: a field, an option, or a derived figure and its inputs.
  public var field: String
  /// The value.
  public var value: Double
  /// What was expected, in words.
  public var expected: String

  public init(field: String, value: Double, expected: String) {
    self.field = field
    self.value = value
    self.expected = expected
  }

  public var description: String { "\(field): \(NumberText.readable(value)) \(expected)" }
}

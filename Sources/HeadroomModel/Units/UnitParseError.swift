/// Why a quantity string could not be read, with the text and what was expected.
public struct UnitParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The text as written.
  public var text: String
  /// The dimension that was expected.
  public var expected: String
  /// A well-formed example of the expected dimension.
  public var example: String
  /// The dimension the unit belongs to, when it belongs to another one (e.g. "size in bytes").
  public var actualDimension: String?
  /// What is wrong, in words.
  public var reason: String

  public var description: String {
    var message = "'\(text)' is not \(UnitDimension.withArticle(expected)) (\(reason)); expected e.g. '\(example)'"
    if let actualDimension { message += "; '\(text)' is \(UnitDimension.withArticle(actualDimension))" }
    return message
  }
}

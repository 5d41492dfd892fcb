/// One `--set path=value` override of a scenario field, e.g. `countries.CN.policy.h200-sxm=allowed`.
public struct ScenarioOverride: Sendable, Hashable, CustomStringConvertible {
  /// Dotted path into the scenario file.
  public var path: String
  /// The value as written (parsed by the field's own reader, so units are checked).
  public var value: String

  public init(path: String, value: String) {
    self.path = path
    self.value = value
  }

  /// Reads `path=value`, or throws naming the malformed text.
  public init(parsing text: String) throws(CatalogError) {
    guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
      throw CatalogError(
        field: "--set", value: text, expected: "expected path=value, e.g. countries.CN.policy.h200-sxm=allowed")
    }
    let path = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
    let value = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
    guard !path.isEmpty, !value.isEmpty, !path.contains(" ") else {
      throw CatalogError(field: "--set", value: text, expected: "expected path=value with a non-empty path and value")
    }
    self.init(path: path, value: value)
  }

  public var description: String { "\(path)=\(value)" }
}

/// A problem in a data file or a lookup, naming the file, line, field, value and what was expected.
///
/// Described as `Hardware/accelerators/nvidia/h100-sxm.yaml:12: field 'tdp': value '141 GB': expected a
/// power, e.g. '700 W' ('141 GB' is a size in bytes)`.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file, relative to the data folder when it is inside it.
  public var file: String?
  /// 1-based line, when known.
  public var line: Int?
  /// Dotted field path, e.g. `compute.bf16`.
  public var field: String?
  /// The value as written.
  public var value: String?
  /// What was expected, or what is wrong.
  public var expected: String

  public init(
    file: String? = nil, line: Int? = nil, field: String? = nil, value: String? = nil,
    expected: String
  ) {
    self.file = file
    self.line = line
    self.field = field
    self.value = value
    self.expected = expected
  }

  public var description: String {
    var parts: [String] = []
    if let file { parts.append(line.map { "\(file):\($0)" } ?? file) }
    if let field { parts.append("field '\(field)'") }
    if let value { parts.append("value '\(value)'") }
    parts.append(expected)
    return parts.joined(separator: ": ")
  }
}

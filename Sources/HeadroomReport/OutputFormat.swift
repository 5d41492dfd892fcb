/// How a command writes its result.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for a terminal.
  case table
  /// One JSON document.
  case json
  /// Comma-separated values, one table after another separated by a blank line.
  case csv
  /// GitHub-flavoured Markdown tables.
  case markdown
}

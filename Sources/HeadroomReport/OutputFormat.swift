/// How a command writes its result.
public enum OutputFormat: String, Sendable, CaseIterable {
  /// Aligned columns for a terminal.
  case table
  /// One JSON document.
  case json
  /// Comma-separated values: one table of raw values (the main one, or the one `--table` names).
  case csv
  /// GitHub-flavoured Markdown tables.
  case markdown
}

/// Splits a shell command line into words the way `sh` would for the commands a README shows.
///
/// Handles what those commands use: `'single'` and `"double"` quotes (a quoted newline stays in its word),
/// a backslash before a character outside single quotes, a backslash-newline joining lines, and a `#` that
/// starts a word outside quotes opening a comment to the end of its line. No variables, globs or pipes.
///
/// For example, `ShellWords.split(#"query "SELECT 1" # a comment"#)` is `.complete(["query", "SELECT 1"])`.
public enum ShellWords {
  /// The words of a command line, or that it needs another line (an open quote or a trailing backslash).
  public enum Split: Equatable, Sendable {
    case complete([String])
    case continues
  }

  /// Splits `text`, which may hold several lines joined by newlines.
  public static func split(_ text: String) -> Split {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    var comment = false
    for character in text {
      if comment {
        if character == "\n" { comment = false }
        continue
      }
      if escaped {
        // A backslash-newline joins lines; inside double quotes a backslash escapes only $ ` " \ (as in sh).
        if quote == "\"" && !"$`\"\\\n".contains(character) { word.append("\\") }
        if character != "\n" {
          word.append(character)
          inWord = true
        }
        escaped = false
        continue
      }
      switch (quote, character) {
      case ("'", "'"), ("\"", "\""):
        quote = nil
      case ("'", _):
        word.append(character)
      case ("\"", "\\"), (nil, "\\"):
        escaped = true
      case ("\"", _):
        word.append(character)
      case (nil, "'"), (nil, "\""):
        quote = character
        inWord = true
      case (nil, " "), (nil, "\t"), (nil, "\n"):
        if inWord { words.append(word) }
        word = ""
        inWord = false
      case (nil, "#") where !inWord:
        comment = true
      default:
        word.append(character)
        inWord = true
      }
    }
    if quote != nil || escaped { return .continues }
    if inWord { words.append(word) }
    return .complete(words)
  }
}

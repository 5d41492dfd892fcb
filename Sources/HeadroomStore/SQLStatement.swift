import Foundation

/// One SQL statement's text, read far enough to tell whether a read-only query may run it.
///
/// SQLite's own read-only test (`sqlite3_stmt_readonly`) passes statements that change the connection
/// rather than the file — `PRAGMA writable_schema = 1`, `ATTACH` — and, on a read-only connection, a
/// pragma that would write fails only when it tries. Headroom's `query` refuses them all up front:
/// - a `PRAGMA` unless its name is one that only reads, and then without `= value`; an argument in
///   parentheses only for the pragmas whose argument names what to read (`table_info(accelerators)`);
/// - `ATTACH` and `DETACH` (they open other files), and `VACUUM` (with `INTO`, it writes one).
///
/// For example:
/// ```swift
/// SQLStatement("PRAGMA table_info(accelerators)").refusal   // nil
/// SQLStatement("PRAGMA user_version = 5").refusal           // "sets a pragma"
/// ```
struct SQLStatement {
  /// The statement's words, upper-cased, without comments, quotes kept as written.
  let text: String

  init(_ sql: String) { text = Self.withoutComments(sql) }

  /// Pragmas that only report something.
  static let readingPragmas: Set<String> = [
    "APPLICATION_ID", "AUTO_VACUUM", "BUSY_TIMEOUT", "CACHE_SIZE", "CACHE_SPILL", "CASE_SENSITIVE_LIKE",
    "CELL_SIZE_CHECK", "CHECKPOINT_FULLFSYNC", "COLLATION_LIST", "COMPILE_OPTIONS", "DATA_VERSION",
    "DATABASE_LIST", "DEFER_FOREIGN_KEYS", "ENCODING", "FOREIGN_KEY_CHECK", "FOREIGN_KEY_LIST", "FOREIGN_KEYS",
    "FREELIST_COUNT", "FULLFSYNC", "FUNCTION_LIST", "INDEX_INFO", "INDEX_LIST", "INDEX_XINFO", "INTEGRITY_CHECK",
    "JOURNAL_MODE", "JOURNAL_SIZE_LIMIT", "LEGACY_ALTER_TABLE", "LOCKING_MODE", "MAX_PAGE_COUNT", "MMAP_SIZE",
    "MODULE_LIST", "PAGE_COUNT", "PAGE_SIZE", "PRAGMA_LIST", "QUERY_ONLY", "QUICK_CHECK", "READ_UNCOMMITTED",
    "RECURSIVE_TRIGGERS", "REVERSE_UNORDERED_SELECTS", "SCHEMA_VERSION", "SECURE_DELETE", "SOFT_HEAP_LIMIT",
    "SYNCHRONOUS", "TABLE_INFO", "TABLE_LIST", "TABLE_XINFO", "TEMP_STORE", "THREADS", "TRUSTED_SCHEMA",
    "USER_VERSION",
  ]

  /// Reading pragmas whose argument says what to read, not a new value.
  static let pragmasWithArgument: Set<String> = [
    "FOREIGN_KEY_CHECK", "FOREIGN_KEY_LIST", "INDEX_INFO", "INDEX_LIST", "INDEX_XINFO", "INTEGRITY_CHECK",
    "QUICK_CHECK", "TABLE_INFO", "TABLE_LIST", "TABLE_XINFO",
  ]

  /// Why a read-only query refuses this statement, or nil when it may run.
  var refusal: String? {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
    guard let first = words.first?.uppercased() else { return nil }
    switch first {
    case "ATTACH", "DETACH": return "opens or closes another database file"
    case "VACUUM": return "rewrites the database or writes another file"
    case "PRAGMA": return pragmaRefusal
    default: return nil
    }
  }

  /// Why a `PRAGMA` statement is refused, or nil for a pragma that only reads.
  var pragmaRefusal: String? {
    var rest = Substring(text.drop { $0.isWhitespace }.dropFirst("PRAGMA".count)).drop { $0.isWhitespace }
    // The name: letters, digits and '_', after an optional schema ("main.").
    var name = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." })
    rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
    if let dot = name.lastIndex(of: ".") { name = String(name[name.index(after: dot)...]) }
    name = name.uppercased()
    guard Self.readingPragmas.contains(name) else { return "runs a pragma that may change the database" }
    if rest.hasPrefix("=") { return "sets a pragma" }
    if rest.hasPrefix("(") {
      return Self.pragmasWithArgument.contains(name) ? nil : "sets a pragma"
    }
    let trailing = rest.drop { $0 == ";" || $0.isWhitespace }
    return trailing.isEmpty ? nil : "has more after the pragma's name"
  }

  /// The text without `--` and `/* */` comments (kept inside quotes), trimmed.
  static func withoutComments(_ sql: String) -> String {
    var result = ""
    var index = sql.startIndex
    var quote: Character?
    while index < sql.endIndex {
      let character = sql[index]
      let next = sql.index(after: index)
      if let open = quote {
        result.append(character)
        if character == open { quote = nil }
        index = next
        continue
      }
      if character == "'" || character == "\"" || character == "`" || character == "[" {
        quote = character == "[" ? "]" : character
        result.append(character)
        index = next
      } else if character == "-", next < sql.endIndex, sql[next] == "-" {
        index = sql[next...].firstIndex(of: "\n") ?? sql.endIndex
        result.append(" ")
      } else if character == "/", next < sql.endIndex, sql[next] == "*" {
        let body = sql.index(after: next)
        if let close = sql[body...].range(of: "*/") {
          index = close.upperBound
        } else {
          index = sql.endIndex
        }
        result.append(" ")
      } else {
        result.append(character)
        index = next
      }
    }
    return result.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

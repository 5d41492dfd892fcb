import ArgumentParser
import HeadroomReport
import HeadroomStore

/// `headroom query "<SQL>"`: read-only SQL over the database.
struct QueryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "query",
    abstract: "Run read-only SQL against the database ('headroom db build' makes it).",
    discussion: """
      The file is opened read-only: a statement that would write (INSERT, DROP, PRAGMA x = y, a pragma \
      with side effects, ATTACH, VACUUM) is refused and the database is left unchanged. A query that runs \
      longer than --timeout seconds is stopped. Columns carry their units in their names (tdp_w, \
      memory_bytes, bf16_flops, power_mw). For example:
        headroom query "SELECT id, bf16_flops / 1e12 AS bf16_tflops, tdp_w
          FROM accelerators ORDER BY bf16_flops DESC LIMIT 5"
      """)

  @OptionGroup var options: CommonOptions
  @OptionGroup var store: StoreOptions

  @Argument(help: "The SQL to run; with several statements separated by ';', the last one's rows are shown.")
  var sql: String

  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("Stop the query after this many seconds (default: 30).", valueName: "seconds"))
  var timeout: Double = ReadOnlyQuery.defaultTimeout

  func validate() throws {
    guard timeout.isFinite, timeout > 0 else {
      throw ValidationError("--timeout must be a positive number of seconds (got \(timeout)).")
    }
  }

  func run() throws {
    let path = try store.resolve(options)
    let result = try ReadOnlyQuery(path: path, timeout: timeout).run(sql)
    options.emit(Self.report(result, format: options.format))
  }

  /// The result as a table (NULL shown as `NULL`, or empty in CSV) and as JSON rows keyed by column.
  static func report(_ result: QueryResult, format: OutputFormat) -> Report {
    // A column lines up on the right when it holds numbers (and perhaps NULLs) only.
    let numeric = result.columns.indices.map { index in
      let values = result.rows.map { $0[index] }.filter { $0 != .null }
      return !values.isEmpty
        && values.allSatisfy { value in
          switch value {
          case .integer, .real: true
          case .null, .text, .blob: false
          }
        }
    }
    var table = Table(columns: result.columns.indices.map { .init(result.columns[$0], numeric[$0] ? .right : .left) })
    for row in result.rows {
      table.append(row.map { value in format == .csv && value == .null ? "" : value.description })
    }
    if format == .table { table.notes = ["(\(result.rows.count) row\(result.rows.count == 1 ? "" : "s"))"] }

    var keys: [String] = []
    for name in result.columns {
      var key = name
      var suffix = 2
      while keys.contains(key) {
        key = "\(name)_\(suffix)"
        suffix += 1
      }
      keys.append(key)
    }
    let rows: [JSONValue] = result.rows.map { row in
      .object(
        zip(keys, row).map { key, value in
          let json: JSONValue
          switch value {
          case .null: json = .null
          case .integer(let integer): json = .number(Double(integer))
          case .real(let real): json = .number(real)
          case .text(let text): json = .string(text)
          case .blob: json = .string(value.description)
          }
          return (key, json)
        })
    }
    let values: [[JSONValue]] = rows.map { row in
      guard case .object(let pairs) = row else { return [] }
      return pairs.map(\.1)
    }
    return Report(
      tables: [table],
      json: .object([("columns", .array(result.columns.map { .string($0) })), ("rows", .array(rows))]),
      data: [
        DataTable(
          name: "rows", rowMeaning: "the query's rows, its columns as named", columns: result.columns, rows: values,
          verbatimHeaders: true)
      ])
  }
}

import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport
import HeadroomStore

/// `headroom db`: the catalog as an SQLite database.
struct DBCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "db",
    abstract: "Build the SQLite database from the data folders, or print where it is.",
    discussion: """
      The database holds the catalog as tables (accelerators, systems, export_rules, classifications, \
      export_policies, countries, country_supply, sites, halls, sources, source_fields, ...) and the \
      history of runs. Query it with 'headroom query "<SQL>"'. Default file: $HEADROOM_DB, else \
      .headroom/headroom.sqlite in the data folder when it is writable (the last --data folder, or the bundled \
      data of a checkout), else in $XDG_DATA_HOME/headroom (~/.local/share/headroom); never a path compiled into the \
      tool.
      """,
    subcommands: [Build.self, Path.self]
  )

  /// `headroom db build`.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Import every data file into the database in one transaction (runs are kept).")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
      let start = ContinuousClock.now
      let data = try options.loadData()
      let catalog = data.catalog
      let hash = DataHash.of(layers: data.folders.layers)
      let roots = data.folders.layers.map(\.path).joined(separator: ":")
      let path = try store.resolve(options)
      try HeadroomDatabase.checkImportable(catalog, path: path)
      let counts = try HeadroomDatabase(path: path).importCatalog(catalog, dataHash: hash, dataRoot: roots)
      let milliseconds = TimeSpan(ContinuousClock.now - start).milliseconds
      var table = Table(
        title: "Built \(path)", columns: [.init("table"), .init("rows", .right)],
        notes: [
          "From \(data.folders.layers.map(\.path).joined(separator: ", then ")) (data hash \(hash)) in \(Cells.number(milliseconds, digits: 3)) ms.",
          "Query it with: headroom query \"SELECT count(*) FROM accelerators\"",
        ])
      for (name, rows) in counts { table.append([name, "\(rows)"]) }
      options.emit(
        Report(
          tables: [table],
          json: .object([
            ("path", .string(path)), ("dataRoot", .string(roots)), ("dataHash", .string(hash)),
            ("elapsedMs", .number(JSONValue.rounded(milliseconds, 4))),
            ("tables", .object(counts.map { ($0.table, .number(Double($0.rows))) })),
          ]),
          data: [
            DataTable(
              name: "tables", rowMeaning: "one row per database table: rows imported",
              columns: ["table", "rows"],
              records: counts.map { [("table", .string($0.table)), ("rows", .number(Double($0.rows)))] })
          ]))
    }
  }

  /// `headroom db path`.
  struct Path: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the database file the other commands use (--db, $HEADROOM_DB or the default).")

    @OptionGroup var options: CommonOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
      let path = try store.resolve(options)
      let record: [(String, JSONValue)] = [
        ("path", .string(path)), ("exists", .bool(FileManager.default.fileExists(atPath: path))),
      ]
      switch options.format {
      case .json, .csv:
        options.emit(
          Report(
            tables: [], json: .object(record),
            data: [
              DataTable(
                name: "path", rowMeaning: "one row: the database file and whether it exists",
                columns: ["path", "exists"], records: [record])
            ]))
      default:
        print(path)
      }
    }
  }
}

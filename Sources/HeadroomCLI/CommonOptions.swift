import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension OutputFormat: ExpressibleByArgument {}

/// Options every command takes: output format and data folder.
public struct CommonOptions: ParsableArguments {
  @Option(help: "Output format: table, json, csv or markdown.")
  public var format: OutputFormat = .table

  @Option(
    name: .customLong("data"),
    help: ArgumentHelp(
      "A data folder read above the bundled data (repeatable: later folders add items and replace earlier ones "
        + "by id; default: $HEADROOM_DATA, ':'-separated).", valueName: "dir"),
    completion: .directory)
  public var data: [String] = []

  @Flag(help: "Print text tables whole, however wide (default: fit COLUMNS, the terminal, else 120 columns).")
  public var wide = false

  @Option(
    help: ArgumentHelp(
      "With --format csv: the table to write (default: the command's main table; the README lists them).",
      valueName: "name"))
  public var table: String?

  public init() {}

  public func validate() throws {
    if let table, format != .csv {
      throw ValidationError("--table \(table) applies to --format csv only (got --format \(format.rawValue)).")
    }
  }

  /// Loads the catalog from the data folders.
  func loadCatalog() throws -> Catalog { try loadData().catalog }

  /// The data folders: the bundled data, the user's data folder when it holds data, then --data (or
  /// $HEADROOM_DATA).
  func dataFolders() throws -> DataFolders { try DataDirectory.folders(explicit: data) }

  /// Locates the data folders and loads their catalog: the one loading path of every command.
  ///
  /// - Parameter writing: the command writes own data (a template, an import) into the last named folder,
  ///   which then need not exist yet.
  func loadData(writing: Bool = false) throws -> LoadedData {
    let folders = try DataDirectory.folders(explicit: data, newTop: writing)
    return LoadedData(folders: folders, catalog: try CatalogLoader(folders: folders).load())
  }

  /// Prints a report with the notes of ``noted(_:data:uses:scenario:ignored:)`` under it.
  func emit(
    _ report: Report, data: LoadedData?, uses ids: Set<String>? = nil, scenario: Scenario? = nil,
    ignored: [String] = []
  ) {
    emit(noted(report, data: data, uses: ids, scenario: scenario, ignored: ignored))
  }

  /// A report with lines under it naming the data folders above the bundled data and what they added or
  /// replaced, the private figures the result rests on (of the items with ids in `uses`, all items when nil,
  /// and the scenario's) and what the command ignored.
  func noted(
    _ report: Report, data: LoadedData?, uses ids: Set<String>? = nil, scenario: Scenario? = nil,
    ignored: [String] = []
  ) -> Report {
    guard let data else { return report.addingNotes(ignored: ignored) }
    var figures = data.catalog.privateFigures(of: ids)
    if let scenario {
      figures += scenario.provenance.privateFields.map { field in
        Catalog.PrivateFigure(
          file: scenario.provenance.file ?? scenario.id, field: field,
          note: scenario.provenance.marks[field]?.note ?? "")
      }
    }
    return report.addingDataNotes(
      DataNotes(
        layering: data.catalog.layering, labels: data.folders.layers.indices.map(data.folders.label),
        privateFigures: figures, ignored: ignored))
  }

  /// The report in the chosen format. A report holding a number that is not finite (`inf W`), or a `--table` it
  /// does not have, stops the command with an error (exit status 1) before anything is printed or saved.
  func rendered(_ report: Report) -> String {
    let nonFinite = report.nonFiniteNumbers
    guard nonFinite.isEmpty else {
      let listed = nonFinite.prefix(3).joined(separator: "; ") + (nonFinite.count > 3 ? "; ..." : "")
      FileHandle.standardError.write(
        Data(
          ("error: the result is not finite (\(listed)): an input is out of range or too large; "
            + "check the values given on the command line and in the data files\n").utf8))
      terminateProcess(1)
    }
    do {
      return try report.render(format, table: table, layout: TerminalWidth.layout(wide: wide))
    } catch {
      FileHandle.standardError.write(Data("error: \(error)\n".utf8))
      terminateProcess(1)
    }
  }

  /// Prints a report in the chosen format (see ``rendered(_:)``).
  func emit(_ report: Report) { print(rendered(report), terminator: "") }
}

/// The data folders a command read and the catalog in them.
struct LoadedData {
  var folders: DataFolders
  var catalog: Catalog

  /// A scenario loader over the same folders.
  var scenarios: ScenarioLoader { ScenarioLoader(catalog: catalog, folders: folders) }
  /// A workloads loader over the same folders.
  var workloads: WorkloadsLoader { WorkloadsLoader(catalog: catalog, folders: folders) }
}

/// Today's date, for "rules in force" defaults.
func today() -> Day {
  let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
  return Day(year: components.year!, month: components.month!, day: components.day!)
}

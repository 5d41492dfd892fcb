import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension CSVImport.Kind: ExpressibleByArgument {}

/// `headroom import fleet|sites|accelerators <file.csv>`: the user's own data from a spreadsheet.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import a CSV file of your own fleet, sites or accelerators as checked YAML in your data folder.",
    discussion: """
      Columns are named by field, with the unit in the name for quantities (tdp_w, memory_gb, interconnect_mw); \
      a quantity column without its unit, an unknown column, or a value that does not fit its column is an error \
      naming the row (the header is row 1) and the column, and nothing is written. A row with source_url and \
      confidence cites that source; a row without is your own figure, written 'private: true' with the row's note. \
      The README lists the columns of each kind. Files go to the last --data folder, else the user data folder \
      ($XDG_DATA_HOME/headroom, else ~/.local/share/headroom). Examples:
        headroom import fleet our-fleet.csv --scenario our-fleet
        headroom import sites sites.csv --data ~/headroom-data
        headroom import accelerators parts.csv
      """)

  @OptionGroup var options: CommonOptions

  @Argument(help: "What the file holds: fleet, sites or accelerators.")
  var kind: CSVImport.Kind

  @Argument(help: "The CSV file.", completion: .file(extensions: ["csv"]))
  var file: String

  @Option(help: "For a fleet: the id of the scenario to write (default: the file's name).")
  var scenario: String?

  @Option(help: "For a fleet: the scenario it extends.", completion: IDCompletion.of(.scenario))
  var extends = "baseline"

  func validate() throws {
    if kind != .fleet && (scenario != nil || extends != "baseline") {
      throw ValidationError("--scenario and --extends apply to 'import fleet' only.")
    }
  }

  func run() throws {
    let data = try options.loadData(writing: true)
    guard let bytes = FileManager.default.contents(atPath: file) else {
      throw CommandError(
        "\(file): cannot read the file (\(FileManager.default.fileExists(atPath: file) ? "not readable" : "no such file"))"
      )
    }
    guard let text = String(data: bytes, encoding: .utf8) else {
      throw CommandError("\(file): not UTF-8 text (save the spreadsheet as CSV UTF-8)")
    }
    let name = (file as NSString).lastPathComponent
    let table = try CSVTable(parsing: text, file: name)
    let stem = ((name as NSString).deletingPathExtension).lowercased().replacingOccurrences(of: "_", with: "-")
    let id = scenario ?? stem
    let loader = data.scenarios
    if kind == .fleet {
      guard loader.scenarioIDs.contains(extends) else {
        throw CommandError(
          "--extends \(extends): no such scenario" + NearestNames.suggestion(for: extends, among: loader.scenarioIDs))
      }
      if loader.scenarioIDs.contains(id) {
        throw CommandError(
          "--scenario \(id): a scenario with this id exists already (\(loader.folders.display(loader.url(for: id)))); "
            + "give another with --scenario")
      }
    }
    let imported = try CSVImport(kind: kind, table: table, catalog: data.catalog, scenario: id, extends: extends)
    let folder = DataDirectory.writeFolder(data.folders)
    var written: [URL] = []
    do {
      for item in imported.files {
        let url = folder.appendingPathComponent(item.relative)
        guard !FileManager.default.fileExists(atPath: url.path) else {
          throw CommandError("\(url.path): the file exists already; remove it or choose another id")
        }
      }
      for item in imported.files {
        let url = folder.appendingPathComponent(item.relative)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(item.text.utf8).write(to: url, options: .withoutOverwriting)
        written.append(url)
      }
      // The whole data, the new files included, must load (references, and the fleet's scenario).
      var folders = data.folders
      if !folders.layers.contains(where: { $0.path == folder.standardizedFileURL.path }) {
        folders = DataFolders(
          layers: folders.layers + [folder], baseOrigin: folders.baseOrigin, explicitCount: folders.explicitCount + 1)
      }
      let catalog = try CatalogLoader(folders: folders).load()
      if kind == .fleet { _ = try ScenarioLoader(catalog: catalog, folders: folders).load(id) }
    } catch {
      for url in written { try? FileManager.default.removeItem(at: url) }
      throw error
    }
    var report = Table(
      title: "Imported \(imported.rowCount) row\(imported.rowCount == 1 ? "" : "s") of \(name) as \(kind.rawValue)",
      columns: [.init("id"), .init("file")])
    for (item, url) in zip(imported.files, written) { report.append([item.id, url.path]) }
    report.notes =
      [
        "Checked: every value, unit and reference; 'headroom catalog check' shows coverage (rows without a source are private)."
      ]
      + (kind == .fleet
        ? ["Use it: headroom walls --scenario \(id)" + (options.data.isEmpty ? "" : " --data \(folder.path)")] : [])
    options.emit(
      Report(
        tables: [report],
        json: .object([
          ("kind", .string(kind.rawValue)), ("rows", .number(Double(imported.rowCount))),
          ("files", .array(written.map { .string($0.path) })),
        ])))
  }
}

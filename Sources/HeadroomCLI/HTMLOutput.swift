import Foundation
import HeadroomReport
import HeadroomStore

/// The `--html <file>` option of walls, whatif, sweep, plan and grid show: the page's run context, and writing it.
enum HTMLOutput {
  /// A context for a page about a run that read `data`: its data hash, its first data folder (files in the folders
  /// above it are named by their full paths), and the command as run.
  static func context(data: LoadedData, overrides: [String]) -> ReportContext {
    ReportContext(
      dataHash: DataHash.of(layers: data.folders.layers), dataRoot: data.folders.base.path, command: commandLine,
      overrides: overrides)
  }

  /// The command line as run, with arguments that hold spaces quoted.
  static var commandLine: String {
    (["headroom"] + CommandLine.arguments.dropFirst()).map { argument in
      argument.contains(where: { $0 == " " || $0 == "\"" || $0 == "'" })
        ? "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'" : argument
    }.joined(separator: " ")
  }

  /// Writes the page (atomically: a reader never sees half a file).
  static func write(_ page: HTMLReport, to path: String) throws {
    do {
      try page.render().write(toFile: path, atomically: true, encoding: .utf8)
    } catch {
      throw CommandError("--html \(path): cannot write the report (\(error.localizedDescription))")
    }
  }
}

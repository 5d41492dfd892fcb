import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomStore

/// The `--path` option of the database commands, and how a path is chosen without it.
struct StoreOptions: ParsableArguments {
  @Option(
    help: ArgumentHelp(
      "The database file (default: $HEADROOM_DB, else .headroom/headroom.sqlite in the data folder).",
      valueName: "file"))
  var path: String?

  /// The database file: `--path`, else `$HEADROOM_DB`, else `<data folder>/.headroom/headroom.sqlite`.
  func resolve(_ options: CommonOptions) throws -> String {
    try DatabaseLocation.resolve(explicit: path) { try DataDirectory.locate(explicit: options.data) }
  }
}

/// Runs a command body that uses the store, reporting store errors like other command errors:
/// one line on standard error and a non-zero exit, never a stack trace.
func reportingStoreErrors(_ body: () throws -> Void) throws {
  try reportingErrors {
    do {
      try body()
    } catch let error as StoreError {
      throw CommandError(error.description)
    }
  }
}

/// Saving runs from the planning commands (walls, whatif, sweep, plan).
enum RunHistory {
  /// Saves a run in the database the options name (created when missing) and returns its id.
  ///
  /// A run that cannot be saved is reported on standard error as a warning and returns nil, so the
  /// run's own output is never lost to a database problem.
  ///
  /// For example, at the end of `walls`: `RunHistory.save(summary, path: history.database, root: data.root)`.
  @discardableResult
  static func save(_ summary: RunSummary, path: String?, root: URL) -> Int64? {
    do {
      let file = try DatabaseLocation.resolve(explicit: path) { root }
      return try HeadroomDatabase(path: file).saveRun(summary)
    } catch {
      FileHandle.standardError.write(Data("warning: the run was not saved: \(error)\n".utf8))
      return nil
    }
  }

}

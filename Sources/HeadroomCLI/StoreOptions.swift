import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomStore

/// The `--db` option of the database commands (`--path` is its deprecated alias), and how a file is
/// chosen without it.
struct StoreOptions: ParsableArguments {
  @Option(
    name: .customLong("db"),
    help: ArgumentHelp(
      "The database file (default: $HEADROOM_DB, else .headroom/headroom.sqlite in the data folder when it is "
        + "writable, else in $XDG_DATA_HOME/headroom or ~/.local/share/headroom).", valueName: "file"),
    completion: .file(extensions: ["sqlite", "db"]))
  var database: String?

  @Option(
    name: .customLong("path"),
    help: ArgumentHelp(
      "Deprecated: the old name of --db (still accepted for now).", valueName: "file", visibility: .hidden),
    completion: .file(extensions: ["sqlite", "db"]))
  var legacyPath: String?

  func validate() throws {
    if database != nil && legacyPath != nil { throw ValidationError("Give --db only (--path is its old name).") }
  }

  /// The database file: `--db`, else `$HEADROOM_DB`, else `.headroom/headroom.sqlite` in the data folder
  /// (``DataDirectory/databaseFolder(_:environment:)``).
  func resolve(_ options: CommonOptions) throws -> String {
    if legacyPath != nil {
      FileHandle.standardError.write(Data("warning: --path is deprecated; use --db\n".utf8))
    }
    return try DatabaseLocation.resolve(explicit: database ?? legacyPath) {
      DataDirectory.databaseFolder(try options.dataFolders())
    }
  }
}

/// Saving runs from the planning commands (walls, whatif, sweep, plan).
enum RunHistory {
  /// Saves a run in the database the options name (created when missing) and returns its id and file.
  ///
  /// A run that cannot be saved is reported on standard error as a warning and returns nil, so the
  /// run's own output is never lost to a database problem.
  ///
  /// For example, at the end of `walls`: `RunHistory.save(summary, path: history.database, folders: data.folders)`.
  @discardableResult
  static func save(_ summary: RunSummary, path: String?, folders: DataFolders) -> (id: Int64, file: String)? {
    do {
      let file = DatabaseLocation.resolve(explicit: path) { DataDirectory.databaseFolder(folders) }
      return (try HeadroomDatabase(path: file).saveRun(summary), file)
    } catch {
      FileHandle.standardError.write(Data("warning: the run was not saved: \(error)\n".utf8))
      return nil
    }
  }

}

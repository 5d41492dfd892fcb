import Foundation

/// Where the Headroom database lives when no path is given.
public enum DatabaseLocation {
  /// The environment variable that names the database file.
  public static let environmentVariable = "HEADROOM_DB"

  /// The default file, relative to the data folder (ignored by git).
  public static let relativeDefault = ".headroom/headroom.sqlite"

  /// The database file: `explicit` when given, else `$HEADROOM_DB` when set, else
  /// `<dataRoot>/.headroom/headroom.sqlite`. Relative paths are taken from the working directory.
  public static func resolve(
    explicit: String?, dataRoot: () throws -> URL,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) rethrows -> String {
    if let explicit, !explicit.isEmpty { return absolute(explicit) }
    if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
      return absolute(fromEnvironment)
    }
    return try dataRoot().appendingPathComponent(relativeDefault).standardizedFileURL.path
  }

  static func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
  }
}

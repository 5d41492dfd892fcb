import Foundation
import HeadroomModel

/// Finds the data folders: the bundled data (the one holding `Hardware/` and `Grids/`), the user's own
/// data folder when it exists, and the folders named by `--data` or `$HEADROOM_DATA`.
public enum DataDirectory {
  /// The variable that names data folders, separated by ':' (lowest first).
  public static let environmentVariable = "HEADROOM_DATA"

  /// The data folder: `explicit` when given, else `$HEADROOM_DATA`, else the nearest folder holding
  /// `Hardware/` going up from the working directory, then from the executable, then this source file
  /// (the repository the tool was built from).
  public static func locate(explicit: String? = nil) throws(CatalogError) -> URL {
    if let explicit {
      let url = URL(fileURLWithPath: explicit).standardizedFileURL
      guard isDataFolder(url) else {
        throw CatalogError(
          file: explicit, expected: "not a data folder: expected Hardware/ inside it (and Grids/, Scenarios/)")
      }
      return url
    }
    if let environment = ProcessInfo.processInfo.environment[environmentVariable], !environment.isEmpty,
      !environment.contains(":")
    {
      return try locate(explicit: environment)
    }
    guard let found = bundled() else {
      throw CatalogError(expected: "no data folder found: pass --data <dir> (a folder with Hardware/ and Grids/)")
    }
    return found.url
  }

  /// The data folders to read, lowest first: the bundled data; the user's data folder
  /// (``userFolder(environment:)``) when it holds data; then `explicit` (the `--data` options, in order),
  /// or when none are given the ':'-separated folders of `$HEADROOM_DATA`. A folder named twice, or naming
  /// the bundled data, is read once.
  ///
  /// - Parameter newTop: whether the last named folder may not exist yet (commands that write own data,
  ///   templates and imports, create it): it is then read as an empty folder.
  /// - Throws: ``CatalogError`` when a named folder does not exist or is not a folder, or when no data is
  ///   found at all.
  public static func folders(
    explicit: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
    newTop: Bool = false
  ) throws(CatalogError) -> DataFolders {
    var named = explicit
    if named.isEmpty, let list = environment[environmentVariable], !list.isEmpty {
      named = list.split(separator: ":").map(String.init).filter { !$0.isEmpty }
    }
    var layers: [URL] = []
    for (index, path) in named.enumerated() {
      let url = URL(fileURLWithPath: path).standardizedFileURL
      var isDirectory: ObjCBool = false
      let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
      if newTop, index == named.count - 1, !exists {
        layers.append(url)
        continue
      }
      guard exists, isDirectory.boolValue else {
        throw CatalogError(
          file: path,
          expected: "no such data folder (a folder holding Hardware/, Grids/ or Scenarios/; "
            + "'headroom site new' and 'headroom import' create one)")
      }
      layers.append(url)
    }
    let found = bundled()
    var base: [URL] = []
    if let found { base.append(found.url) }
    let user = userFolder(environment: environment)
    if holdsData(user) { base.append(user) }
    var all: [URL] = []
    for url in base + layers where !all.contains(where: { $0.path == url.path }) { all.append(url) }
    guard !all.isEmpty else {
      throw CatalogError(expected: "no data folder found: pass --data <dir> (a folder with Hardware/ and Grids/)")
    }
    let explicitCount = all.filter { url in layers.contains { $0.path == url.path } }.count
    let origin = found.map(\.origin) ?? .explicit
    return DataFolders(layers: all, baseOrigin: origin, explicitCount: explicitCount)
  }

  /// The user's own data folder: `$XDG_DATA_HOME/headroom`, else `~/.local/share/headroom`. Templates
  /// and imports go there when no `--data` folder is given; it is read above the bundled data when it
  /// holds data.
  public static func userFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
    if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
      return URL(fileURLWithPath: xdg).appendingPathComponent("headroom").standardizedFileURL
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return URL(fileURLWithPath: home).appendingPathComponent(".local/share/headroom").standardizedFileURL
  }

  /// The folder the user's own data is written to (templates, imports): the last folder named by the
  /// user (`--data` or `$HEADROOM_DATA`), else the user's data folder (``userFolder(environment:)``).
  public static func writeFolder(
    _ folders: DataFolders, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    folders.explicitCount > 0 ? folders.top : userFolder(environment: environment)
  }

  /// The folder that holds the default database (`.headroom/headroom.sqlite` inside it): the last folder
  /// named by the user when it is writable; else the bundled data when it is writable and was found from
  /// the working directory or the executable (a checkout); else the user's data folder. Never a path
  /// compiled into the tool.
  public static func databaseFolder(
    _ folders: DataFolders, environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> URL {
    if folders.explicitCount > 0, isWritable(folders.top) { return folders.top }
    if folders.baseOrigin == .workingDirectory || folders.baseOrigin == .executable, isWritable(folders.base) {
      return folders.base
    }
    return userFolder(environment: environment)
  }

  /// The bundled data: the nearest folder holding `Hardware/` going up from the working directory, then
  /// from the executable, then from this source file.
  static func bundled() -> (url: URL, origin: DataFolders.Origin)? {
    let starts: [(URL, DataFolders.Origin)] = [
      (URL(fileURLWithPath: FileManager.default.currentDirectoryPath), .workingDirectory),
      (
        URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent(),
        .executable
      ),
      (URL(fileURLWithPath: #filePath), .compiledPath),
    ]
    for (start, origin) in starts {
      var candidate = start.standardizedFileURL
      for _ in 0..<12 {
        if isDataFolder(candidate) { return (candidate, origin) }
        let parent = candidate.deletingLastPathComponent()
        if parent.path == candidate.path { break }
        candidate = parent
      }
    }
    return nil
  }

  static func isDataFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(
      atPath: url.appendingPathComponent("Hardware").path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }

  /// Whether a folder holds any of `Hardware/`, `Grids/` or `Scenarios/`.
  static func holdsData(_ url: URL) -> Bool {
    ["Hardware", "Grids", "Scenarios"].contains { folder in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: url.appendingPathComponent(folder).path, isDirectory: &isDirectory)
        && isDirectory.boolValue
    }
  }

  /// Whether a folder exists and this process may create files in it.
  static func isWritable(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
      && FileManager.default.isWritableFile(atPath: url.path)
  }
}

import Foundation
import HeadroomModel

/// Finds the data folder (the one holding `Hardware/` and `Grids/`).
public enum DataDirectory {
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
    if let environment = ProcessInfo.processInfo.environment["HEADROOM_DATA"], !environment.isEmpty {
      return try locate(explicit: environment)
    }
    let starts = [
      URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
      URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        .deletingLastPathComponent(),
      URL(fileURLWithPath: #filePath),
    ]
    for start in starts {
      var candidate = start.standardizedFileURL
      for _ in 0..<12 {
        if isDataFolder(candidate) { return candidate }
        let parent = candidate.deletingLastPathComponent()
        if parent.path == candidate.path { break }
        candidate = parent
      }
    }
    throw CatalogError(expected: "no data folder found: pass --data <dir> (a folder with Hardware/ and Grids/)")
  }

  static func isDataFolder(_ url: URL) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(
      atPath: url.appendingPathComponent("Hardware").path, isDirectory: &isDirectory)
      && isDirectory.boolValue
  }
}

import ArgumentParser
import Foundation

/// Checks of a path a command will write, made before any solving or saving.
enum OutputPath {
  /// Throws when the folder does not exist or the extension is not the one the option writes.
  static func check(_ path: String, option: String) throws {
    let url = URL(fileURLWithPath: path)
    let expected: [String: String] = [
      "--chart": "svg", "--export-mps": "mps", "--save-samples": "json", "--save-results": "json", "--html": "html",
    ]
    if let wanted = expected[option], url.pathExtension.lowercased() != wanted {
      throw ValidationError("\(option) \(path): expected a .\(wanted) file.")
    }
    var isDirectory: ObjCBool = false
    let folder = url.deletingLastPathComponent().path
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("\(option) \(path): the folder \(folder) does not exist.")
    }
    guard FileManager.default.isWritableFile(atPath: folder) else {
      throw ValidationError("\(option) \(path): the folder \(folder) is not writable.")
    }
  }
}

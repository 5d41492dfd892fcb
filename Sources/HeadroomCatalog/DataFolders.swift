import Foundation
import HeadroomModel

/// The data folders a command reads, lowest first: the bundled data, then the user's own folders.
///
/// Each folder above the first adds items and replaces the items below it that have the same id (an
/// accelerator, a site, a scenario, a workloads file …). Files of the first folder are named relative to
/// it in messages (`Grids/sites/x.yaml`), files of the others by their full path, so every message and
/// report says which folder an item came from.
///
/// For example:
/// ```swift
/// let folders = DataFolders(layers: [bundled, URL(fileURLWithPath: "/home/me/headroom")])
/// let catalog = try CatalogLoader(folders: folders).load()
/// catalog.layering.items   // [site my-campus (new), country US (replaces Grids/countries/US.yaml)]
/// ```
public struct DataFolders: Sendable, Hashable {
  /// How the first folder was found.
  public enum Origin: Sendable, Hashable {
    /// Given on the command line or in `$HEADROOM_DATA`.
    case explicit
    /// Found going up from the working directory.
    case workingDirectory
    /// Found going up from the executable.
    case executable
    /// Found from the path of the source file compiled into the tool (the build machine's checkout).
    case compiledPath
  }

  /// The folders, lowest first.
  public var layers: [URL]
  /// How the first folder was found.
  public var baseOrigin: Origin
  /// How many of the last folders were named by the user (`--data` or `$HEADROOM_DATA`).
  public var explicitCount: Int

  public init(layers: [URL], baseOrigin: Origin = .explicit, explicitCount: Int? = nil) {
    precondition(!layers.isEmpty, "at least one data folder")
    self.layers = layers.map(\.standardizedFileURL)
    self.baseOrigin = baseOrigin
    self.explicitCount = explicitCount ?? layers.count
  }

  /// One folder on its own.
  public init(root: URL) { self.init(layers: [root]) }

  /// The first (bundled) folder.
  public var base: URL { layers[0] }
  /// The last folder: where the user's own data goes.
  public var top: URL { layers[layers.count - 1] }
  /// Whether more than one folder is read.
  public var isLayered: Bool { layers.count > 1 }

  /// A file's name in messages: relative to the first folder for its files, else the full path.
  public func display(_ relative: String, layer: Int) -> String {
    layer == 0 ? relative : layers[layer].appendingPathComponent(relative).path
  }

  /// Any file's name in messages: relative to the first folder when inside it, else the full path.
  public func display(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
    return path.hasPrefix(basePath) ? String(path.dropFirst(basePath.count)) : path
  }

  /// The topmost folder holding a file (a path relative to the folders), with the file's URL.
  public func locate(_ relative: String) -> (layer: Int, url: URL)? {
    for layer in layers.indices.reversed() {
      let url = layers[layer].appendingPathComponent(relative)
      if FileManager.default.fileExists(atPath: url.path) { return (layer, url) }
    }
    return nil
  }

  /// The ids (file names without `.yaml`) of the YAML files directly in a folder, over every layer.
  public func ids(in folder: String) -> [String] {
    var ids = Set<String>()
    for layer in layers {
      let path = layer.appendingPathComponent(folder).path
      for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where name.hasSuffix(".yaml") {
        ids.insert(String(name.dropLast(5)))
      }
    }
    return ids.sorted()
  }

  /// The folder a file lies in (the deepest layer whose path holds it), or nil.
  public func layer(of url: URL) -> Int? {
    let path = url.standardizedFileURL.path
    return layers.indices.reversed().first {
      path.hasPrefix(layers[$0].path.hasSuffix("/") ? layers[$0].path : layers[$0].path + "/")
    }
  }

  /// The folder's name in reports: its full path, with `(bundled)` after the first when it was not named
  /// by the user.
  public func label(_ layer: Int) -> String {
    layer == 0 && explicitCount < layers.count ? "\(layers[0].path) (bundled)" : layers[layer].path
  }

  /// Whether two files hold the same bytes (a copy of a file above the first changes nothing).
  static func identical(_ a: URL, _ b: URL) -> Bool {
    guard let first = FileManager.default.contents(atPath: a.path),
      let second = FileManager.default.contents(atPath: b.path)
    else { return false }
    return first == second
  }
}

import ArgumentParser
import Foundation
import HeadroomCatalog

/// Shell completions for ids, read from the data folders' file names (cheap, and still useful when a
/// data file is broken): `headroom fit --site <TAB>` offers the site ids of every folder.
enum IDCompletion {
  /// What kind of id to complete.
  enum Kind: Sendable {
    case accelerator, system, site, country, scenario, workloads, model

    /// The data folder holding the kind's files, and whether ids sit in sub-folders (accelerators by vendor).
    var folder: (path: String, nested: Bool) {
      switch self {
      case .accelerator: ("Hardware/accelerators", true)
      case .system: ("Hardware/systems", false)
      case .site: ("Grids/sites", false)
      case .country: ("Grids/countries", false)
      case .scenario: ("Scenarios", false)
      case .workloads: ("Scenarios/workloads", false)
      case .model: ("Scenarios/models", false)
      }
    }
  }

  /// The completion of one kind of id.
  static func of(_ kind: Kind) -> CompletionKind {
    .custom { words, _, _ in ids(kind, words: words) }
  }

  /// The ids of a kind in the data folders, the `--data` folders of the command line included.
  static func ids(_ kind: Kind, words: [String]) -> [String] {
    var named: [String] = []
    for (index, word) in words.enumerated() {
      if word == "--data", index + 1 < words.count { named.append(words[index + 1]) }
      if word.hasPrefix("--data=") { named.append(String(word.dropFirst("--data=".count))) }
    }
    guard let folders = try? DataDirectory.folders(explicit: named) else { return [] }
    var ids = Set<String>()
    for layer in folders.layers {
      let base = layer.appendingPathComponent(kind.folder.path)
      let names: [String]
      if kind.folder.nested {
        names = (FileManager.default.enumerator(atPath: base.path)?.allObjects as? [String]) ?? []
      } else {
        names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
      }
      for name in names where name.hasSuffix(".yaml") {
        ids.insert(((name as NSString).lastPathComponent as NSString).deletingPathExtension)
      }
    }
    if kind == .scenario { ids.subtract(["mfu", "inference-profiles", "calibration"]) }
    return ids.sorted()
  }
}

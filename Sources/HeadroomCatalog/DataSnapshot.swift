import Foundation
import HeadroomModel
import Yams

/// Every YAML file under a data folder read as flat fields: dotted path → value as written, with its
/// line and the sources that back it. The base of ``CatalogDiff`` and of the per-field data hashes
/// saved with each run.
///
/// Paths follow the `supports` convention of the data files: mapping keys are joined with dots; a
/// list of mappings is keyed by each entry's `id` (halls) or `accelerator` (domestic production), else
/// by index (`limits.0`); a list of plain values is one field (`export_groups` = `[D:4]`). A long-form
/// value is the field itself plus its marks (`tdp` = `750 W`, `tdp.estimate` = `true`, `tdp.note`); a
/// source entry is one field, `sources[<url>]` = `<confidence>; supports [<paths>]; <note>`.
public struct DataSnapshot: Sendable {
  /// One value as written.
  public struct Field: Sendable, Hashable {
    public var value: String
    public var line: Int?
  }

  /// One source entry of a file.
  public struct SourceEntry: Sendable, Hashable {
    public var url: String
    public var supports: [String]
    public var confidence: String
  }

  /// One data file.
  public struct File: Sendable {
    /// Path relative to the data folder.
    public var path: String
    /// The file's `id`, or its name without extension.
    public var id: String
    public var fields: [String: Field]
    public var sources: [SourceEntry]

    /// The sources whose `supports` cover a field (`compute` covers `compute.bf16`), strongest first.
    public func sources(for field: String) -> [SourceEntry] {
      let rank = ["primary": 0, "secondary": 1, "estimate": 2]
      return sources.filter { source in
        source.supports.contains { field == $0 || field.hasPrefix($0 + ".") }
      }.sorted { (rank[$0.confidence] ?? 3) < (rank[$1.confidence] ?? 3) }
    }
  }

  /// The folders read, relative to the data root (as ``DataHash`` in HeadroomStore).
  public static let folders = ["Hardware", "Grids", "Scenarios"]

  /// Files by relative path.
  public var files: [String: File]

  public init(files: [String: File]) { self.files = files }

  /// Reads every `.yaml`/`.yml` file under the data folders of `root`; a malformed file is an error
  /// naming it and the line.
  public static func read(root: URL) throws(CatalogError) -> DataSnapshot {
    let loader = CatalogLoader(root: root)
    var files: [String: File] = [:]
    for folder in folders {
      for path in loader.yamlFiles(under: folder) {
        files[path] = try file(path, node: loader.parse(path))
      }
    }
    return DataSnapshot(files: files)
  }

  /// Reads every data file of layered folders: files of the first folder keyed by their relative path,
  /// files of the others by their full path (as messages name them); a file that is byte for byte the
  /// one below it is skipped (it changes nothing).
  public static func read(folders: DataFolders) throws(CatalogError) -> DataSnapshot {
    let loader = CatalogLoader(folders: folders)
    var files: [String: File] = [:]
    for layer in folders.layers.indices {
      for folder in Self.folders {
        for path in loader.yamlFiles(under: folder, in: folders.layers[layer]) {
          let url = folders.layers[layer].appendingPathComponent(path)
          if layer > 0,
            let below = (0..<layer).reversed().map({ folders.layers[$0].appendingPathComponent(path) })
              .first(where: { FileManager.default.fileExists(atPath: $0.path) }),
            DataFolders.identical(url, below)
          {
            continue
          }
          let display = folders.display(path, layer: layer)
          var file = try file(display, node: loader.parse(display, absolute: url))
          file.path = display
          files[display] = file
        }
      }
    }
    return DataSnapshot(files: files)
  }

  /// Flattens one parsed file.
  static func file(_ path: String, node: Node) -> File {
    var fields: [String: Field] = [:]
    var sources: [SourceEntry] = []
    func put(_ path: String, _ value: String, _ node: Node) {
      fields[path] = Field(value: value, line: node.mark?.line)
    }
    func join(_ base: String, _ key: String) -> String { base.isEmpty ? key : "\(base).\(key)" }
    func flatten(_ node: Node, _ base: String) {
      switch node {
      case .scalar(let scalar):
        put(base, scalar.string, node)
      case .mapping(let mapping):
        let keys = mapping.map { $0.key.string ?? "" }
        let longForm =
          keys.contains("value")
          && (keys.contains("estimate") || keys.contains("assumption") || keys.contains("private"))
        for (key, value) in mapping {
          let name = key.string ?? ""
          if base.isEmpty && name == "sources", case .sequence(let entries) = value {
            for entry in entries { source(entry) }
          } else if longForm && name == "value" {
            flatten(value, base)
          } else {
            flatten(value, join(base, name))
          }
        }
      case .sequence(let sequence):
        if sequence.allSatisfy({ if case .scalar = $0 { true } else { false } }) {
          put(base, "[" + sequence.map { $0.string ?? "" }.joined(separator: ", ") + "]", node)
          return
        }
        for (index, element) in sequence.enumerated() {
          var key = "\(index)"
          if case .mapping(let mapping) = element {
            let named = mapping.first { $0.key.string == "id" } ?? mapping.first { $0.key.string == "accelerator" }
            if let name = named?.value.string { key = name }
          }
          flatten(element, join(base, key))
        }
      case .alias:
        break
      }
    }
    func source(_ entry: Node) {
      guard case .mapping(let mapping) = entry, let url = mapping.first(where: { $0.key.string == "url" })?.value.string
      else { return }
      let supportsNode = mapping.first { $0.key.string == "supports" }?.value
      var supports: [String] = []
      if case .sequence(let list)? = supportsNode { supports = list.compactMap(\.string) }
      let confidence = mapping.first { $0.key.string == "confidence" }?.value.string ?? ""
      sources.append(SourceEntry(url: url, supports: supports, confidence: confidence))
      let note = mapping.first { $0.key.string == "note" }?.value.string
      let text = "\(confidence); supports [\(supports.joined(separator: ", "))]" + (note.map { "; \($0)" } ?? "")
      put("sources[\(url)]", text, entry)
    }
    flatten(node, "")
    let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    let id = fields["id"]?.value ?? stem
    return File(path: path, id: id, fields: fields, sources: sources)
  }

  /// A hash of every field's value (FNV-1a 64 of its text), by file and field: saved with a run so that
  /// two runs whose data hashes differ can name the fields that changed.
  public var fieldHashes: [(file: String, field: String, hash: String)] {
    files.keys.sorted().flatMap { path in
      files[path]!.fields.keys.sorted().map { field in
        (path, field, FNV1a64.hex(of: files[path]!.fields[field]!.value))
      }
    }
  }
}

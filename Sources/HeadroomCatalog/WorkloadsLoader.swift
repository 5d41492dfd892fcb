import Foundation
import HeadroomModel
import Yams

/// Reads a workloads file (`Scenarios/workloads/<id>.yaml`): applies `--set` overrides to its YAML
/// tree, then reads and checks every field against the catalog (systems, models, accelerators).
///
/// Overrides use the scenario mechanism (``ScenarioOverride`` and the same tree edit as
/// ``ScenarioLoader``), so `--set training.frontier-run.deadline=2028`,
/// `--set inference.chat.rate.2029=6M` and `--set policy.h200-sxm=allowed` work like scenario paths.
/// An error in a field set from the command line names the `--set`.
///
/// For example:
/// ```swift
/// let workloads = try WorkloadsLoader(catalog: catalog, root: root)
///   .load("us-frontier", overrides: [ScenarioOverride(path: "policy.h200-sxm", value: "allowed")])
/// ```
public struct WorkloadsLoader: Sendable {
  public var catalog: Catalog
  /// The data folders (an id is looked up in their `Scenarios/workloads/`, the last folder first).
  public var folders: DataFolders
  /// The first data folder.
  public var root: URL { folders.base }

  public init(catalog: Catalog, root: URL) {
    self.init(catalog: catalog, folders: DataFolders(root: root))
  }

  public init(catalog: Catalog, folders: DataFolders) {
    self.catalog = catalog
    self.folders = folders
  }

  /// The ids of the workloads files in the data folders, sorted.
  public var workloadsIDs: [String] { folders.ids(in: "Scenarios/workloads") }

  /// Keys of the file's top level.
  static let topKeys = [
    "id", "name", "horizon", "systems", "policy", "policy_from", "supply", "discount_rate", "training",
    "inference", "note", "sources",
  ]
  /// Keys of one training run.
  static let trainingKeys = [
    "model", "parameters", "active_parameters", "tokens", "start", "deadline", "precision", "mfu", "goodput", "note",
  ]
  /// Keys of one inference service.
  static let inferenceKeys = ["model", "rate", "latency", "precision", "context", "note"]

  /// The path of a workloads file given as a path or as an id in `Scenarios/workloads/`.
  public func url(for workloads: String) -> URL {
    if workloads.hasSuffix(".yaml") || workloads.contains("/") {
      return URL(
        fileURLWithPath: workloads, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
    return folders.locate("Scenarios/workloads/\(workloads).yaml")?.url
      ?? folders.top.appendingPathComponent("Scenarios/workloads/\(workloads).yaml")
  }

  /// Loads a workloads file with overrides applied.
  ///
  /// - Throws: ``CatalogError`` naming the file, line, field and value (or the `--set`) of the first
  ///   problem: an unknown system, model or accelerator id, a deadline before the start, a value out
  ///   of range, an unknown key.
  public func load(_ workloads: String, overrides: [ScenarioOverride] = []) throws(CatalogError) -> Workloads {
    let file = url(for: workloads)
    let display = folders.display(file)
    guard FileManager.default.fileExists(atPath: file.path) else {
      let known = workloadsIDs
      throw CatalogError(
        file: display,
        expected: "no such workloads file"
          + NearestNames.suggestion(for: file.deletingPathExtension().lastPathComponent, among: known))
    }
    var node = try CatalogLoader(folders: folders).parse(display, absolute: file)
    for override in overrides {
      node = try apply(override, to: node)
    }
    let result: Workloads
    do {
      result = try read(node, file: display)
    } catch let error {
      if let field = error.field, let override = overrides.first(where: { $0.path == field }) {
        throw CatalogError(field: "--set \(override.path)", value: override.value, expected: error.expected)
      }
      throw error
    }
    try ScenarioLoader.checkID(result.id, of: display, in: node)
    return result
  }

  /// Whether a path that does not exist yet may be created by `--set`.
  func mayCreate(_ segments: [String]) -> Bool {
    switch segments.count {
    case 1: return Self.topKeys.contains(segments[0]) && !["sources", "training", "inference"].contains(segments[0])
    case 2: return ["horizon", "policy"].contains(segments[0])
    case 3 where segments[0] == "training": return Self.trainingKeys.contains(segments[2])
    case 3 where segments[0] == "inference": return Self.inferenceKeys.contains(segments[2])
    case 3 where segments[0] == "supply": return Int(segments[2]) != nil
    case 4 where segments[0] == "inference": return segments[2] == "rate" && Int(segments[3]) != nil
    default: return false
    }
  }

  /// Sets one scalar in the tree (the scenario loader's tree edit), creating mappings along a valid path.
  func apply(_ override: ScenarioOverride, to node: Node) throws(CatalogError) -> Node {
    let segments = override.path.split(separator: ".").map(String.init)
    let existing = ScenarioLoader.leafPaths(node)
    if !existing.contains(override.path) && !mayCreate(segments) {
      var candidates = existing + Self.topKeys.filter { !["sources", "training", "inference"].contains($0) }
      if case .mapping(let root) = node {
        for (block, keys) in [("training", Self.trainingKeys), ("inference", Self.inferenceKeys)] {
          if case .mapping(let entries)? = root.first(where: { $0.key.string == block })?.value {
            for id in entries.keys.compactMap(\.string) { candidates += keys.map { "\(block).\(id).\($0)" } }
          }
        }
      }
      let nearest = NearestNames.nearest(to: override.path, among: Array(Set(candidates)), limit: 3)
      throw CatalogError(
        field: "--set", value: override.description,
        expected: "unknown workloads path '\(override.path)'"
          + (nearest.isEmpty ? "" : "; nearest valid: \(nearest.joined(separator: ", "))"))
    }
    return ScenarioLoader.setting(segments[...], to: override.value, in: node)
  }
}

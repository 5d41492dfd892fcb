import Foundation
import HeadroomModel
import Yams

/// Reads a workloads file (`Scenarios/workloads/<id>.yaml`): applies `--set` overrides to its YAML
/// tree, then reads and checks every field against the catalog (systems, models, accelerators).
///
/// Overrides use the scenario mechanism (``ScenarioOverride`` applied by ``YAMLOverrides``, as in
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
    let parsed = try CatalogLoader(folders: folders).parse(display, absolute: file)
    let node = try Self.overrides.apply(overrides, to: parsed)
    let result = try Self.overrides.read(node, overrides: overrides) { node throws(CatalogError) in
      try read(node, file: display)
    }
    try ScenarioLoader.checkID(result.id, of: display, in: node)
    return result
  }

  /// The paths a `--set` may create in a workloads file (``YAMLOverrides``): the top-level fields, a
  /// horizon or policy entry, a field of an existing run or service, a year of a supply cap or a rate.
  static let overrides = YAMLOverrides(
    kind: "workloads",
    creatable: topKeys.filter { !["sources", "training", "inference"].contains($0) } + ["horizon.*", "policy.*"]
      + trainingKeys.map { "training.*.\($0)" } + inferenceKeys.map { "inference.*.\($0)" }
      + ["supply.*.#", "inference.*.rate.#"])
}

import Foundation
import HeadroomModel
import Yams

/// Reads a scenario file: follows `extends`, applies `--set` overrides to the YAML tree
/// (``YAMLOverrides``), then reads and checks every field against the catalog (countries,
/// accelerators, rule sets, models).
public struct ScenarioLoader: Sendable {
  public var catalog: Catalog
  /// The data folders (a scenario id is looked up in their `Scenarios/`, the last folder first).
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

  /// Keys a country block may use; paths under these may be created by `--set`.
  static let countryKeys = [
    "installed", "unlicensed", "licence_uptake", "power_scale", "domestic_scale", "policy", "policy_from", "demand",
  ]
  static let topKeys = [
    "id", "name", "extends", "horizon", "rules", "lifetime", "wall_threshold", "split", "ai_share_of_dc_growth",
    "dc_load_factor", "reference_model", "demand", "licence_uptake", "production", "supply_scales",
    "discount_rate", "allocation", "countries", "behind_the_meter", "sources",
  ]

  /// The path of a scenario given as a file path or as an id in `Scenarios/` (of the last data folder
  /// that has it).
  public func url(for scenario: String) -> URL {
    if scenario.hasSuffix(".yaml") || scenario.contains("/") {
      return URL(fileURLWithPath: scenario, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }
    return folders.locate("Scenarios/\(scenario).yaml")?.url
      ?? folders.top.appendingPathComponent("Scenarios/\(scenario).yaml")
  }

  /// The ids of the scenarios in the data folders' `Scenarios/` (not the sizing tables), sorted.
  public var scenarioIDs: [String] {
    folders.ids(in: "Scenarios").filter { !CatalogLoader.sizingFiles.contains("Scenarios/\($0).yaml") }
  }

  /// A scenario file read and merged with the files it extends, ready for many sets of overrides.
  public struct Prepared: @unchecked Sendable {
    let node: Node
    let file: String
  }

  /// Reads and merges a scenario file once.
  public func prepare(_ scenario: String) throws(CatalogError) -> Prepared {
    let file = url(for: scenario)
    return Prepared(node: try mergedNode(file, seen: []), file: displayName(file))
  }

  /// Loads a scenario with overrides applied.
  public func load(_ scenario: String, overrides: [ScenarioOverride] = []) throws(CatalogError) -> Scenario {
    try load(prepare(scenario), overrides: overrides)
  }

  /// Applies overrides to a prepared scenario and reads it.
  public func load(_ prepared: Prepared, overrides: [ScenarioOverride]) throws(CatalogError) -> Scenario {
    let node = try Self.overrides.apply(overrides, to: prepared.node)
    let scenario = try Self.overrides.read(node, overrides: overrides) { node throws(CatalogError) in
      try read(node, file: prepared.file)
    }
    try Self.checkID(scenario.id, of: prepared.file, in: node)
    return scenario
  }

  /// The overrides that set a field to the value the scenario already gives (the same text, or the same
  /// number): they change nothing, and a report says so.
  public func unchanged(_ overrides: [ScenarioOverride], in prepared: Prepared) -> [ScenarioOverride] {
    overrides.filter { override in
      var node: Node? = prepared.node
      for key in override.path.split(separator: ".").map(String.init) {
        guard case .mapping(let mapping)? = node else { return false }
        node = mapping.first { $0.key.string == key }?.value
      }
      if case .mapping(let mapping)? = node, let value = mapping.first(where: { $0.key.string == "value" })?.value {
        node = value
      }
      guard case .scalar(let scalar)? = node else { return false }
      let current = scalar.string.trimmingCharacters(in: .whitespaces)
      let given = override.value.trimmingCharacters(in: .whitespaces)
      if current == given { return true }
      if let a = Double(current.replacingUnderscores()), let b = Double(given.replacingUnderscores()) { return a == b }
      return false
    }
  }

  /// Throws unless an id equals the file name it was read from (without `.yaml`), as for every data file.
  static func checkID(_ id: String, of file: String, in node: Node) throws(CatalogError) {
    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    guard id != stem else { return }
    var line: Int?
    if case .mapping(let mapping) = node { line = mapping.first { $0.key.string == "id" }?.key.mark?.line }
    throw CatalogError(
      file: file, line: line, field: "id", value: id, expected: "the id must match the file name ('\(stem)')")
  }

  func displayName(_ url: URL) -> String { folders.display(url) }

  /// The file's YAML tree with the tree of the scenario it extends underneath it.
  func mergedNode(_ file: URL, seen: Set<String>) throws(CatalogError) -> Node {
    let file = file.standardizedFileURL
    let display = displayName(file)
    guard !seen.contains(file.path) else {
      throw CatalogError(file: display, field: "extends", expected: "scenarios extend each other in a cycle")
    }
    guard FileManager.default.fileExists(atPath: file.path) else {
      throw CatalogError(
        file: display,
        expected: "no such scenario file"
          + NearestNames.suggestion(for: file.deletingPathExtension().lastPathComponent, among: scenarioIDs))
    }
    let node = try CatalogLoader(folders: folders).parse(display, absolute: file)
    guard case .mapping(let mapping) = node else {
      throw CatalogError(file: display, line: node.mark?.line, expected: "a scenario is a mapping of keys to values")
    }
    guard let parent = mapping.first(where: { $0.key.string == "extends" })?.value.string else { return node }
    let base = try mergedNode(parentURL(parent, of: file, seen: seen.union([file.path])), seen: seen.union([file.path]))
    return Self.merge(base, node)
  }

  /// The file a scenario extends: `<parent>.yaml` beside it, else in the data folders' `Scenarios/` (the
  /// last folder first), skipping files already in the chain, so that a user's `baseline.yaml` may
  /// extend the bundled `baseline`. A chain that comes back to itself is a cycle (found by the caller).
  func parentURL(_ parent: String, of file: URL, seen: Set<String>) -> URL {
    let beside = file.deletingLastPathComponent().appendingPathComponent("\(parent).yaml").standardizedFileURL
    var candidates = [beside]
    for layer in folders.layers.reversed() {
      candidates.append(layer.appendingPathComponent("Scenarios/\(parent).yaml").standardizedFileURL)
    }
    let existing = candidates.filter { FileManager.default.fileExists(atPath: $0.path) }
    return existing.first { !seen.contains($0.path) } ?? existing.first ?? beside
  }

  /// Deep merge: mappings merge key by key (the overlay wins); anything else is replaced, and so is a value
  /// written in long form (`{value: ..., estimate: true, note: ...}`), whose marks belong to its value.
  static func merge(_ base: Node, _ overlay: Node) -> Node {
    guard case .mapping(let baseMapping) = base, case .mapping(let overlayMapping) = overlay else { return overlay }
    if overlayMapping.keys.contains(where: { $0.string == "value" }) { return overlay }
    var pairs: [(Node, Node)] = baseMapping.map { ($0.key, $0.value) }
    for (key, value) in overlayMapping {
      if key.string == "extends" { continue }
      if let index = pairs.firstIndex(where: { $0.0.string == key.string }) {
        // The overlay's key is kept, so that errors about the value give the overlay's line.
        pairs[index] = (
          key, key.string == "sources" ? concatenate(pairs[index].1, value) : merge(pairs[index].1, value)
        )
      } else {
        pairs.append((key, value))
      }
    }
    return .mapping(Node.Mapping(pairs, baseMapping.tag, baseMapping.style, overlayMapping.mark))
  }

  /// Sources of an extending file add to its parent's.
  static func concatenate(_ base: Node, _ overlay: Node) -> Node {
    guard case .sequence(let a) = base, case .sequence(let b) = overlay else { return overlay }
    return .sequence(Node.Sequence(Array(a) + Array(b), a.tag, a.style, a.mark))
  }

  /// The paths a `--set` may create in a scenario (``YAMLOverrides``): the top-level fields, a horizon,
  /// allocation or supply-scale entry, the demand settings, and each country's fields, kinds and years.
  static let overrides: YAMLOverrides = {
    let demand = [
      "case", "growth.start", "growth.long_run", "growth.half_life", "efficiency.training", "efficiency.inference",
    ]
    let countryDemand = demand.filter { $0.contains(".") } + ["additions.*", "power_additions.*", "training_share.*"]
    let top =
      topKeys.filter { $0 != "sources" } + [
        "horizon.*", "allocation.*", "supply_scales.*", "behind_the_meter.allowed", "behind_the_meter.shares.*",
        "behind_the_meter.scales.*",
      ]
    let demandPaths = demand + ["training_share.*", "growth.by_year", "growth.by_year.*"]
    let countryPaths =
      countryKeys + ["installed.*", "unlicensed.*", "policy.*", "installed.*.*", "unlicensed.*.*"]
      + countryDemand.map { "demand.\($0)" }
    return YAMLOverrides(
      kind: "scenario",
      creatable: top + demandPaths.map { "demand.\($0)" } + ["production.*.units.*", "production.*.allocation.*"]
        + countryPaths.map { "countries.*.\($0)" })
  }()
}

import Foundation
import HeadroomModel
import Yams

/// Reads a scenario file: follows `extends`, applies `--set` overrides to the YAML tree, then reads
/// and checks every field against the catalog (countries, accelerators, rule sets, models).
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
    "discount_rate", "allocation", "countries", "sources",
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
    var node = prepared.node
    for override in overrides {
      node = try apply(override, to: node)
    }
    let scenario: Scenario
    do {
      scenario = try read(node, file: prepared.file)
    } catch let error {
      // An error in a field set from the command line names the --set, not a file line.
      if let field = error.field, let override = overrides.first(where: { $0.path == field }) {
        throw CatalogError(field: "--set \(override.path)", value: override.value, expected: error.expected)
      }
      throw error
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

  /// Every leaf path in a tree (`countries.US.demand_growth`), for suggestions.
  static func leafPaths(_ node: Node, prefix: String = "") -> [String] {
    switch node {
    case .mapping(let mapping):
      return mapping.flatMap { pair -> [String] in
        let key = pair.key.string ?? ""
        if key == "sources" { return [] }
        return leafPaths(pair.value, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
      }
    default:
      return [prefix]
    }
  }

  /// Whether the tree has a value (not a mapping) at the path.
  static func hasLeaf(_ segments: ArraySlice<String>, in node: Node) -> Bool {
    guard let first = segments.first else {
      if case .mapping = node { return false }
      return true
    }
    guard case .mapping(let mapping) = node, let child = mapping.first(where: { $0.key.string == first })?.value
    else { return false }
    return hasLeaf(segments.dropFirst(), in: child)
  }

  /// Whether a path that does not exist yet may be created by `--set`.
  func mayCreate(_ segments: [String]) -> Bool {
    let demandPaths: Set<[String]> = [
      ["case"], ["growth", "start"], ["growth", "long_run"], ["growth", "half_life"], ["efficiency", "training"],
      ["efficiency", "inference"],
    ]
    switch segments.count {
    case 1: return Self.topKeys.contains(segments[0]) && segments[0] != "sources"
    case 2 where segments[0] == "demand": return demandPaths.contains(Array(segments[1...]))
    case 2: return ["horizon", "allocation", "supply_scales"].contains(segments[0])
    case 3 where segments[0] == "demand":
      return demandPaths.contains(Array(segments[1...])) || segments[1] == "training_share"
        || (segments[1] == "growth" && segments[2] == "by_year")
    case 3 where segments[0] == "countries": return Self.countryKeys.contains(segments[2])
    case 4 where segments[0] == "countries": return ["installed", "unlicensed", "policy"].contains(segments[2])
    case 4 where segments[0] == "production": return ["units", "allocation"].contains(segments[2])
    case 5 where segments[0] == "countries" && segments[2] == "demand":
      return demandPaths.contains(Array(segments[3...]))
        || ["additions", "power_additions", "training_share"].contains(segments[3])
    case 5 where segments[0] == "countries": return ["installed", "unlicensed"].contains(segments[2])
    case 4 where segments[0] == "demand": return segments[1] == "growth" && segments[2] == "by_year"
    default: return false
    }
  }

  /// Sets one scalar in the tree, creating mappings along a valid path.
  func apply(_ override: ScenarioOverride, to node: Node) throws(CatalogError) -> Node {
    let segments = override.path.split(separator: ".").map(String.init)
    let exists = segments.first != "sources" && Self.hasLeaf(segments[...], in: node)
    if !exists && !mayCreate(segments) {
      // Suggest from what exists and from the fields each country may set.
      var candidates = Self.leafPaths(node)
      if case .mapping(let root) = node,
        case .mapping(let countries)? = root.first(where: { $0.key.string == "countries" })?.value
      {
        for key in countries.keys.compactMap(\.string) {
          candidates += Self.countryKeys.map { "countries.\(key).\($0)" }
        }
      }
      let nearest = NearestNames.nearest(to: override.path, among: Array(Set(candidates)), limit: 3)
      throw CatalogError(
        field: "--set", value: override.description,
        expected: "unknown scenario path '\(override.path)'"
          + (nearest.isEmpty ? "" : "; nearest valid: \(nearest.joined(separator: ", "))"))
    }
    return Self.setting(segments[...], to: override.value, in: node)
  }

  static func setting(_ segments: ArraySlice<String>, to value: String, in node: Node) -> Node {
    guard let first = segments.first else { return Node(value) }
    var pairs: [(Node, Node)] = []
    var tag = Tag(.map)
    var style = Node.Mapping.Style.any
    var mark: Mark?
    if case .mapping(let mapping) = node {
      pairs = mapping.map { ($0.key, $0.value) }
      tag = mapping.tag
      style = mapping.style
      mark = mapping.mark
    }
    if let index = pairs.firstIndex(where: { $0.0.string == first }) {
      pairs[index].1 = setting(segments.dropFirst(), to: value, in: pairs[index].1)
    } else {
      pairs.append((Node(first), setting(segments.dropFirst(), to: value, in: Node.mapping(.init([])))))
    }
    return .mapping(Node.Mapping(pairs, tag, style, mark))
  }
}

import HeadroomModel
import Yams

/// Applies `--set path=value` overrides to a data file's YAML tree before the tree is read: the one
/// override engine behind ``ScenarioLoader`` and ``WorkloadsLoader``.
///
/// A path whose value exists in the tree is replaced in place. A path that does not exist yet may be
/// created only where it matches one of the file kind's `creatable` patterns: dotted paths in which `*`
/// stands for any key and `#` for a whole number (a year), e.g. `countries.*.installed.*` or
/// `inference.*.rate.#`; the mappings along it are created. Paths through `sources` are never set (they
/// hold citations, not figures). An unknown path is an error naming the override and the three nearest
/// valid paths (those in the tree and those the patterns allow under its keys). The value stays text,
/// so the field's own reader checks it (units, ranges) like a value written in the file.
///
/// For example, the workloads rule `["policy.*", "inference.*.rate.#"]` lets
/// `--set inference.chat.rate.2029=6M` add a year to an existing service, and refuses
/// `--set inference.chat.rat.2029=6M` with "nearest valid: inference.chat.rate.2028, …".
struct YAMLOverrides {
  /// The kind of file, for messages: "scenario", "workloads".
  let kind: String
  /// Dotted patterns of the paths a `--set` may create (`*`: any key, `#`: a whole number).
  let creatable: [[Substring]]

  init(kind: String, creatable: [String]) {
    self.kind = kind
    self.creatable = creatable.map { $0.split(separator: ".") }
  }

  /// The tree with every override applied in order.
  ///
  /// - Throws: ``CatalogError`` naming the first override whose path neither exists nor may be created.
  func apply(_ overrides: [ScenarioOverride], to node: Node) throws(CatalogError) -> Node {
    var node = node
    for override in overrides { node = try apply(override, to: node) }
    return node
  }

  /// Reads a tree the overrides were applied to; an error in a field an override set names the override
  /// (`--set <path>`) and its value instead of a line of the file.
  func read<Value>(
    _ node: Node, overrides: [ScenarioOverride], _ read: (Node) throws(CatalogError) -> Value
  ) throws(CatalogError) -> Value {
    do {
      return try read(node)
    } catch let error {
      if let field = error.field, let override = overrides.first(where: { $0.path == field }) {
        throw CatalogError(field: "--set \(override.path)", value: override.value, expected: error.expected)
      }
      throw error
    }
  }

  /// Sets one scalar in the tree, creating mappings along an allowed path.
  func apply(_ override: ScenarioOverride, to node: Node) throws(CatalogError) -> Node {
    let segments = override.path.split(separator: ".").map(String.init)
    let settable = !segments.contains("sources")
    let exists = settable && Self.hasLeaf(segments[...], in: node)
    guard exists || (settable && mayCreate(segments)) else {
      let candidates = Self.leafPaths(node) + creatable.flatMap { Self.expand($0[...], in: node, prefix: "") }
      let nearest = NearestNames.nearest(to: override.path, among: Array(Set(candidates)), limit: 3)
      throw CatalogError(
        field: "--set", value: override.description,
        expected: "unknown \(kind) path '\(override.path)'"
          + (nearest.isEmpty ? "" : "; nearest valid: \(nearest.joined(separator: ", "))"))
    }
    return Self.setting(segments[...], to: override.value, in: node)
  }

  /// Whether a path matches one of the creatable patterns.
  func mayCreate(_ segments: [String]) -> Bool {
    creatable.contains { pattern in
      pattern.count == segments.count
        && zip(pattern, segments).allSatisfy { wanted, segment in
          switch wanted {
          case "*": true
          case "#": Int(segment) != nil
          default: wanted == segment
          }
        }
    }
  }

  /// A pattern's paths under the keys the tree has (`countries.*.policy` → `countries.US.policy`, …),
  /// for suggestions; a wildcard under a key the tree lacks gives none.
  static func expand(_ pattern: ArraySlice<Substring>, in node: Node?, prefix: String) -> [String] {
    guard let first = pattern.first else { return [prefix] }
    func joined(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }
    let pairs: [(key: String, value: Node)] =
      if case .mapping(let mapping)? = node { mapping.map { ($0.key.string ?? "", $0.value) } } else { [] }
    switch first {
    case "*", "#":
      return pairs.filter { first == "*" || Int($0.key) != nil }.flatMap {
        expand(pattern.dropFirst(), in: $0.value, prefix: joined($0.key))
      }
    default:
      let key = String(first)
      return expand(pattern.dropFirst(), in: pairs.first { $0.key == key }?.value, prefix: joined(key))
    }
  }

  /// Every leaf path in a tree (`countries.US.demand_growth`), leaving out `sources`.
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

  /// The tree with one scalar set, creating mappings along the path.
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

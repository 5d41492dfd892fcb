import HeadroomModel
import Yams

extension DefaultMFU {
  static let yamlKeys = ["default", "same_silicon", "goodput", "runs", "sources"]
  static let runKeys = [
    "name", "accelerator", "accelerators", "precision", "parameters", "active_parameters", "tokens", "mfu",
    "published",
  ]

  /// Reads `Scenarios/mfu.yaml`: fallbacks per precision under `default`, same-silicon groups, goodput
  /// per run, the published runs, and the sources behind them.
  static func read(_ node: Node, file: String) throws(CatalogError) -> DefaultMFU {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    var fallback: [Precision: Double] = [:]
    if var block = try item.mapping("default") {
      for key in block.keys {
        let precision = try Self.precision(key, in: &block)
        fallback[precision] = try block.number(key, in: 0.001...1, what: "an MFU")
      }
    }
    var groups: [[String]] = []
    if let nodes = try item.sequence("same_silicon") {
      for node in nodes {
        guard case .sequence(let members) = node, members.count >= 2 else {
          throw CatalogError(
            file: file, line: node.mark?.line, field: "same_silicon", value: node.string,
            expected: "a list of two or more accelerator ids on the same die, e.g. [h100-sxm, h800]")
        }
        groups.append(members.compactMap(\.string))
      }
    }
    var goodput: [(String, Double)] = []
    if var block = try item.mapping("goodput") {
      for id in block.keys {
        if let value = try block.number(id, in: 0.01...1, what: "a goodput (share of wall-clock time)") {
          goodput.append((id, value))
        }
      }
    }
    var runs: [Run] = []
    if var block = try item.mapping("runs") {
      for id in block.keys {
        guard var run = try block.mapping(id) else { continue }
        runs.append(try Self.run(id, &run))
      }
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return DefaultMFU(
      runs: runs, sameSilicon: groups, fallback: fallback, goodputRuns: goodput, provenance: provenance)
  }

  static func precision(_ key: String, in block: inout YAMLMapping) throws(CatalogError) -> Precision {
    guard let precision = Precision(rawValue: key) else {
      let node = block.node(key)
      throw block.error(
        key, node, "unknown precision; expected one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return precision
  }

  static func run(_ id: String, _ run: inout YAMLMapping) throws(CatalogError) -> Run {
    let name = try run.string("name")
    let accelerator = try run.string("accelerator")
    let count = try run.int("accelerators", in: 1...10_000_000)
    guard let precision = try run.choice("precision", Precision.self) else {
      throw run.error("precision", nil, "missing field (the training precision, e.g. bf16)")
    }
    let parameters = try run.number("parameters", in: 1e6...1e15, what: "a parameter count (e.g. 405e9)")
    let active = try run.number("active_parameters", in: 1e6...1e15, what: "a parameter count (e.g. 37e9)")
    let tokens = try run.number("tokens", in: 1e6...1e18, what: "a token count (e.g. 15.6e12)")
    let mfu = try run.number("mfu", in: 0.001...1, what: "an MFU")
    guard var published = try run.mapping("published") else {
      throw run.error(
        "published", nil, "missing field: one of tokens_per_second, accelerator_hours, flops_per_accelerator")
    }
    let figure: Run.Published
    switch published.keys {
    case ["tokens_per_second"]:
      figure = .tokensPerSecond(
        try published.number("tokens_per_second", in: 1...1e12, what: "training tokens per second") ?? 0)
      guard parameters != nil else { throw run.error("parameters", nil, "a tokens_per_second check needs parameters") }
    case ["accelerator_hours"]:
      figure = .acceleratorHours(
        try published.number("accelerator_hours", in: 1...1e12, what: "accelerator-hours") ?? 0)
      guard parameters != nil, tokens != nil else {
        throw run.error("tokens", nil, "an accelerator_hours check needs parameters and tokens")
      }
    case ["flops_per_accelerator"]:
      figure = .flopsPerAccelerator(try published.requiredQuantity("flops_per_accelerator", ComputeRate.self))
    default:
      throw published.error(
        published.keys.first ?? "published", nil,
        "expected exactly one of tokens_per_second, accelerator_hours, flops_per_accelerator")
    }
    try run.rejectUnknownKeys(allowed: runKeys)
    if let active, let parameters, active > parameters {
      throw run.error("active_parameters", run.node("active_parameters"), "expected at most parameters")
    }
    return Run(
      id: id, name: name, accelerator: accelerator, accelerators: count, precision: precision,
      parameters: parameters, activeParameters: active, tokens: tokens, mfu: mfu, published: figure)
  }
}

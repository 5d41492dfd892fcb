import HeadroomModel
import Yams

extension InferenceMeasurements {
  static let yamlKeys = ["serving", "inference", "orderings", "sources"]
  static let caseKeys = [
    "role", "accelerator", "accelerators", "precision", "model", "profile", "scenario", "tokens_per_second",
    "round", "submitter", "system", "result", "note",
  ]

  /// Reads `Scenarios/calibration.yaml`: the serving fallback and the published inference cases.
  ///
  /// Each case's `result` URL is its source: it covers every figure of the case (primary).
  static func read(_ node: Node, file: String) throws(CatalogError) -> InferenceMeasurements {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    var bandwidth: Double?
    if var serving = try item.mapping("serving") {
      if var fallback = try serving.mapping("fallback") {
        bandwidth = try fallback.number(
          "bandwidth_efficiency", in: 0.001...1, what: "a share of peak bandwidth in (0, 1]")
        try fallback.rejectUnknownKeys(allowed: ["bandwidth_efficiency"])
      }
      try serving.rejectUnknownKeys(allowed: ["fallback"])
    }
    var cases: [Case] = []
    if var block = try item.mapping("inference") {
      for id in block.keys {
        guard var entry = try block.mapping(id) else { continue }
        cases.append(try Self.measuredCase(id, &entry))
      }
    }
    var orderings: [Ordering] = []
    for node in try item.sequence("orderings") ?? [] {
      guard case .sequence(let pair) = node, pair.count == 2, let first = pair[0].string, let second = pair[1].string,
        cases.contains(where: { $0.id == first }), cases.contains(where: { $0.id == second })
      else {
        throw CatalogError(
          file: item.file, line: node.mark?.line, field: "orderings", value: node.string,
          expected:
            "a pair of case ids under 'inference', e.g. [mlperf-v4.1-nvidia-h200-offline, mlperf-v4.1-nvidia-h100-offline]"
        )
      }
      orderings.append(Ordering(numerator: first, denominator: second))
    }
    var provenance = try Provenance.read(from: &item)
    provenance.sources += cases.map {
      Source(
        url: $0.result, supports: ["inference.\($0.id)"], confidence: .primary, note: "\($0.submitter) \($0.system)")
    }
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return InferenceMeasurements(
      cases: cases, orderings: orderings, fallbackBandwidthEfficiency: bandwidth, provenance: provenance)
  }

  static func measuredCase(_ id: String, _ entry: inout YAMLMapping) throws(CatalogError) -> Case {
    func required<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) throws(CatalogError) -> E
    where E.RawValue == String {
      guard let value = try entry.choice(key, type) else {
        let allowed = E.allCases.map(\.rawValue).joined(separator: " | ")
        throw entry.error(key, nil, "missing field: \(allowed)")
      }
      return value
    }
    let role = try required("role", Case.Role.self)
    let accelerator = try entry.string("accelerator")
    guard let count = try entry.int("accelerators", in: 1...100_000) else {
      throw entry.error("accelerators", nil, "missing field (accelerators in the measured system, e.g. 8)")
    }
    let precision = try required("precision", Precision.self)
    let model = try entry.string("model")
    let profile = try entry.string("profile")
    let scenario = try required("scenario", Case.Scenario.self)
    guard let rate = try entry.number("tokens_per_second", in: 0.001...1e12, what: "output tokens per second")
    else {
      throw entry.error("tokens_per_second", nil, "missing field (the system's output tokens per second)")
    }
    let round = try entry.string("round")
    let submitter = try entry.string("submitter")
    let system = try entry.string("system")
    let result = try entry.string("result")
    let note = try entry.optionalString("note")
    try entry.rejectUnknownKeys(allowed: caseKeys)
    return Case(
      id: id, role: role, accelerator: accelerator, accelerators: count, precision: precision, model: model,
      profile: profile, scenario: scenario, tokensPerSecond: rate, round: round, submitter: submitter,
      system: system, result: result, note: note)
  }
}

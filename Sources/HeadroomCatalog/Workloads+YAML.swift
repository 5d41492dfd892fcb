import HeadroomModel
import Yams

extension WorkloadsLoader {
  /// Reads a workloads tree, checking every id against the catalog.
  func read(_ node: Node, file: String) throws(CatalogError) -> Workloads {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    _ = try item.optionalString("note")

    var horizon: ClosedRange<Int>?
    if var block = try item.mapping("horizon") {
      guard let from = try block.int("from", in: 2000...2100, numeric: false),
        let to = try block.int("to", in: 2000...2100, numeric: false)
      else { throw block.error("from", nil, "a horizon needs 'from' and 'to' years") }
      try block.rejectUnknownKeys(allowed: ["from", "to"])
      guard from <= to else {
        throw block.error(
          "to", block.node("to"), "the horizon starts in \(from) but ends in \(to): it must not end before it starts")
      }
      horizon = from...to
    }

    var systems: [String]?
    if let ids = try item.strings("systems") {
      let known = catalog.systems.map(\.id)
      for system in ids where !known.contains(system) {
        throw item.error(
          "systems", item.node("systems"),
          "unknown system id '\(system)'" + NearestNames.suggestion(for: system, among: known))
      }
      guard !ids.isEmpty else { throw item.error("systems", item.node("systems"), "expected at least one system id") }
      systems = ids
    }

    let acceleratorIDs = catalog.accelerators.map(\.id)
    var policy: [String: ExportPolicy.Decision] = [:]
    if var block = try item.mapping("policy") {
      for kind in block.keys {
        guard acceleratorIDs.contains(kind) else {
          throw block.error(
            kind, nil, "unknown accelerator id '\(kind)'" + NearestNames.suggestion(for: kind, among: acceleratorIDs))
        }
        policy[kind] = try block.choice(kind, ExportPolicy.Decision.self)
      }
    }
    let policyFrom = try item.int("policy_from", in: 2000...2100, numeric: false)

    var supply: [String: [Int: Double]] = [:]
    if var block = try item.mapping("supply") {
      let known = catalog.systems.map(\.id)
      for system in block.keys {
        guard known.contains(system) else {
          throw block.error(
            system, nil, "unknown system id '\(system)'" + NearestNames.suggestion(for: system, among: known))
        }
        guard var years = try block.mapping(system) else { continue }
        var byYear: [Int: Double] = [:]
        for key in years.keys {
          guard let year = Int(key), (2000...2100).contains(year) else {
            throw years.error(key, nil, "expected a year as the key (systems the site can buy that year)")
          }
          byYear[year] = try years.count(key, what: "a number of systems")
        }
        supply[system] = byYear
      }
    }
    let discountRate = try item.number("discount_rate", in: 0...0.5, what: "a rate per year (e.g. 0.07)") ?? 0.07

    var training: [Workloads.Training] = []
    if var block = try item.mapping("training") {
      for key in block.keys {
        guard var entry = try block.mapping(key) else { continue }
        training.append(try readTraining(key, &entry))
      }
    }
    var inference: [Workloads.Inference] = []
    if var block = try item.mapping("inference") {
      for key in block.keys {
        guard var entry = try block.mapping(key) else { continue }
        inference.append(try readInference(key, &entry))
      }
    }
    guard !training.isEmpty || !inference.isEmpty else {
      throw item.error("training", nil, "expected at least one workload under 'training' or 'inference'")
    }
    let clash = Set(training.map(\.id)).intersection(inference.map(\.id))
    if let duplicate = clash.sorted().first {
      throw item.error(
        "inference", item.node("inference"),
        "'\(duplicate)' names both a training run and an inference service; give each workload its own id")
    }
    var provenance = Provenance(file: file, lines: item.log.lines)
    if item.keys.contains("sources") {
      provenance = try Provenance.read(from: &item)
    }
    try item.rejectUnknownKeys(allowed: Self.topKeys)
    return Workloads(
      id: id, name: name, horizon: horizon, systems: systems, policy: policy, policyFrom: policyFrom,
      supply: supply, discountRate: discountRate, training: training, inference: inference, provenance: provenance)
  }

  func readTraining(_ id: String, _ entry: inout YAMLMapping) throws(CatalogError) -> Workloads.Training {
    _ = try entry.optionalString("note")
    var parameters: Double?
    var active: Double?
    let model = try entry.optionalString("model")
    if let model {
      guard let reference = catalog.models.first(where: { $0.id == model }) else {
        throw entry.error(
          "model", entry.node("model"),
          "unknown model id '\(model)'" + NearestNames.suggestion(for: model, among: catalog.models.map(\.id)))
      }
      parameters = reference.parameters
      active = reference.activeParameters
    }
    if let given = try entry.count("parameters", what: "a parameter count (e.g. 405B)") {
      parameters = given
      active = nil
    }
    if let given = try entry.count("active_parameters", what: "a parameter count (e.g. 37B)") { active = given }
    guard let parameters else {
      throw entry.error(
        "parameters", nil, "missing field: give 'model' (a reference model id) or 'parameters' (e.g. 405B)")
    }
    if let active, active > parameters {
      throw entry.error(
        "active_parameters", entry.node("active_parameters"),
        "expected no more active parameters than parameters (\(CountText.format(parameters)))")
    }
    guard let tokens = try entry.count("tokens", what: "a token count (e.g. 15.6T)") else {
      throw entry.error("tokens", nil, "missing field: training tokens (e.g. 15.6T)")
    }
    guard let start = try entry.time("start", endOfYear: false) else {
      throw entry.error("start", nil, "missing field: the earliest start, a year (2026) or a date (2026-04-01)")
    }
    guard let deadline = try entry.time("deadline", endOfYear: true) else {
      throw entry.error(
        "deadline", nil, "missing field: the deadline, a year (2027, meaning its end) or a date (2027-06-30)")
    }
    guard deadline >= start else {
      throw entry.error(
        "deadline", entry.node("deadline"),
        "the deadline (\(deadline)) is before the start (\(start)): a run must end after it starts")
    }
    let precision = try entry.choice("precision", Precision.self) ?? .bf16
    let mfu = try entry.number("mfu", in: 0.001...1, what: "a model FLOPs utilisation in (0, 1]")
    let goodput = try entry.number("goodput", in: 0.01...1, what: "a share of wall-clock time in (0, 1]") ?? 1
    try entry.rejectUnknownKeys(allowed: Self.trainingKeys)
    return Workloads.Training(
      id: id, model: model, parameters: parameters, activeParameters: active, tokens: tokens, start: start,
      deadline: deadline, precision: precision, mfu: mfu, goodput: goodput)
  }

  func readInference(_ id: String, _ entry: inout YAMLMapping) throws(CatalogError) -> Workloads.Inference {
    _ = try entry.optionalString("note")
    let model = try entry.string("model")
    guard let reference = catalog.models.first(where: { $0.id == model }) else {
      throw entry.error(
        "model", entry.node("model"),
        "unknown model id '\(model)'" + NearestNames.suggestion(for: model, among: catalog.models.map(\.id)))
    }
    var rate: [Int: Double] = [:]
    guard let rateNode = entry.node("rate") else {
      throw entry.error("rate", nil, "missing field: output tokens per second by year, e.g. {2026: 500k, 2028: 2M}")
    }
    if case .mapping = rateNode {
      guard var years = try entry.mapping("rate") else { throw entry.error("rate", rateNode, "expected a mapping") }
      for key in years.keys {
        guard let year = Int(key), (2000...2100).contains(year) else {
          throw years.error(key, nil, "expected a year as the key (e.g. 2026: 500k)")
        }
        rate[year] = try years.count(key, what: "output tokens per second (e.g. 500k)")
      }
    } else {
      guard let text = rateNode.string, let value = CountText.parse(text), value >= 0 else {
        throw entry.error("rate", rateNode, "expected output tokens per second by year, e.g. {2026: 500k, 2028: 2M}")
      }
      rate[2000] = value
    }
    guard rate.values.contains(where: { $0 > 0 }) else {
      throw entry.error("rate", rateNode, "expected a positive token rate in at least one year")
    }
    guard let latency = try entry.quantity("latency", TimeSpan.self) else {
      throw entry.error("latency", nil, "missing field: the time-per-output-token target (e.g. 50 ms)")
    }
    let precision = try entry.choice("precision", Precision.self)
    let context = try entry.int("context", in: 1...10_000_000, numeric: false)
    if let context, let maximum = reference.maxContext, context > maximum {
      throw entry.error("context", entry.node("context"), "\(model) supports at most \(maximum) tokens of context")
    }
    try entry.rejectUnknownKeys(allowed: Self.inferenceKeys)
    return Workloads.Inference(
      id: id, model: model, rate: rate, latency: latency, precision: precision, context: context)
  }
}

extension YAMLMapping {
  /// A plain count written the way people write them (`405B`, `15.6T`, `2,048`, `500k`), short or
  /// long form; nil when absent.
  mutating func count(_ key: String, what: String) throws(CatalogError) -> Double? {
    guard var valueNode = node(key) else { return nil }
    if case .mapping = valueNode {
      var inner = try YAMLMapping(valueNode, file: file, path: fieldPath(key), log: log)
      guard let value = inner.node("value") else { throw error(key, valueNode, "a long-form value needs 'value'") }
      _ = try inner.bool("estimate")
      _ = try inner.bool("assumption")
      _ = try inner.optionalString("note")
      try inner.rejectUnknownKeys(allowed: ["value", "estimate", "assumption", "note"])
      valueNode = value
    }
    guard let text = valueNode.string, let value = CountText.parse(text), value >= 0 else {
      throw error(key, valueNode, "expected \(what), a number with an optional k, M, B, T suffix")
    }
    return value
  }

  /// A start or a deadline: a date (`2026-04-01`) or a year, meaning its first day for a start
  /// and its last day for a deadline.
  mutating func time(_ key: String, endOfYear: Bool) throws(CatalogError) -> Day? {
    guard let valueNode = node(key) else { return nil }
    guard let text = valueNode.string else { throw error(key, valueNode, "expected a year or a date (YYYY-MM-DD)") }
    if let year = Int(text), (2000...2100).contains(year) {
      return endOfYear ? Day(year: year, month: 12, day: 31) : Day(year: year)
    }
    guard text.contains("-"), let day = Day(parsing: text), (2000...2100).contains(day.year) else {
      let reason = text.contains("-") ? Day.problem(parsing: text).map { "not a calendar date: \($0); " } ?? "" : ""
      throw error(key, valueNode, reason + "expected a year (e.g. 2027) or a date as YYYY-MM-DD")
    }
    return day
  }
}

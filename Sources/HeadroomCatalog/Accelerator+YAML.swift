import HeadroomModel
import Yams

extension Accelerator {
  static let yamlKeys = [
    "id", "name", "vendor", "year", "status", "announced", "process", "datacenter", "origin", "form", "compute",
    "memory",
    "memory_bandwidth", "scale_up_bandwidth", "tdp", "die_area", "price", "sources",
  ]

  /// Reads an accelerator from its YAML file (see `Hardware/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> Accelerator {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let vendor = try item.string("vendor")
    guard let year = try item.int("year", in: 1990...2100) else {
      throw item.error("year", nil, "missing field (first volume year, e.g. 2023)")
    }
    let (status, announced) = try Accelerator.readStatus(from: &item)
    let process = try item.optionalString("process")
    guard let datacenter = try item.bool("datacenter") else {
      throw item.error("datacenter", nil, "missing field: true if designed or marketed for data centres")
    }
    let origin = try item.string("origin")
    let form = try item.optionalString("form")
    guard var computeMap = try item.mapping("compute") else {
      throw item.error("compute", nil, "missing field: dense peak rates per precision, e.g. 'bf16: 989 TFLOP/s'")
    }
    var compute: [Precision: ComputeRate] = [:]
    for key in computeMap.keys {
      guard let precision = Precision(rawValue: key) else {
        _ = computeMap.node(key)
        throw computeMap.error(
          key, nil,
          "unknown precision; expected one of \(Precision.allCases.map(\.rawValue).joined(separator: ", "))")
      }
      compute[precision] = try computeMap.quantity(key, ComputeRate.self, in: Ranges.compute(precision))
    }
    guard !compute.isEmpty else {
      throw item.error("compute", nil, "expected at least one precision with its dense peak rate")
    }
    let memory = try item.quantity("memory", Bytes.self, in: Ranges.memory)
    let memoryBandwidth = try item.quantity("memory_bandwidth", Bandwidth.self, in: Ranges.memoryBandwidth)
    let scaleUp = try item.quantity("scale_up_bandwidth", Bandwidth.self, in: Ranges.scaleUpBandwidth)
    let tdp = try item.quantity("tdp", Power.self, in: Ranges.tdp)
    let dieArea = try item.quantity("die_area", Area.self, in: Ranges.dieArea)
    let price = try Price.read(from: &item, allowed: [.chip, .systemShare], default: nil, range: Ranges.price)
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    if status == .announced { try Accelerator.requireEstimates(provenance, item: item) }
    return Accelerator(
      id: id, name: name, vendor: vendor, year: year, status: status, announced: announced, process: process,
      datacenter: datacenter,
      origin: origin, form: form, compute: compute, memory: memory, memoryBandwidth: memoryBandwidth,
      scaleUpBandwidth: scaleUp, tdp: tdp, dieArea: dieArea, price: price, provenance: provenance)
  }
}

extension Accelerator {
  /// Reads `status` (shipping | announced, default shipping) and `announced` (YYYY-MM-DD, the day of the
  /// announcement the figures come from). A roadmap part (`status: announced`) must give the date; the
  /// date counts as a figure and needs a source like any other.
  static func readStatus(from item: inout YAMLMapping) throws(CatalogError) -> (Status, Day?) {
    let status = try item.choice("status", Status.self) ?? .shipping
    let announced = try item.day("announced")
    if announced != nil { item.log.numeric(item.fieldPath("announced"), line: item.line) }
    if status == .announced && announced == nil {
      throw item.error(
        "announced", nil,
        "missing field: a roadmap part (status: announced) needs the day of the announcement its figures come from, e.g. 'announced: 2025-03-18'"
      )
    }
    return (status, announced)
  }

  /// Every figure of a roadmap part except its dates is a target, not a measurement: it must be written
  /// in long form with `estimate: true` and a note.
  ///
  /// - Parameter exempt: fields that describe the design rather than a performance target (a rack's
  ///   accelerator count), besides the dates.
  static func requireEstimates(_ provenance: Provenance, item: YAMLMapping, exempt: Set<String> = [])
    throws(CatalogError)
  {
    let dated: Set<String> = ["year", "announced"]
    for field in provenance.numericFields
    where !dated.contains(field) && !exempt.contains(field) && provenance.marks[field]?.kind != .estimate {
      throw CatalogError(
        file: item.file, line: provenance.lines[field] ?? item.line, field: field,
        expected:
          "a figure of an announced part must be written as {value: ..., estimate: true, note: ...} (announced figures are targets, not measurements)"
      )
    }
  }
}

extension Price {
  /// Reads an optional `price:` block — `amount` and/or `low` + `high` (a published range; without
  /// `amount` the midpoint is used), `year`, `kind` and `basis` (what one price covers). The whole block
  /// counts as the numeric field `price`.
  ///
  /// - Parameters:
  ///   - allowed: the bases this kind of file may give.
  ///   - fallback: the basis when none is written, or nil when `basis` is required.
  ///   - range: the sane range of each amount, when the kind of file has one.
  static func read(
    from item: inout YAMLMapping, allowed: [Basis], default fallback: Basis?, range: SaneRange? = nil
  ) throws(CatalogError) -> Price? {
    guard var block = try item.mapping("price") else { return nil }
    let amount = try block.quantity("amount", Money.self, in: range)
    let low = try block.quantity("low", Money.self, in: range)
    let high = try block.quantity("high", Money.self, in: range)
    guard let year = try block.int("year", in: 1990...2100, numeric: false) else {
      throw block.error("year", nil, "missing field (the year the price was quoted)")
    }
    guard let kind = try block.choice("kind", Price.Kind.self) else {
      throw block.error("kind", nil, "missing field: list | street | imputed")
    }
    let allowedText = allowed.map(\.rawValue).joined(separator: " | ")
    let basis: Basis
    if let written = try block.choice("basis", Price.Basis.self) {
      guard allowed.contains(written) else {
        throw block.error("basis", block.node("basis"), "expected one of \(allowedText) in this file")
      }
      basis = written
    } else if let fallback {
      basis = fallback
    } else {
      throw block.error(
        "basis", nil,
        "missing field: \(allowedText) (chip: one accelerator bought as a part; system-share: a system price / its accelerators)"
      )
    }
    try block.rejectUnknownKeys(allowed: ["amount", "low", "high", "year", "kind", "basis"])
    switch (amount, low, high) {
    case (let amount?, nil, nil):
      return Price(amount: amount, year: year, kind: kind, basis: basis)
    case (_, let low?, let high?):
      guard low <= high else {
        throw block.error("low", block.node("low"), "the low end must not exceed the high end (\(high.formatted()))")
      }
      if let amount, !(low...high).contains(amount) {
        throw block.error("amount", block.node("amount"), "the point value must lie within low ... high")
      }
      return Price(amount: amount ?? (low + high) / 2, low: low, high: high, year: year, kind: kind, basis: basis)
    default:
      throw block.error(
        "amount", nil, "give 'amount', or 'low' and 'high' (a published range), or all three")
    }
  }
}

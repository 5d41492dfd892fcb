import HeadroomModel
import Yams

extension ExportRuleSet {
  static let yamlKeys = [
    "id", "name", "citation", "effective", "rescinded", "enforced", "extends", "clauses",
    "exclusions", "destinations", "advisories", "sources",
  ]

  /// Reads a rule set from its YAML file (see the comments in `Hardware/export-rules/`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> ExportRuleSet {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    let citation = try item.optionalString("citation")
    guard let effective = try item.day("effective") else {
      throw item.error("effective", nil, "missing field (the day the rule took effect, YYYY-MM-DD)")
    }
    let rescinded = try item.day("rescinded")
    let enforced = try item.bool("enforced") ?? true
    let parent = try item.optionalString("extends")

    var clauses: [ControlClause]?
    if let nodes = try item.sequence("clauses") {
      clauses = []
      for (index, node) in nodes.enumerated() {
        var entry = try YAMLMapping(node, file: file, path: "clauses.\(index)", log: item.log)
        let eccn = try entry.string("eccn")
        let clause = try entry.string("clause")
        let criteria = try ItemCriteria.read(from: &entry)
        try entry.rejectUnknownKeys(allowed: ["eccn", "clause"] + ItemCriteria.yamlKeys)
        clauses?.append(ControlClause(eccn: eccn, clause: clause, criteria: criteria))
      }
    }
    var exclusions: [Exclusion]?
    if let nodes = try item.sequence("exclusions") {
      exclusions = []
      for (index, node) in nodes.enumerated() {
        var entry = try YAMLMapping(node, file: file, path: "exclusions.\(index)", log: item.log)
        let name = try entry.string("name")
        let criteria = try ItemCriteria.read(from: &entry)
        try entry.rejectUnknownKeys(allowed: ["name"] + ItemCriteria.yamlKeys)
        exclusions?.append(Exclusion(name: name, criteria: criteria))
      }
    }
    var destinations: [DestinationRule] = []
    for (index, node) in (try item.sequence("destinations") ?? []).enumerated() {
      destinations.append(try DestinationRule.read(node, file: file, path: "destinations.\(index)", log: item.log))
    }
    var advisoryEntries: [(advisory: ExportAdvisory, entry: YAMLMapping)] = []
    for (index, node) in (try item.sequence("advisories") ?? []).enumerated() {
      var entry = try YAMLMapping(node, file: file, path: "advisories.\(index)", log: item.log)
      advisoryEntries.append((try ExportAdvisory.read(&entry), entry))
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    var advisories: [ExportAdvisory] = []
    for (index, pair) in advisoryEntries.enumerated() {
      var advisory = pair.advisory
      advisory.sources = provenance.sources(for: "advisories.\(index)")
      guard !advisory.sources.isEmpty else {
        throw pair.entry.error(
          "name", nil, "an advisory needs a source: list 'advisories.\(index)' in a source's supports")
      }
      advisories.append(advisory)
    }
    return ExportRuleSet(
      id: id, name: name, citation: citation, effective: effective, rescinded: rescinded,
      enforced: enforced, parent: parent, clauses: clauses, exclusions: exclusions,
      destinations: destinations, advisories: advisories, provenance: provenance)
  }
}

extension DestinationRule {
  static func read(_ node: Node, file: String, path: String, log: FieldLog) throws(CatalogError)
    -> DestinationRule
  {
    var entry = try YAMLMapping(node, file: file, path: path, log: log)
    let name = try entry.string("name")
    let groups = try entry.strings("groups") ?? []
    let countries = try entry.strings("countries") ?? []
    let tierNames = try entry.strings("tiers") ?? []
    var tiers: [Int] = []
    for tier in tierNames {
      guard let value = Int(tier), (1...3).contains(value) else {
        throw entry.error("tiers", nil, "expected AI Diffusion tiers 1, 2 or 3")
      }
      tiers.append(value)
    }
    let except = try entry.strings("except_groups") ?? []
    let everywhere = try entry.bool("everywhere") ?? false
    guard let lineNodes = try entry.sequence("policies"), !lineNodes.isEmpty else {
      throw entry.error("policies", nil, "expected a list of policy lines (classes, decision)")
    }
    var lines: [Line] = []
    for (index, lineNode) in lineNodes.enumerated() {
      var line = try YAMLMapping(lineNode, file: file, path: "\(path).policies.\(index)", log: log)
      guard let classes = try line.strings("classes"), !classes.isEmpty else {
        throw line.error("classes", nil, "expected a list of classes (3A090.a, 3A090.b, none, or *)")
      }
      let criteria = try ItemCriteria.read(from: &line)
      var routes = ExportRoute.usOrigin
      if let nodes = try line.sequence("routes") {
        routes = []
        for node in nodes {
          guard let route = node.string.flatMap(ExportRoute.init(rawValue:)) else {
            throw line.error(
              "routes", node,
              "unknown route; expected \(ExportRoute.allCases.map(\.rawValue).joined(separator: ", "))")
          }
          routes.append(route)
        }
        if routes.isEmpty { throw line.error("routes", nil, "expected at least one route") }
      }
      guard let decision = try line.choice("decision", ExportPolicy.Decision.self) else {
        throw line.error("decision", nil, "missing field: allowed | licensed | denied")
      }
      let review = try line.optionalString("review")
      let fee = try line.number("fee", in: 0...1, what: "a share of the price")
      var cap: ExportPolicy.Cap?
      if var capBlock = try line.mapping("cap") {
        guard let tpp = try capBlock.number("tpp", in: 0...1e15, what: "a cumulative TPP cap"),
          let from = try capBlock.int("from", in: 1990...2100, numeric: false),
          let to = try capBlock.int("to", in: 1990...2100, numeric: false)
        else { throw line.error("cap", nil, "a cap needs tpp, from and to") }
        try capBlock.rejectUnknownKeys(allowed: ["tpp", "from", "to"])
        cap = ExportPolicy.Cap(tpp: tpp, fromYear: from, toYear: to)
      }
      var fees: [ExportPolicy.Fee] = []
      for (feeIndex, feeNode) in (try line.sequence("fees") ?? []).enumerated() {
        var band = try YAMLMapping(feeNode, file: file, path: "\(path).policies.\(index).fees.\(feeIndex)", log: log)
        let feeName = try band.string("name")
        guard let rate = try band.number("rate", in: 0...1, what: "a share of the price") else {
          throw band.error("rate", nil, "missing field (a share of the price, e.g. 0.25)")
        }
        let bandCriteria = try ItemCriteria.read(from: &band)
        try band.rejectUnknownKeys(allowed: ["name", "rate"] + ItemCriteria.yamlKeys)
        fees.append(ExportPolicy.Fee(name: feeName, rate: rate, criteria: bandCriteria))
      }
      var volumeCap: ExportPolicy.VolumeCap?
      if var block = try line.mapping("volume_cap") {
        guard let share = try block.number("share", in: 0...100, what: "a ratio of shipments") else {
          throw block.error(
            "share", nil, "missing field (shipments to the destination / to the reference market, e.g. 0.5)")
        }
        guard let reference = try block.optionalString("reference") else {
          throw block.error("reference", nil, "missing field (ISO code of the reference market, e.g. US)")
        }
        let pooled = try block.strings("pooled") ?? []
        let basis = try block.optionalString("basis")
        try block.rejectUnknownKeys(allowed: ["share", "reference", "pooled", "basis"])
        volumeCap = ExportPolicy.VolumeCap(share: share, reference: reference, pooled: pooled, basis: basis)
      }
      if (cap != nil || volumeCap != nil || fee != nil || !fees.isEmpty) && decision != .licensed {
        throw line.error(
          "decision", line.node("decision"),
          "fees and caps apply to licensed shipments: expected 'licensed' on a line with a fee or cap")
      }
      try line.rejectUnknownKeys(
        allowed: ["classes", "routes", "decision", "review", "fee", "fees", "cap", "volume_cap"] + ItemCriteria.yamlKeys
      )
      lines.append(
        Line(
          classes: classes, criteria: criteria, routes: routes,
          policy: ExportPolicy(
            decision: decision, review: review, fee: fee, fees: fees, cap: cap, volumeCap: volumeCap)))
    }
    try entry.rejectUnknownKeys(
      allowed: ["name", "groups", "countries", "tiers", "except_groups", "everywhere", "policies"])
    return DestinationRule(
      name: name, groups: groups, countries: countries, tiers: tiers, exceptGroups: except,
      everywhere: everywhere, lines: lines)
  }
}

extension ExportAdvisory {
  static func read(_ entry: inout YAMLMapping) throws(CatalogError) -> ExportAdvisory {
    let name = try entry.string("name")
    guard let issued = try entry.day("issued") else {
      throw entry.error("issued", nil, "missing field (the day the guidance was issued, YYYY-MM-DD)")
    }
    let text = try entry.string("text")
    guard let origins = try entry.strings("origins"), !origins.isEmpty else {
      throw entry.error("origins", nil, "expected a list of designer countries (ISO codes, e.g. [CN])")
    }
    let classes = try entry.strings("classes") ?? ["*"]
    let names = try entry.strings("names") ?? []
    try entry.rejectUnknownKeys(allowed: ["name", "issued", "text", "origins", "classes", "names"])
    return ExportAdvisory(name: name, issued: issued, text: text, origins: origins, classes: classes, names: names)
  }
}

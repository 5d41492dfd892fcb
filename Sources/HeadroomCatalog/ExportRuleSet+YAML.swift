import HeadroomModel
import Yams

extension ExportRuleSet {
  static let yamlKeys = [
    "id", "name", "citation", "effective", "rescinded", "enforced", "extends", "clauses",
    "exclusions", "destinations", "sources",
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
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return ExportRuleSet(
      id: id, name: name, citation: citation, effective: effective, rescinded: rescinded,
      enforced: enforced, parent: parent, clauses: clauses, exclusions: exclusions,
      destinations: destinations, provenance: provenance)
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
      try line.rejectUnknownKeys(
        allowed: ["classes", "decision", "review", "fee", "cap"] + ItemCriteria.yamlKeys)
      lines.append(
        Line(
          classes: classes, criteria: criteria,
          policy: ExportPolicy(decision: decision, review: review, fee: fee, cap: cap)))
    }
    try entry.rejectUnknownKeys(
      allowed: ["name", "groups", "countries", "tiers", "except_groups", "everywhere", "policies"])
    return DestinationRule(
      name: name, groups: groups, countries: countries, tiers: tiers, exceptGroups: except,
      everywhere: everywhere, lines: lines)
  }
}

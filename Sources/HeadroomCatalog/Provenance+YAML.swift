import HeadroomModel

extension Provenance {
  /// Reads the `sources` list of an item and combines it with the marks and numeric fields logged
  /// while the item's fields were read. Every source needs a URL, a non-empty `supports` list and a
  /// confidence; an entry with `private: true` instead gives a note and the fields it covers (the user's
  /// own figures, marked private).
  static func read(from item: inout YAMLMapping) throws(CatalogError) -> Provenance {
    guard let nodes = try item.sequence("sources"), !nodes.isEmpty else {
      throw item.error(
        "sources", nil,
        "missing sources: every item needs a list of sources (url, supports, confidence)")
    }
    var sources: [Source] = []
    var privateMarks: [(supports: [String], mark: Provenance.Mark)] = []
    for (index, node) in nodes.enumerated() {
      var entry = try YAMLMapping(node, file: item.file, path: "sources.\(index)", log: item.log)
      // A private entry: the user's own figures (a quote, a contract), with a note instead of a URL.
      if try entry.bool("private") == true {
        guard let supports = try entry.strings("supports"), !supports.isEmpty else {
          throw entry.error("supports", nil, "expected a non-empty list of the fields this private entry covers")
        }
        guard let note = try entry.optionalString("note") else {
          throw entry.error(
            "note", nil, "a private entry needs a 'note' saying where the figures come from (e.g. 'our quote, 2026-03')"
          )
        }
        try entry.rejectUnknownKeys(allowed: ["private", "supports", "note"])
        privateMarks.append((supports, Provenance.Mark(kind: .private, note: note)))
        continue
      }
      let url = try entry.string("url")
      guard let supports = try entry.strings("supports"), !supports.isEmpty else {
        throw entry.error("supports", nil, "expected a non-empty list of the fields this source supports")
      }
      guard let confidence = try entry.choice("confidence", Source.Confidence.self) else {
        throw entry.error("confidence", nil, "missing field: primary | secondary | estimate")
      }
      let note = try entry.optionalString("note")
      try entry.rejectUnknownKeys(allowed: ["url", "supports", "confidence", "note", "private"])
      sources.append(Source(url: url, supports: supports, confidence: confidence, note: note))
    }
    var marks = item.log.marks
    for (supports, mark) in privateMarks {
      for field in item.log.numericFields where marks[field] == nil {
        if supports.contains(where: { field == $0 || field.hasPrefix($0 + ".") }) { marks[field] = mark }
      }
    }
    return Provenance(
      sources: sources, marks: marks, numericFields: item.log.numericFields,
      presentFields: item.log.presentFields.filter { !$0.hasPrefix("sources") }, file: item.file,
      lines: item.log.lines)
  }
}

import HeadroomModel

extension Provenance {
  /// Reads the `sources` list of an item and combines it with the marks and numeric fields logged
  /// while the item's fields were read. Every source needs a URL, a non-empty `supports` list and a
  /// confidence.
  static func read(from item: inout YAMLMapping) throws(CatalogError) -> Provenance {
    guard let nodes = try item.sequence("sources"), !nodes.isEmpty else {
      throw item.error(
        "sources", nil,
        "missing sources: every item needs a list of sources (url, supports, confidence)")
    }
    var sources: [Source] = []
    for (index, node) in nodes.enumerated() {
      var entry = try YAMLMapping(node, file: item.file, path: "sources.\(index)", log: item.log)
      let url = try entry.string("url")
      guard let supports = try entry.strings("supports"), !supports.isEmpty else {
        throw entry.error("supports", nil, "expected a non-empty list of the fields this source supports")
      }
      guard let confidence = try entry.choice("confidence", Source.Confidence.self) else {
        throw entry.error("confidence", nil, "missing field: primary | secondary | estimate")
      }
      let note = try entry.optionalString("note")
      try entry.rejectUnknownKeys(allowed: ["url", "supports", "confidence", "note"])
      sources.append(Source(url: url, supports: supports, confidence: confidence, note: note))
    }
    return Provenance(
      sources: sources, marks: item.log.marks, numericFields: item.log.numericFields,
      presentFields: item.log.presentFields.filter { !$0.hasPrefix("sources") }, file: item.file,
      lines: item.log.lines)
  }
}

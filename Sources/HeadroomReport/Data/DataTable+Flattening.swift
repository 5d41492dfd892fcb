extension DataTable {
  /// A table with one row per JSON object: scalar values as they are, arrays of scalars joined, nested objects
  /// flattened with their key as a prefix (`efficiency.compute` → `efficiencyCompute`). Columns are the union
  /// of the keys in first-seen order; a key an object lacks is an empty cell. Keys in `skipping` are left out.
  public init(name: String, rowMeaning: String, flattening objects: [JSONValue], skipping: Set<String> = []) {
    var columns: [String] = []
    var records: [[String: JSONValue]] = []
    for object in objects {
      var record: [String: JSONValue] = [:]
      for (key, value) in Self.flatten(object, prefix: "") where !skipping.contains(key) {
        if record[key] == nil && !columns.contains(key) { columns.append(key) }
        record[key] = value
      }
      records.append(record)
    }
    self.init(name: name, rowMeaning: rowMeaning, columns: columns)
    rows = records.map { record in columns.map { record[$0] ?? .null } }
  }

  static func flatten(_ value: JSONValue, prefix: String) -> [(String, JSONValue)] {
    guard case .object(let pairs) = value else { return [] }
    var result: [(String, JSONValue)] = []
    for (key, inner) in pairs {
      let name = prefix.isEmpty ? key : prefix + key.prefix(1).uppercased() + key.dropFirst()
      switch inner {
      case .object: result += flatten(inner, prefix: name)
      case .array(let items) where items.contains(where: { if case .object = $0 { true } else { false } }): continue
      default: result.append((name, inner))
      }
    }
    return result
  }
}

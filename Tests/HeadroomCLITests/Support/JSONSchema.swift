import Foundation

/// A JSON value as the schema checks see it: booleans apart from numbers, objects as dictionaries.
indirect enum JSONDocument: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONDocument])
  case object([String: JSONDocument])

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSONDocument].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSONDocument].self))
    }
  }

  static func parse(_ text: String) throws -> JSONDocument {
    try JSONDecoder().decode(JSONDocument.self, from: Data(text.utf8))
  }

  var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }
}

/// A validator for the subset of JSON Schema (2020-12) that Schemas/*.schema.json use: `type` (a name or a list),
/// `properties`, `required`, `additionalProperties` (false or a schema), `items`, `enum` (strings), `anyOf` and
/// `pattern`. Other keywords (`$schema`, `title`, `description`) are annotations and ignored; an unknown keyword
/// is an error, so a schema cannot silently ask for a check this validator does not make.
struct JSONSchema {
  static let annotations: Set<String> = ["$schema", "title", "description"]
  static let keywords: Set<String> = [
    "type", "properties", "required", "additionalProperties", "items", "enum", "anyOf", "pattern",
  ]

  let schema: JSONDocument

  init(file: URL) throws {
    schema = try JSONDocument.parse(String(contentsOf: file, encoding: .utf8))
  }

  /// Every place where `value` breaks the schema, as `path: problem`; empty when it validates.
  func problems(_ value: JSONDocument) -> [String] { Self.check(value, against: schema, path: "$") }

  static func check(_ value: JSONDocument, against schema: JSONDocument, path: String) -> [String] {
    guard case .object(let rules) = schema else { return ["\(path): the schema is not an object"] }
    var found: [String] = []
    for key in rules.keys where !keywords.contains(key) && !annotations.contains(key) {
      found.append("\(path): the schema uses '\(key)', which this validator does not support")
    }
    if case .array(let options)? = rules["anyOf"] {
      let results = options.map { check(value, against: $0, path: path) }
      if !results.contains(where: \.isEmpty) {
        let closest = results.min { $0.count < $1.count } ?? []
        found.append(
          "\(path): matches none of the \(options.count) forms; closest: \(closest.prefix(3).joined(separator: "; "))")
      }
    }
    if let type = rules["type"] {
      let allowed: [String]
      switch type {
      case .string(let name): allowed = [name]
      case .array(let names): allowed = names.compactMap { if case .string(let name) = $0 { name } else { nil } }
      default: allowed = []
      }
      if !allowed.contains(value.typeName) {
        return found + ["\(path): \(value.typeName), expected \(allowed.joined(separator: " or "))"]
      }
    }
    if case .array(let options)? = rules["enum"], !options.contains(value) {
      found.append("\(path): \(value) is not one of the allowed values")
    }
    if case .string(let pattern)? = rules["pattern"], case .string(let text) = value,
      text.range(of: pattern, options: .regularExpression) == nil
    {
      found.append("\(path): '\(text)' does not match \(pattern)")
    }
    if case .object(let members) = value {
      var properties: [String: JSONDocument] = [:]
      if case .object(let declared)? = rules["properties"] { properties = declared }
      if case .array(let required)? = rules["required"] {
        for case .string(let key) in required where members[key] == nil {
          found.append("\(path): missing required key '\(key)'")
        }
      }
      for (key, member) in members.sorted(by: { $0.key < $1.key }) {
        if let property = properties[key] {
          found += check(member, against: property, path: "\(path).\(key)")
        } else {
          switch rules["additionalProperties"] {
          case .bool(false)?: found.append("\(path): key '\(key)' is not in the schema")
          case .object(let extra)?: found += check(member, against: .object(extra), path: "\(path).\(key)")
          default: break
          }
        }
      }
    }
    if case .array(let items) = value, let itemSchema = rules["items"] {
      for (index, item) in items.enumerated() {
        found += check(item, against: itemSchema, path: "\(path)[\(index)]")
      }
    }
    return found
  }

  /// Every property name the schema declares, anywhere in it.
  static func propertyNames(_ schema: JSONDocument) -> Set<String> {
    switch schema {
    case .object(let rules):
      var names = Set<String>()
      if case .object(let properties)? = rules["properties"] { names.formUnion(properties.keys) }
      for value in rules.values { names.formUnion(propertyNames(value)) }
      return names
    case .array(let items): return items.reduce(into: Set<String>()) { $0.formUnion(propertyNames($1)) }
    default: return []
    }
  }
}

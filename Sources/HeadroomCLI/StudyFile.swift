import Foundation

/// Reading and writing the JSON files of sharded studies (sweep samples, batch results).
enum StudyFile {
  /// Decodes a file, or throws naming the file and, for a file of the wrong shape, the field.
  static func read<Value: Decodable>(_ type: Value.Type, from path: String, what: String) throws -> Value {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CommandError(
        "--merge \(path): cannot read the file (\(FileManager.default.fileExists(atPath: path) ? "not readable" : "no such file"))"
      )
    }
    do {
      return try JSONDecoder().decode(type, from: data)
    } catch let error as DecodingError {
      throw CommandError("--merge \(path): not \(what) (\(describe(error)))")
    } catch {
      throw CommandError("--merge \(path): not \(what) (\(error))")
    }
  }

  /// Writes a value as JSON with sorted keys.
  static func write<Value: Encodable>(_ value: Value, to path: String) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(value).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  /// A decoding error as "field 'a.b': what was wrong".
  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      keys.isEmpty
        ? "the top level"
        : "field '"
          + keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
          .joined(separator: ".") + "'"
    }
    switch error {
    case .typeMismatch(let type, let context): return "\(path(context.codingPath)): expected \(type)"
    case .valueNotFound(let type, let context): return "\(path(context.codingPath)): missing \(type)"
    case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): missing"
    case .dataCorrupted(let context): return "\(path(context.codingPath)): \(context.debugDescription)"
    @unknown default: return "\(error)"
    }
  }
}

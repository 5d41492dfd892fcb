import Foundation
import HeadroomModel

/// A stable fingerprint of the data folders, so each saved run records which data it read.
///
/// The hash is 64-bit FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3) over every
/// `.yaml`/`.yml` file under `Hardware/`, `Grids/` and `Scenarios/`, taken in order of their relative
/// paths (byte order): for each file, the relative path, a 0 byte, the contents, a 0 byte. It is
/// written as 16 lower-case hex digits. It does not depend on where the folder is or on file dates;
/// any edit, added or removed file changes it. FNV-1a is not cryptographic: it tells versions of the
/// data apart, it does not authenticate them.
///
/// For example:
/// ```swift
/// DataHash.of(root: URL(fileURLWithPath: "."))   // "9c1f0e2d4b6a8c7e"
/// ```
public enum DataHash {
  /// The folders hashed, relative to the data root.
  public static let folders = ["Hardware", "Grids", "Scenarios"]

  /// The hash of the data files under `root` (an empty folder hashes to the FNV offset basis).
  public static func of(root: URL) -> String {
    var hash = FNV1a64()
    for relative in files(under: root) {
      hash.add(Array(relative.utf8))
      hash.add([0])
      if let contents = FileManager.default.contents(atPath: root.appendingPathComponent(relative).path) {
        hash.add(contents)
      }
      hash.add([0])
    }
    return hash.hex
  }

  /// The hash of layered data folders (lowest first): the same hash over the files the layers give
  /// together, a file of a higher folder taking the place of the file with the same relative path below
  /// it. One folder hashes as ``of(root:)``; a folder above it that holds only byte-identical copies
  /// leaves the hash unchanged.
  public static func of(layers: [URL]) -> String {
    guard layers.count > 1 else { return layers.first.map { of(root: $0) } ?? FNV1a64().hex }
    var effective: [String: URL] = [:]
    for layer in layers {
      for relative in files(under: layer) { effective[relative] = layer.appendingPathComponent(relative) }
    }
    var hash = FNV1a64()
    for relative in effective.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
      hash.add(Array(relative.utf8))
      hash.add([0])
      if let contents = FileManager.default.contents(atPath: effective[relative]!.path) { hash.add(contents) }
      hash.add([0])
    }
    return hash.hex
  }

  /// The same hash over one file's bytes alone (e.g. a scenario file outside the data folder), or nil
  /// when it cannot be read.
  public static func of(file: URL) -> String? {
    guard let contents = FileManager.default.contents(atPath: file.path) else { return nil }
    var hash = FNV1a64()
    hash.add(contents)
    return hash.hex
  }

  /// The relative paths of the hashed files, sorted by their UTF-8 bytes.
  public static func files(under root: URL) -> [String] {
    var result: [String] = []
    for folder in folders {
      guard let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
      else { continue }
      while let path = enumerator.nextObject() as? String {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") { result.append("\(folder)/\(path)") }
      }
    }
    return result.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
  }
}

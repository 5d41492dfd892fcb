import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport

/// Scratch data folders and data-file fixtures for tests (the repository's own data: ``Repository``).
enum TestData {
  /// A fresh data folder holding the given files (relative path → contents).
  static func folder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-\(UUID().uuidString)")
    for (path, contents) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("Hardware"), withIntermediateDirectories: true)
    return root
  }

  /// A valid accelerator file, with a line replaced or added for a test.
  static func accelerator(id: String = "test-gpu", replacing old: String? = nil, with new: String? = nil) -> String {
    var text = """
      id: \(id)
      name: Test GPU
      vendor: test
      year: 2024
      datacenter: true
      origin: US
      compute:
        bf16: 500 TFLOP/s
        fp8: 1000 TFLOP/s
      memory: 80 GB
      memory_bandwidth: 3 TB/s
      tdp: 700 W
      die_area: 800 mm2
      sources:
        - url: https://example.com/datasheet
          supports: [year, compute, memory, memory_bandwidth, tdp, die_area]
          confidence: primary

      """
    if let old, let new { text = text.replacingOccurrences(of: old, with: new) }
    return text
  }

  /// The oct-2023 rule file from the repository, for fixtures that need a rule set.
  static var oct2023: String {
    (try? String(
      contentsOf: Repository.root.appendingPathComponent("Hardware/export-rules/oct-2023.yaml"), encoding: .utf8))
      ?? ""
  }
}

extension Double {
  func isApproximatelyEqual(to other: Double, relativeTolerance: Double) -> Bool {
    abs(self - other) <= relativeTolerance * Swift.max(abs(self), abs(other))
  }
}

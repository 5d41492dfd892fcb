import Foundation
import HeadroomModel
import HeadroomTestSupport
import Testing

@testable import HeadroomStore

@Suite struct DataHashTests {
  /// A data folder with a few YAML files (and a file that is not hashed).
  static func folder() throws -> URL {
    let root = try StoreTestSupport.temporaryFolder()
    let files = [
      "Hardware/accelerators/x/a.yaml": "id: a\n",
      "Grids/countries/US.yaml": "id: US\n",
      "Scenarios/baseline.yaml": "id: baseline\n",
      "Hardware/README.md": "not data",
    ]
    for (path, contents) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
  }

  @Test func fnv1aMatchesItsPublishedTestVectors() {
    // Given FNV-1a 64, When hashing "" and "a", Then the published values come out
    var empty = FNV1a64()
    empty.add([UInt8]())
    var a = FNV1a64()
    a.add(Array("a".utf8))
    #expect(empty.hex == "cbf29ce484222325")
    #expect(a.hex == "af63dc4c8601ec8c")
  }

  @Test func fnv1aGivesTheSameHashForContiguousAndLazyBytes() {
    // Given the same bytes as Data (read through its buffer) and as a lazy sequence (read one by one)
    let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    var contiguous = FNV1a64()
    contiguous.add(Data(bytes))
    var lazy = FNV1a64()
    lazy.add(bytes.lazy.map { $0 })

    // Then both hashes agree
    #expect(contiguous.hex == lazy.hex)
  }

  @Test func theHashIsStableAndIgnoresWhereTheFolderIs() throws {
    // Given two copies of the same data in different places
    let one = try Self.folder()
    let two = try Self.folder()

    // When hashed, Then the hashes agree, and are 16 hex digits
    #expect(DataHash.of(root: one) == DataHash.of(root: two))
    #expect(DataHash.of(root: one).count == 16)
    #expect(
      DataHash.files(under: one) == [
        "Grids/countries/US.yaml", "Hardware/accelerators/x/a.yaml", "Scenarios/baseline.yaml",
      ])
  }

  @Test func anyDataEditChangesTheHashButOtherFilesDoNot() throws {
    // Given a data folder and its hash
    let root = try Self.folder()
    let before = DataHash.of(root: root)

    // When a README changes, Then the hash does not
    try "changed".write(to: root.appendingPathComponent("Hardware/README.md"), atomically: true, encoding: .utf8)
    #expect(DataHash.of(root: root) == before)

    // When a YAML file changes, Then it does
    try "id: US\npue: 1.3\n".write(
      to: root.appendingPathComponent("Grids/countries/US.yaml"), atomically: true, encoding: .utf8)
    #expect(DataHash.of(root: root) != before)
  }

  @Test func theRepositorysDataHashes() {
    // Given the repository's data, When hashed twice, Then the same 16 digits come out
    let hash = DataHash.of(root: Repository.root)
    #expect(hash.count == 16)
    #expect(hash == DataHash.of(root: Repository.root))
  }
}

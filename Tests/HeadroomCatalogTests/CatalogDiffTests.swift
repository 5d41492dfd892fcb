import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// `CatalogDiff` on copies of the repository's data: it reports exactly what was changed.
@Suite struct CatalogDiffTests {
  /// A copy of the repository's data folders in a new temporary folder.
  static func copyOfTheData() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-diff-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for folder in DataSnapshot.folders {
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
    }
    return root
  }

  static func edit(_ root: URL, _ file: String, replacing old: String, with new: String) throws {
    let url = root.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains(old), "fixture: \(file) should contain '\(old)'")
    try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
  }

  @Test func aCopyWithOneFieldChangedAndOnePartAddedReportsExactlyThose() throws {
    // Given a copy of the data where the H100 SXM's TDP goes from 700 W to 750 W and a new part is added,
    // When diffed against the repository's data,
    // Then the diff lists that part as added, nothing removed, and that one field with old, new and sources.
    let copy = try Self.copyOfTheData()
    defer { try? FileManager.default.removeItem(at: copy) }
    try Self.edit(copy, "Hardware/accelerators/nvidia/h100-sxm.yaml", replacing: "tdp: 700 W", with: "tdp: 750 W")
    let added = copy.appendingPathComponent("Hardware/accelerators/test/test-gpu.yaml")
    try FileManager.default.createDirectory(at: added.deletingLastPathComponent(), withIntermediateDirectories: true)
    try TestData.accelerator().write(to: added, atomically: true, encoding: .utf8)

    let diff = try CatalogDiff.compare(base: Repository.root, target: copy, baseLabel: "repo", targetLabel: "copy")

    #expect(
      diff.added == [.init(kind: .accelerator, id: "test-gpu", file: "Hardware/accelerators/test/test-gpu.yaml")])
    #expect(diff.removed.isEmpty)
    #expect(diff.changed.count == 1)
    let change = try #require(diff.changed.first)
    #expect(change.kind == .accelerator && change.id == "h100-sxm" && change.field == "tdp")
    #expect(change.old == "700 W" && change.new == "750 W")
    #expect(change.oldLine == 19 && change.newLine == 19)
    #expect(!change.newSources.isEmpty && change.newSources == change.oldSources)
  }

  @Test func identicalDataGivesAnEmptyDiff() throws {
    // Given the repository's data compared with itself, When diffed, Then nothing is reported.
    let diff = try CatalogDiff.compare(base: Repository.root, target: Repository.root)
    #expect(diff.isEmpty)
  }

  @Test func removedItemsLongFormMarksAndListEntriesAreNamedByTheirPaths() throws {
    // Given a copy where a country file is removed, an estimate's note is edited and a hall's rack count
    // changes, When diffed, Then the removal and the two fields are reported under their dotted paths.
    let copy = try Self.copyOfTheData()
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.removeItem(at: copy.appendingPathComponent("Grids/countries/NL.yaml"))
    try Self.edit(
      copy, "Grids/countries/MY.yaml", replacing: "Derived from capacity, not a metered figure",
      with: "Derived from IT capacity, not a metered figure")
    try Self.edit(
      copy, "Grids/sites/liquid-hall-140kw.yaml", replacing: "racks:\n      value: 456",
      with: "racks:\n      value: 457")

    let diff = try CatalogDiff.compare(base: Repository.root, target: copy)

    #expect(diff.removed.map(\.id) == ["NL"])
    #expect(diff.added.isEmpty)
    #expect(diff.changed.contains { $0.id == "MY" && $0.field == "dc_load.power.note" })
    let rackChange = try #require(diff.changed.first { $0.field == "halls.hall-1.racks" })
    #expect(rackChange.id == "liquid-hall-140kw" && rackChange.old == "456" && rackChange.new == "457")
    #expect(diff.changed.count == 2)
  }
}

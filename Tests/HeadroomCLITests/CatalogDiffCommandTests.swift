import Foundation
import HeadroomTestSupport
import Testing

@Suite struct CatalogDiffCommandTests {
  static var isGitCheckout: Bool {
    FileManager.default.fileExists(atPath: Repository.root.appendingPathComponent(".git").path)
  }

  @Test func aFolderWithOneFieldChangedAndOnePartAddedIsReportedAsJSON() throws {
    // Given a copy of the data with the H20's TDP changed and a part added,
    // When `catalog diff --data <copy> --against <repository>` runs as JSON,
    // Then it lists the added part and the one changed field with its old and new value and sources.
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-cli-diff-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: copy) }
    for folder in ["Hardware", "Grids", "Scenarios"] {
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: Repository.root.appendingPathComponent(folder), to: copy.appendingPathComponent(folder))
    }
    let h20 = copy.appendingPathComponent("Hardware/accelerators/nvidia/h20.yaml")
    let text = try String(contentsOf: h20, encoding: .utf8)
    let tdp = try #require(text.split(separator: "\n").first { $0.hasPrefix("tdp: ") })
    try text.replacingOccurrences(of: String(tdp), with: "tdp: 123 W").write(to: h20, atomically: true, encoding: .utf8)
    let l4 = try String(
      contentsOf: copy.appendingPathComponent("Hardware/accelerators/nvidia/l4.yaml"), encoding: .utf8)
    try l4.replacingOccurrences(of: "id: l4\n", with: "id: l4-copy\n").write(
      to: copy.appendingPathComponent("Hardware/accelerators/nvidia/l4-copy.yaml"), atomically: true, encoding: .utf8)

    let result = try Headroom.run([
      "catalog", "diff", "--data", copy.path, "--against", Repository.root.path, "--format", "json",
    ])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try Headroom.json(result.stdout)
    let added = try #require(json["added"] as? [[String: Any]])
    #expect(added.map { $0["id"] as? String } == ["l4-copy"])
    #expect((json["removed"] as? [Any])?.isEmpty == true)
    let changed = try #require(json["changed"] as? [[String: Any]])
    #expect(changed.count == 1)
    #expect(changed.first?["field"] as? String == "tdp")
    #expect(changed.first?["old"] as? String == String(tdp.dropFirst(5)))
    #expect(changed.first?["new"] as? String == "123 W")
    #expect((changed.first?["newSources"] as? [Any])?.isEmpty == false)
  }

  @Test(.enabled(if: isGitCheckout)) func aGitRevisionIsReadFromTheRepository() throws {
    // Given the repository's own history, When diffed against HEAD as a table,
    // Then the command succeeds and prints both tables.
    let result = try Headroom.run(["catalog", "diff", "--against", "HEAD", "--format", "table"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Items added and removed (HEAD ->"))
    #expect(result.stdout.contains("Fields changed"))
  }

  @Test(.enabled(if: isGitCheckout)) func anUnknownRevisionFailsNamingIt() throws {
    // Given a revision that does not exist, When diffed, Then the exit status is non-zero and the error names it.
    let result = try Headroom.run(["catalog", "diff", "--against", "no-such-revision-xyz"])
    #expect(result.status != 0)
    #expect(result.stderr.contains("value 'no-such-revision-xyz': not a data folder, nor a git revision"))
  }
}

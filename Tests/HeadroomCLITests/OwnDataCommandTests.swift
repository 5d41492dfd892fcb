import Foundation
import Testing

/// Own data day to day: a user folder layered above the bundled data, templates, listings.
@Suite struct OwnDataCommandTests {
  /// A fresh folder (not yet holding data).
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-own-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url.standardizedFileURL
  }

  static func write(_ text: String, _ path: String, in folder: URL) throws {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
  }

  /// An accelerator with a private price (long form) and private figures (a private source entry).
  static let accelerator = """
    id: acme-x1
    name: Acme X1
    vendor: acme
    year: 2026
    datacenter: true
    origin: US
    compute:
      bf16: 1200 TFLOP/s
      fp8: 2400 TFLOP/s
    memory: 144 GB
    memory_bandwidth: 6 TB/s
    tdp: 900 W
    die_area: 800 mm2
    price:
      amount: {value: 22000 USD, private: true, note: "our quote from Acme, 2026-02"}
      year: 2026
      kind: street
      basis: chip
    sources:
      - private: true
        supports: [year, compute, memory, memory_bandwidth, tdp, die_area]
        note: Acme datasheet under NDA, rev 0.9

    """

  /// A scenario giving it production for the US in 2026 and 2027.
  static let scenario = """
    id: acme-supply
    name: Baseline with our Acme X1 supply
    extends: baseline
    production:
      acme-x1:
        units:
          2026: {value: 200000, private: true, note: Acme's supply commitment}
          2027: {value: 400000, private: true, note: Acme's supply commitment}
        allocation:
          US: 1.0

    """

  @Test func aUserFolderWithASiteAnAcceleratorAndAScenarioRunsFitPlanAndWallsAndTheReportsNameIt() throws {
    // Given a user folder with a new site (from the template), a new accelerator with a private price, an own
    // scenario giving it production in the US, and a workloads file (from the template),
    let own = try Self.folder()
    defer { try? FileManager.default.removeItem(at: own) }
    let site = try Headroom.run(["site", "new", "my-campus", "--country", "US", "--data", own.path])
    #expect(site.status == 0, "\(site.stderr)")
    #expect(site.stdout.contains(own.appendingPathComponent("Grids/sites/my-campus.yaml").path))
    let workloads = try Headroom.run(["workloads", "new", "my-endpoint", "--data", own.path])
    #expect(workloads.status == 0, "\(workloads.stderr)")
    try Self.write(Self.accelerator, "Hardware/accelerators/acme/acme-x1.yaml", in: own)
    try Self.write(Self.scenario, "Scenarios/acme-supply.yaml", in: own)
    let database = own.appendingPathComponent("runs.sqlite").path

    // When fit, plan and walls run on the layered data,
    let fit = try Headroom.run(["fit", "--site", "my-campus", "--system", "hgx-h200", "--data", own.path])
    let plan = try Headroom.run([
      "plan", "--site", "my-campus", "--workloads", "my-endpoint", "--data", own.path, "--db", database,
    ])
    let walls = try Headroom.run(["walls", "--scenario", "acme-supply", "--data", own.path, "--db", database])

    // Then each succeeds and says which folder its own items came from, and how many private figures it rests on.
    for (name, result) in [("fit", fit), ("plan", plan), ("walls", walls)] {
      #expect(result.status == 0, "\(name): \(result.stderr)")
      let flat = result.stdout.replacingOccurrences(of: "\n  ", with: " ")
      #expect(flat.contains("(bundled), then \(own.path)."), "\(name): \(result.stdout)")
      #expect(flat.contains("From \(own.path): "), "\(name)")
      #expect(flat.contains("private figure"), "\(name)")
    }
    #expect(fit.stdout.contains("site my-campus (new)"))
    #expect(walls.stdout.contains("accelerator acme-x1 (new)"))
    #expect(walls.stdout.replacingOccurrences(of: "\n  ", with: " ").contains("our quote from Acme, 2026-02"))
    #expect(plan.stderr.contains("saved as run"), "plan is saved in the run history: \(plan.stderr)")
    // And the walls JSON names the private figures: 7 of the part's, its price, and the 2 production figures.
    let json = try Headroom.json(
      try Headroom.run(["walls", "--scenario", "acme-supply", "--data", own.path, "--no-save", "--format", "json"])
        .stdout)
    let data = try #require(json["data"] as? [String: Any])
    let figures = try #require(data["privateFigures"] as? [[String: Any]])
    #expect(figures.filter { ($0["file"] as? String)?.hasSuffix("acme-x1.yaml") == true }.count == 8)
    #expect(figures.filter { ($0["file"] as? String)?.hasSuffix("acme-supply.yaml") == true }.count == 2)
    // And the new part adds to what the US can obtain in 2026: 200,000 units x 2,400 / 1,979 TFLOP/s at 8 bits
    // (its H100-equivalents) = 242,547 H100e over the baseline (within 1 H100e).
    let baseline = try Headroom.json(
      try Headroom.run(["walls", "--data", own.path, "--no-save", "--format", "json"]).stdout)
    func obtainable(_ json: [String: Any]) throws -> Double {
      let countries = try #require(json["countries"] as? [[String: Any]])
      let us = try #require(countries.first { $0["country"] as? String == "US" })
      let years = try #require(us["years"] as? [[String: Any]])
      return try #require(years.first { $0["year"] as? Int == 2026 }?["chipsObtainableH100e"] as? Double)
    }
    let added = try obtainable(json) - obtainable(baseline)
    #expect(abs(added - 200_000 * 2400 / 1979) < 1, "\(added)")
  }

  @Test func aPartWithNoSupplyAndASetThatChangesNothingAreReportedAsIgnored() throws {
    // Given the accelerator alone (no scenario gives it supply), When walls runs with a --set equal to the
    // baseline's lifetime, Then one line under the report names each ignored input.
    let own = try Self.folder()
    defer { try? FileManager.default.removeItem(at: own) }
    try Self.write(Self.accelerator, "Hardware/accelerators/acme/acme-x1.yaml", in: own)
    let result = try Headroom.run(["walls", "--data", own.path, "--set", "lifetime=5", "--no-save"])
    #expect(result.status == 0, "\(result.stderr)")
    let flat = result.stdout.replacingOccurrences(of: "\n  ", with: " ")
    #expect(flat.contains("Ignored: --set lifetime=5 is the scenario's value already (it changes nothing)."))
    #expect(flat.contains("have no supply in the scenario") && flat.contains("acme-x1"), "\(result.stdout)")
    // And a result that does not use the part does not rest on its private figures; the own part is named first.
    #expect(!flat.contains("Rests on"), "\(result.stdout)")
    #expect(flat.contains("country): acme-x1, "), "\(result.stdout)")
  }

  @Test func aTemplateOfEveryKindLoadsAsWrittenAndTheListsShowIt() throws {
    // Given an empty user folder named by XDG_DATA_HOME (no --data),
    let home = try Self.folder()
    defer { try? FileManager.default.removeItem(at: home) }
    let environment = ["XDG_DATA_HOME": home.path]
    let user = home.appendingPathComponent("headroom")
    // When a template of each kind is written,
    for arguments in [
      ["site", "new", "t-site", "--country", "DE"], ["accelerator", "new", "t-chip", "--vendor", "acme"],
      ["scenario", "new", "t-case"], ["workloads", "new", "t-load"],
    ] {
      let result = try Headroom.run(arguments, setting: environment)
      #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    // Then they are in the user folder, every command reads them, and the catalog check passes with them.
    #expect(FileManager.default.fileExists(atPath: user.appendingPathComponent("Grids/sites/t-site.yaml").path))
    #expect(
      FileManager.default.fileExists(atPath: user.appendingPathComponent("Hardware/accelerators/acme/t-chip.yaml").path)
    )
    let check = try Headroom.run(["catalog", "check"], setting: environment)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    for (list, id) in [("site", "t-site"), ("scenario", "t-case"), ("workloads", "t-load"), ("accelerator", "t-chip")] {
      let result = try Headroom.run([list, "list", "--format", "json"], setting: environment)
      #expect(result.status == 0, "\(list): \(result.stderr)")
      #expect(result.stdout.contains("\"\(id)\""), "\(list) list lacks \(id)")
      #expect(result.stdout.contains(user.path), "\(list) list names the user folder")
    }
    let models = try Headroom.run(["model", "list", "--format", "json"])
    #expect(models.status == 0 && models.stdout.contains("llama-3-70b"))
    let walls = try Headroom.run(
      ["walls", "--scenario", "t-case", "--no-save", "--format", "json"], setting: environment)
    #expect(walls.status == 0, "\(walls.stderr)")
  }

  @Test func aTemplateWhoseIdExistsIsRefusedNamingTheFileAndWritesNothing() throws {
    let own = try Self.folder()
    defer { try? FileManager.default.removeItem(at: own) }
    let result = try Headroom.run(["accelerator", "new", "h100-sxm", "--vendor", "nvidia", "--data", own.path])
    #expect(result.status == 1)
    #expect(
      result.stderr.contains(
        "Hardware/accelerators/nvidia/h100-sxm.yaml: field 'id': value 'h100-sxm': an accelerator with this id exists already"
      ),
      "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: own.path).isEmpty)
    let bad = try Headroom.run(["site", "new", "My Site", "--country", "US", "--data", own.path])
    #expect(bad.status == 1 && bad.stderr.contains("an id of lower-case letters, digits and '-'"), "\(bad.stderr)")
  }

  @Test func aTemplateCreatesANewDataFolderAndTheScenarioExamplesLoadOnceUncommented() throws {
    // Given a --data folder that does not exist yet (a new user's first step),
    let parent = try Self.folder()
    defer { try? FileManager.default.removeItem(at: parent) }
    let own = parent.appendingPathComponent("mydata")
    // When a site and a scenario template are written into it,
    let site = try Headroom.run(["site", "new", "t-site", "--country", "IE", "--data", own.path])
    #expect(site.status == 0, "\(site.stderr)")
    let words = site.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("commands read it when given --data \(own.path)"), "\(site.stdout)")
    #expect(try Headroom.run(["scenario", "new", "t-case", "--data", own.path]).status == 0)
    // and the scenario's commented examples are uncommented as they stand (the part named an existing one),
    let file = own.appendingPathComponent("Scenarios/t-case.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let start = try #require(lines.firstIndex { $0.hasPrefix("# Examples") })
    let uncommented = lines.enumerated().map { index, line in
      index > start && line.hasPrefix("# ") ? String(line.dropFirst(2)) : line
    }
    try uncommented.joined(separator: "\n").replacingOccurrences(of: "my-chip", with: "h100-sxm")
      .write(to: file, atomically: true, encoding: .utf8)
    // Then every example figure is covered (private) and walls runs the scenario over the new folder.
    let check = try Headroom.run(["catalog", "check", "--data", own.path])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let walls = try Headroom.run(["walls", "--scenario", "t-case", "--no-save", "--data", own.path])
    #expect(walls.status == 0, "\(walls.stderr)")
  }

  @Test func dataFoldersComeFromTheEnvironmentListToo() throws {
    // Given two own folders in HEADROOM_DATA, the second replacing the first's site by id,
    let first = try Self.folder()
    let second = try Self.folder()
    defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
    #expect(try Headroom.run(["site", "new", "x-site", "--country", "US", "--data", first.path]).status == 0)
    let text = try String(contentsOf: first.appendingPathComponent("Grids/sites/x-site.yaml"), encoding: .utf8)
    try Self.write(
      text.replacingOccurrences(of: "racks: 200", with: "racks: 300"), "Grids/sites/x-site.yaml", in: second)
    // When listed with HEADROOM_DATA=first:second, Then the site comes from the second, replacing the first's.
    let result = try Headroom.run(
      ["site", "list", "--format", "json"], setting: ["HEADROOM_DATA": "\(first.path):\(second.path)"])
    #expect(result.status == 0, "\(result.stderr)")
    let sites = try #require(Headroom.json(result.stdout)["sites"] as? [[String: Any]])
    let site = try #require(sites.first { $0["id"] as? String == "x-site" })
    #expect(site["racks"] as? Int == 300)
    let items = try #require((Headroom.json(result.stdout)["data"] as? [String: Any])?["items"] as? [[String: Any]])
    #expect(
      items.contains { $0["replaces"] as? String == first.appendingPathComponent("Grids/sites/x-site.yaml").path })
  }
}

import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Layered data folders: the bundled data first, own folders above it adding and replacing items by id.
@Suite struct DataLayeringTests {
  /// A fresh folder holding the given files (path relative to the folder → text).
  static func folder(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-layers-\(UUID().uuidString)")
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return root
  }

  static func bundled(_ path: String) throws -> String {
    try String(contentsOf: Repository.file(path), encoding: .utf8)
  }

  @Test func anOwnFolderAddsASiteAndReplacesACountryByIdAndSaysWhichFolderEachCameFrom() throws {
    // Given an own folder with a new site and a US country file whose PUE differs from the bundled one,
    let us = try Self.bundled("Grids/countries/US.yaml")
    let site = try Self.bundled("Grids/sites/dublin-colo-hall.yaml")
      .replacingOccurrences(of: "id: dublin-colo-hall", with: "id: my-hall")
    let price = try #require(us.range(of: "electricity_price: 80 USD/MWh"))
    let own = try Self.folder([
      "Grids/sites/my-hall.yaml": site,
      "Grids/countries/US.yaml": us.replacingCharacters(in: price, with: "electricity_price: 95 USD/MWh"),
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    // When the two folders are loaded together,
    let catalog = try CatalogLoader(folders: DataFolders(layers: [Repository.root, own])).load()
    // Then the site is there from the own folder, the US has the own PUE, and the layering names both items.
    #expect(catalog.sites.contains { $0.id == "my-hall" })
    #expect(try catalog.country("US").electricityPrice == EnergyPrice(baseValue: 95))
    #expect(try Repository.catalog.country("US").electricityPrice == EnergyPrice(baseValue: 80))
    #expect(catalog.files["my-hall"] == own.appendingPathComponent("Grids/sites/my-hall.yaml").standardizedFileURL.path)
    let items = catalog.layering.items.map { "\($0.kind) \($0.id) \($0.replaces ?? "new")" }.sorted()
    #expect(items == ["country US Grids/countries/US.yaml", "site my-hall new"])
    #expect(catalog.sites.count == Repository.catalog.sites.count + 1)
    #expect(catalog.countries.count == Repository.catalog.countries.count)
  }

  @Test func aByteIdenticalCopyChangesNothingAndIsReportedAsIgnored() throws {
    // Given an own folder holding an unchanged copy of a bundled accelerator,
    let own = try Self.folder([
      "Hardware/accelerators/nvidia/h20.yaml": try Self.bundled("Hardware/accelerators/nvidia/h20.yaml")
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    // When loaded above the bundled data, Then nothing is replaced and the copy is listed as identical.
    let catalog = try CatalogLoader(folders: DataFolders(layers: [Repository.root, own])).load()
    #expect(catalog.layering.items.isEmpty)
    #expect(catalog.layering.identical.count == 1)
    #expect(catalog.files["h20"] == "Hardware/accelerators/nvidia/h20.yaml")
  }

  @Test func twoFilesWithOneIdInOneFolderAreAnErrorNamingBoth() throws {
    // Given an own folder with the same accelerator id under two vendors,
    let part = try Self.bundled("Hardware/accelerators/nvidia/h20.yaml")
    let own = try Self.folder([
      "Hardware/accelerators/a/h20.yaml": part, "Hardware/accelerators/b/h20.yaml": part + "\n# changed\n",
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    // When loaded, Then the error names the second file, the id and the first file.
    #expect {
      _ = try CatalogLoader(folders: DataFolders(layers: [Repository.root, own])).load()
    } throws: { error in
      let text = "\(error)"
      return text.contains("Hardware/accelerators/b/h20.yaml") && text.contains("value 'h20'")
        && text.contains("duplicate accelerator id: already defined in")
        && text.contains("Hardware/accelerators/a/h20.yaml")
    }
  }

  @Test func anIdenticalCopyStillClashesWithAnotherFileOfItsIdThatSortsBeforeIt() throws {
    // Given an own folder holding a byte-identical copy of a bundled part and, under a folder name that
    // sorts first ('nvidia-copy' < 'nvidia/'), a changed file with the same id,
    let part = try Self.bundled("Hardware/accelerators/nvidia/h20.yaml")
    let own = try Self.folder([
      "Hardware/accelerators/nvidia/h20.yaml": part,
      "Hardware/accelerators/nvidia-copy/h20.yaml": part + "\n# changed\n",
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    // When loaded, Then the skipped copy still counts: the changed file is the duplicate, naming the copy.
    #expect {
      _ = try CatalogLoader(folders: DataFolders(layers: [Repository.root, own])).load()
    } throws: { error in
      let text = "\(error)"
      return text.contains("Hardware/accelerators/nvidia-copy/h20.yaml:")
        && text.contains("duplicate accelerator id: already defined in")
        && text.contains("Hardware/accelerators/nvidia/h20.yaml")
    }
  }

  @Test func anOwnScenarioExtendsTheBundledBaselineAndAnOwnBaselineMayExtendTheBundledOne() throws {
    // Given an own scenario extending 'baseline' and an own baseline.yaml that extends 'baseline' too,
    let own = try Self.folder([
      "Scenarios/mine.yaml":
        "id: mine\nname: mine\nextends: baseline\nlifetime: {value: 4, assumption: true, note: test}\n",
      "Scenarios/baseline.yaml": "id: baseline\nname: own baseline\nextends: baseline\n",
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    let folders = DataFolders(layers: [Repository.root, own])
    let catalog = try CatalogLoader(folders: folders).load()
    let loader = ScenarioLoader(catalog: catalog, folders: folders)
    // When loaded, Then 'mine' extends the own baseline, which extends the bundled one (no cycle).
    let mine = try loader.load("mine")
    #expect(mine.lifetime == 4)
    #expect(try loader.load("baseline").name == "own baseline")
    #expect(loader.scenarioIDs.contains("mine"))
    #expect(loader.url(for: "baseline").path.hasPrefix(own.standardizedFileURL.path))
  }

  @Test func privateFiguresAreCoveredAndCounted() throws {
    // Given an own accelerator whose price is private (long form) and whose other figures have a private entry,
    let own = try Self.folder([
      "Hardware/accelerators/acme/x1.yaml": """
      id: x1
      name: Acme X1
      vendor: acme
      year: 2026
      datacenter: true
      origin: US
      compute:
        bf16: 1200 TFLOP/s
      tdp: 900 W
      price:
        amount: {value: 22000 USD, private: true, note: our quote}
        year: 2026
        kind: street
        basis: chip
      sources:
        - private: true
          supports: [year, compute, tdp]
          note: Acme datasheet under NDA
      """
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    // When loaded and checked,
    let catalog = try CatalogLoader(folders: DataFolders(layers: [Repository.root, own])).load()
    let check = CatalogCheck(catalog)
    // Then every figure is covered, and the four private ones are counted with their notes.
    #expect(check.coverage.allSatisfy { $0.uncovered.isEmpty })
    #expect(check.coverage.first { $0.kind == "accelerators" }?.coveredPrivately == 4)
    let figures = catalog.privateFigures(of: ["x1"])
    #expect(figures.map(\.field) == ["compute.bf16", "price.amount", "tdp", "year"])
    #expect(figures.first { $0.field == "price.amount" }?.note == "our quote")
    #expect(Repository.catalog.privateFigures().isEmpty)
  }

  @Test func aPrivateFigureWithoutANoteIsAnError() throws {
    let own = try Self.folder([
      "Grids/sites/s.yaml": """
      id: s
      name: s
      country: US
      interconnect: {2026: 20 MW}
      pue: {value: 1.3, private: true}
      redundancy: N
      derating: 0.8
      halls:
        - {id: h, racks: 10, rack_power: 20 kW, cooling: air}
      sources:
        - {private: true, supports: [interconnect, derating, halls], note: ours}
      """
    ])
    defer { try? FileManager.default.removeItem(at: own) }
    #expect {
      _ = try CatalogLoader(folders: DataFolders(layers: [Repository.root, own])).load()
    } throws: { error in
      "\(error)".contains("field 'pue'") && "\(error)".contains("a private figure needs a 'note'")
    }
  }

  @Test func theDataFoldersComeBundledFirstThenTheUserFolderThenDataOptionsOrTheEnvironmentList() throws {
    // Given a user folder holding data and two named folders,
    let home = try Self.folder(["headroom/Grids/sites/.keep": ""])
    let first = try Self.folder(["Grids/.keep": ""])
    let second = try Self.folder(["Scenarios/.keep": ""])
    defer { for url in [home, first, second] { try? FileManager.default.removeItem(at: url) } }
    let environment = ["XDG_DATA_HOME": home.path, "HEADROOM_DATA": "\(second.path):\(first.path)"]
    // When the folders are found from --data, and from the environment list alone,
    let named = try DataDirectory.folders(explicit: [first.path, second.path], environment: environment)
    let listed = try DataDirectory.folders(explicit: [], environment: environment)
    // Then the bundled data is first, the user folder second, then the named folders in order.
    let user = home.appendingPathComponent("headroom").standardizedFileURL.path
    #expect(
      named.layers.map(\.path) == [
        named.base.path, user, first.standardizedFileURL.path, second.standardizedFileURL.path,
      ])
    #expect(listed.layers.map(\.path).suffix(2) == [second.standardizedFileURL.path, first.standardizedFileURL.path])
    #expect(named.explicitCount == 2)
    // And own data is written to the last named folder, the database lives there (it is writable).
    #expect(DataDirectory.writeFolder(named, environment: environment).path == second.standardizedFileURL.path)
    #expect(DataDirectory.databaseFolder(named, environment: environment).path == second.standardizedFileURL.path)
    // And a folder that does not exist is an error naming it.
    #expect(throws: CatalogError.self) { try DataDirectory.folders(explicit: ["/nonexistent/x"], environment: [:]) }
  }

  @Test func withoutNamedFoldersOwnDataGoesToTheUserFolderAndTheDatabaseNeverToACompiledPath() throws {
    let home = try Self.folder([:])
    defer { try? FileManager.default.removeItem(at: home) }
    let environment = ["XDG_DATA_HOME": home.path]
    let user = home.appendingPathComponent("headroom").standardizedFileURL
    // Given a base found only from the path compiled into the tool,
    let compiled = DataFolders(layers: [Repository.root], baseOrigin: .compiledPath, explicitCount: 0)
    // Then own data and the database go to the user's folder.
    #expect(DataDirectory.writeFolder(compiled, environment: environment).path == user.path)
    #expect(DataDirectory.databaseFolder(compiled, environment: environment).path == user.path)
    // Given a checkout found from the working directory, Then the database stays in it (writable).
    let checkout = DataFolders(layers: [Repository.root], baseOrigin: .workingDirectory, explicitCount: 0)
    #expect(
      DataDirectory.databaseFolder(checkout, environment: environment).path == Repository.root.standardizedFileURL.path)
    // And without XDG_DATA_HOME the user folder is ~/.local/share/headroom.
    #expect(DataDirectory.userFolder(environment: ["HOME": "/home/me"]).path == "/home/me/.local/share/headroom")
  }
}

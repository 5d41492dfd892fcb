import Foundation
import HeadroomCatalog
import HeadroomModel

/// The entry points the fuzz targets (`make fuzz`, built with `swiftc -sanitize=fuzzer`) and the
/// corpus replay test (`make test`) feed bytes to. Each reads the bytes the way a user's input is
/// read; an error is a fine outcome, a trap or a hang is a finding.
public enum FuzzEntries {
  /// The targets, by the name of their corpus folder (`Tests/Fuzz/Corpus/<name>/`).
  public static let targets: [String: @Sendable ([UInt8]) -> Void] = [
    "quantity": quantity, "data-files": dataFile, "overrides": overrides,
  ]

  /// The repository root (holding Hardware/, Grids/, Scenarios/), found from this file.
  public static let repository = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  // MARK: - Units, counts, days

  /// Reads the bytes as quantities of every dimension, as a count (`405B`), as a day and as an
  /// override, and writes back whatever parsed.
  @Sendable public static func quantity(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    func parse<Q: Quantity>(_ type: Q.Type) {
      guard let value = try? Q(parsing: text) else { return }
      _ = value.formatted()
      _ = try? value.finite("fuzz")
    }
    parse(Power.self)
    parse(Energy.self)
    parse(ComputeRate.self)
    parse(Compute.self)
    parse(Bytes.self)
    parse(Bandwidth.self)
    parse(Area.self)
    parse(Money.self)
    parse(EnergyPrice.self)
    parse(CarbonIntensity.self)
    parse(Mass.self)
    parse(TimeSpan.self)
    parse(H100Equivalents.self)
    if let count = CountText.parse(text) {
      _ = CountText.format(count)
      _ = try? Int(checking: count, field: "fuzz")
    }
    if let number = Double(text) {
      _ = NumberText.plain(number, 3)
      _ = NumberText.scientific(number, 3)
      _ = NumberText.readable(number)
      _ = Int(representing: number)
    }
    _ = Day(parsing: text)
    _ = Day.problem(parsing: text)
    _ = try? ScenarioOverride(parsing: text)
  }

  // MARK: - Data files

  /// The kinds of data file, chosen by the first byte: where the file goes and how it is read.
  static let kinds: [(path: String, read: Reader)] = [
    ("Hardware/accelerators/fuzz/fuzz.yaml", .catalog), ("Hardware/systems/fuzz.yaml", .catalog),
    ("Hardware/export-rules/fuzz.yaml", .catalog), ("Grids/countries/fuzz.yaml", .catalog),
    ("Grids/sites/fuzz.yaml", .catalog), ("Scenarios/models/fuzz.yaml", .catalog), ("Scenarios/mfu.yaml", .catalog),
    ("Scenarios/fuzz.yaml", .scenario), ("Scenarios/workloads/fuzz.yaml", .workloads),
    ("Scenarios/demand/fuzz.yaml", .demandCase),
  ]

  enum Reader { case catalog, scenario, workloads, demandCase }

  /// The repository's catalog, loaded once, for the readers that check ids against it.
  static let catalog: Catalog? = try? CatalogLoader(root: repository).load()

  /// Scratch data folders of this process: an empty one for catalog files (read alone, so that each
  /// run is quick), and one with a copy of the repository's Scenarios/ (scenarios extend the baseline
  /// and name demand cases; their ids are checked against the repository's catalog).
  static let scratch: (catalog: URL, scenarios: URL)? = {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent(
      "headroom-fuzz-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    let catalog = base.appendingPathComponent("catalog")
    let scenarios = base.appendingPathComponent("scenarios")
    do {
      for folder in [
        "Hardware/accelerators/fuzz", "Hardware/systems", "Hardware/export-rules", "Grids/countries",
        "Grids/sites", "Scenarios/models",
      ] {
        try FileManager.default.createDirectory(
          at: catalog.appendingPathComponent(folder), withIntermediateDirectories: true)
      }
      try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
      try FileManager.default.copyItem(
        at: repository.appendingPathComponent("Scenarios"), to: scenarios.appendingPathComponent("Scenarios"))
      return (catalog, scenarios)
    } catch {
      return nil
    }
  }()

  /// The lock that keeps concurrent callers (the replay test) from sharing the scratch files.
  static let lock = NSLock()

  /// Writes the bytes after the first as the data file the first byte chooses, then loads it: a
  /// catalog of that one file for catalog files, or the scenario, workloads file or demand case.
  @Sendable public static func dataFile(_ bytes: [UInt8]) { _ = dataFileError(bytes) }

  /// What ``dataFile(_:)`` does, returning the loader's error (nil when the file loaded), so that the
  /// replay test can check that the seeds reach the readers rather than stopping at the harness.
  public static func dataFileError(_ bytes: [UInt8]) -> String? {
    guard let first = bytes.first else { return "no kind byte" }
    guard let scratch, let catalog else { return "no scratch folder or repository catalog" }
    let kind = kinds[Int(first) % kinds.count]
    let root = kind.read == .catalog ? scratch.catalog : scratch.scenarios
    let file = root.appendingPathComponent(kind.path)
    lock.lock()
    defer { lock.unlock() }
    let original = try? Data(contentsOf: file)
    defer {
      if let original { try? original.write(to: file) } else { try? FileManager.default.removeItem(at: file) }
    }
    guard (try? Data(bytes.dropFirst()).write(to: file)) != nil else { return "cannot write \(file.path)" }
    do {
      switch kind.read {
      case .catalog:
        _ = try CatalogLoader(root: root).load()
      case .scenario:
        _ = try ScenarioLoader(catalog: catalog, root: root).load("fuzz")
      case .workloads:
        _ = try WorkloadsLoader(catalog: catalog, root: root).load("fuzz")
      case .demandCase:
        _ = try ScenarioLoader(catalog: catalog, root: root).loadDemandCase("fuzz")
      }
      return nil
    } catch {
      return "\(error)"
    }
  }

  // MARK: - --set overrides

  /// The baseline scenario read once, ready for overrides.
  static let baseline: ScenarioLoader.Prepared? = {
    guard let catalog else { return nil }
    return try? ScenarioLoader(catalog: catalog, root: repository).prepare("baseline")
  }()

  /// Reads each line as a `--set path=value`, applies those that parse to the baseline scenario and
  /// to a workloads file, and reads both.
  @Sendable public static func overrides(_ bytes: [UInt8]) {
    guard let catalog, let baseline else { return }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").prefix(8)
    let parsed = lines.compactMap { try? ScenarioOverride(parsing: String($0)) }
    _ = try? ScenarioLoader(catalog: catalog, root: repository).load(baseline, overrides: parsed)
    _ = try? WorkloadsLoader(catalog: catalog, root: repository).load("us-frontier", overrides: parsed)
  }
}

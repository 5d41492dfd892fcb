import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// `headroom sweep`: Monte Carlo over input ranges; wall-year percentiles and the inputs that move them.
struct SweepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sweep",
    abstract: "Monte Carlo over input ranges: p5/p50/p95 wall years per country and which inputs move them.",
    discussion: """
      Examples:
        headroom sweep --vary demand_growth=1.5:3.3 --vary ai_share_of_dc_growth=0.35:0.6 --samples 1000
        headroom sweep --vary demand_growth=1.5:3.3 --samples 1000 --shard 1/2 --save-samples a.json
        headroom sweep --merge a.json b.json
      Sample i always draws the same inputs for a given --seed, so shards together equal one whole run.
      """
  )

  @OptionGroup var options: CommonOptions
  @OptionGroup var scenarioOptions: ScenarioOptions

  @Option(name: .customLong("vary"), help: "An input to vary uniformly: path=lo:hi (repeatable).")
  var ranges: [String] = []

  @Option(help: "Number of samples.") var samples = 200
  @Option(help: "Random seed (the same seed draws the same samples).") var seed: UInt64 = 1
  @Option(help: "Run only shard i of n (1-based), e.g. 2/4.") var shard: String?
  @Option(help: "Write the raw samples as JSON (to merge shards later).") var saveSamples: String?
  @Option(parsing: .upToNextOption, help: "Merge raw sample files from shards instead of solving.") var merge:
    [String] = []
  @OptionGroup var history: RunHistoryOptions

  func validate() throws {
    if merge.isEmpty {
      guard !ranges.isEmpty else { throw ValidationError("Give at least one --vary path=lo:hi (or --merge files).") }
      guard samples > 0 else { throw ValidationError("--samples must be positive (got \(samples)).") }
    }
  }

  func parsedShard() throws -> (index: Int, count: Int) {
    guard let shard else { return (1, 1) }
    let parts = shard.split(separator: "/").compactMap { Int($0) }
    guard parts.count == 2, parts[1] >= 1, (1...parts[1]).contains(parts[0]) else {
      throw CommandError("--shard '\(shard)': expected i/n with 1 <= i <= n, e.g. 2/4")
    }
    return (parts[0], parts[1])
  }

  func run() throws {
    try reportingErrors {
      if !merge.isEmpty {
        let file = try SweepFile.merge(merge.map { URL(fileURLWithPath: $0) })
        options.emit(Self.report(file))
        return
      }
      let root = try DataDirectory.locate(explicit: options.data)
      let catalog = try CatalogLoader(root: root).load()
      let parsedRanges = try ranges.map { text throws(CatalogError) in try SweepRange(parsing: text) }
      let sweep = try Sweep(
        catalog: catalog, loader: ScenarioLoader(catalog: catalog, root: root), scenario: scenarioOptions.scenario,
        ranges: parsedRanges, fixed: try scenarioOptions.parsedOverrides(), seed: seed, solver: LiveSolver.solver)
      let (index, count) = try parsedShard()
      let indices = (0..<samples).filter { $0 % count == index - 1 }
      let showProgress = isatty(STDERR_FILENO) == 1
      let total = indices.count
      let drawn = try sweep.run(indices: indices) { done in
        if showProgress && (done % 10 == 0 || done == total) {
          FileHandle.standardError.write(Data("\rsweep: \(done)/\(total) samples".utf8))
        }
      }
      if showProgress { FileHandle.standardError.write(Data("\n".utf8)) }
      let file = SweepFile(
        scenario: scenarioOptions.scenario, overrides: scenarioOptions.overrides, ranges: parsedRanges, seed: seed,
        samplesRequested: samples, lastYear: sweep.lastYear, samples: drawn)
      if let saveSamples { try file.write(to: URL(fileURLWithPath: saveSamples)) }
      if shard == nil { history.save(file, root: root, options: options) }
      options.emit(Self.report(file))
    }
  }

  static func years(_ p: SweepSummary.Percentiles, none: Int) -> String {
    func text(_ year: Int) -> String { year >= none ? "none" : "\(year)" }
    return "\(text(p.p5)) / \(text(p.p50)) / \(text(p.p95))"
  }

  static func report(_ file: SweepFile) -> Report {
    let summary = SweepSummary(samples: file.samples, ranges: file.ranges, lastYear: file.lastYear)
    let none = file.lastYear + 1
    var table = Table(
      title: "Sweep of \(file.scenario): \(file.samples.count) of \(file.samplesRequested) samples, seed \(file.seed); "
        + file.ranges.map { "\($0.path) in [\(NumberText.plain($0.low, 4)), \(NumberText.plain($0.high, 4))]" }.joined(
          separator: ", "),
      columns: [
        .init("country"), .init("power wall p5/p50/p95"), .init("chip wall p5/p50/p95"),
        .init("first short p5/p50/p95"),
        .init("binds (share of samples)"), .init("moves the first short year most"),
      ])
    for country in summary.countries {
      let binding = country.binding.sorted { $0.value > $1.value }.map {
        "\($0.key) \(NumberText.plain($0.value * 100, 3)) %"
      }
      .joined(separator: ", ")
      let drivers = country.drivers.prefix(3).map { "\($0.input) (\(NumberText.plain($0.correlation, 2)))" }.joined(
        separator: ", ")
      table.append([
        country.country, years(country.powerWall, none: none), years(country.chipWall, none: none),
        years(country.firstShort, none: none), binding, drivers,
      ])
    }
    table.notes = [
      "Wall years as p5 / p50 / p95 over the samples; none = not within the horizon (counted as \(none)).",
      "Drivers: Spearman rank correlation of each input with the first short year (negative: a higher input brings the wall earlier).",
    ]
    func influences(_ list: [SweepSummary.Influence]) -> JSONValue {
      .array(list.map { .object([("input", .string($0.input)), ("correlation", .number($0.correlation))]) })
    }
    func percentiles(_ p: SweepSummary.Percentiles) -> JSONValue {
      func year(_ value: Int) -> JSONValue { value >= none ? .null : .number(Double(value)) }
      return .object([("p5", year(p.p5)), ("p50", year(p.p50)), ("p95", year(p.p95))])
    }
    return Report(
      tables: [table],
      json: .object([
        ("scenario", .string(file.scenario)), ("seed", .number(Double(file.seed))),
        ("samples", .number(Double(file.samples.count))), ("samplesRequested", .number(Double(file.samplesRequested))),
        (
          "ranges",
          .array(
            file.ranges.map {
              .object([("path", .string($0.path)), ("low", .number($0.low)), ("high", .number($0.high))])
            })
        ),
        (
          "countries",
          .array(
            summary.countries.map { country in
              .object([
                ("country", .string(country.country)), ("powerWallYear", percentiles(country.powerWall)),
                ("chipWallYear", percentiles(country.chipWall)), ("firstShortYear", percentiles(country.firstShort)),
                ("binding", .object(country.binding.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
                ("drivers", influences(country.drivers)), ("powerWallDrivers", influences(country.powerDrivers)),
                ("chipWallDrivers", influences(country.chipDrivers)),
              ])
            })
        ),
      ]))
  }
}

/// Raw sweep samples as a JSON file, so shards run apart can be merged.
struct SweepFile: Codable {
  var scenario: String
  var overrides: [String]
  var ranges: [SweepRange]
  var seed: UInt64
  var samplesRequested: Int
  var lastYear: Int
  var samples: [SweepSample]

  func write(to url: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    try encoder.encode(self).write(to: url)
  }

  /// Merges shard files of one sweep (same scenario, overrides, ranges and seed), dropping duplicates.
  static func merge(_ urls: [URL]) throws -> SweepFile {
    var merged: SweepFile?
    var seen = Set<Int>()
    for url in urls {
      let file: SweepFile
      do {
        file = try JSONDecoder().decode(SweepFile.self, from: Data(contentsOf: url))
      } catch {
        throw CommandError("--merge \(url.path): not a sweep samples file (\(error))")
      }
      if let current = merged {
        guard current.scenario == file.scenario, current.ranges == file.ranges, current.seed == file.seed,
          current.overrides == file.overrides
        else {
          throw CommandError(
            "--merge \(url.path): a different sweep (scenario, overrides, ranges or seed differ) from \(urls[0].path)")
        }
        merged?.samples += file.samples.filter { !seen.contains($0.index) }
      } else {
        merged = file
        merged?.samples = file.samples
      }
      seen.formUnion(file.samples.map(\.index))
    }
    guard var result = merged else { throw CommandError("--merge: no files") }
    result.samples.sort { $0.index < $1.index }
    return result
  }
}

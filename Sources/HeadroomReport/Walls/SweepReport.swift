import HeadroomModel
import HeadroomPlanner

/// A sweep's wall-year percentiles and drivers as a table and JSON; a Sobol sweep's indices
/// (``SobolReport``).
public struct SweepReport: Sendable {
  public var samples: SweepSamples

  public init(samples: SweepSamples) { self.samples = samples }

  static func years(_ p: SweepSummary.Percentiles, none: Int) -> String {
    func text(_ year: Int) -> String { year >= none ? "none" : "\(year)" }
    return "\(text(p.p5)) / \(text(p.p50)) / \(text(p.p95))"
  }

  public func report() -> Report {
    if samples.method == .sobol, let summary = try? SobolSummary(samples: samples) {
      return SobolReport(samples: samples, summary: summary).report()
    }
    let file = samples
    let summary = SweepSummary(samples: file.samples, ranges: file.ranges, lastYear: file.lastYear)
    let none = file.lastYear + 1
    var table = Table(
      title: "Sweep of \(file.scenario): \(file.samples.count) of \(file.samplesRequested) samples, seed \(file.seed); "
        + file.ranges.map { "\($0.path) in [\(NumberText.plain($0.low, 4)), \(NumberText.plain($0.high, 4))]" }
        .joined(separator: ", "),
      columns: [
        .init("country"), .init("power wall p5/50/95"), .init("chip wall p5/50/95"), .init("binds (share)"),
        .init("moves the chip wall most"), .init("moves the power wall most"),
      ])
    func drivers(_ list: [SweepSummary.Influence]) -> String {
      let moving = list.filter { abs($0.correlation) >= 0.05 }.prefix(2)
      return moving.isEmpty
        ? "nothing (fixed)"
        : moving.map { "\($0.input) (\(NumberText.plain($0.correlation, 2)))" }.joined(separator: ", ")
    }
    for country in summary.countries {
      let binding = country.binding.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(2)
        .map { "\($0.key) \(NumberText.plain($0.value * 100, 2)) %" }.joined(separator: ", ")
      table.append([
        country.country, Self.years(country.powerWall, none: none), Self.years(country.chipWall, none: none), binding,
        drivers(country.chipDrivers), drivers(country.powerDrivers),
      ])
    }
    table.notes = [
      "Wall years as p5 / p50 / p95 over the samples; none = not within the horizon (counted as \(none)).",
      "Drivers: Spearman rank correlation of each input with the wall year (negative: a higher input brings the wall earlier); "
        + "'nothing (fixed)' = no input moves it by |rho| >= 0.05 (the wall year is the same in every sample, or none).",
    ]
    func influences(_ list: [SweepSummary.Influence]) -> JSONValue {
      .array(
        list.map {
          .object([("input", .string($0.input)), ("spearman", .number(JSONValue.rounded($0.correlation, 6)))])
        })
    }
    func percentiles(_ p: SweepSummary.Percentiles) -> JSONValue {
      func year(_ value: Int) -> JSONValue { value >= none ? .null : .number(Double(value)) }
      return .object([("p5", year(p.p5)), ("p50", year(p.p50)), ("p95", year(p.p95))])
    }
    return Report(
      tables: [table],
      json: .object([
        ("scenario", .string(file.scenario)), ("method", .string(file.method.rawValue)),
        ("seed", .number(Double(file.seed))),
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
                (
                  "bindingShare",
                  .object(
                    country.binding.sorted { $0.key < $1.key }.map { ($0.key, .number(JSONValue.rounded($0.value, 6))) }
                  )
                ),
                ("drivers", influences(country.drivers)), ("powerWallDrivers", influences(country.powerDrivers)),
                ("chipWallDrivers", influences(country.chipDrivers)),
              ])
            })
        ),
      ]), data: dataTables(summary))
  }
}

import HeadroomModel
import HeadroomPlanner

/// A Sobol sweep's indices as tables (which inputs matter overall; per country and output, the inputs
/// that carry its variance) and JSON (every index with its interval).
public struct SobolReport: Sendable {
  public var samples: SweepSamples
  public var summary: SobolSummary

  public init(samples: SweepSamples, summary: SobolSummary) {
    self.samples = samples
    self.summary = summary
  }

  /// Total-order indices below this are left out of the per-country table (they are in the JSON).
  public static let shownTotalOrder = 0.05

  static func name(_ output: SobolSummary.Output, year: Int) -> String {
    switch output {
    case .powerWall: return "power wall"
    case .chipWall: return "chip wall"
    case .firstShort: return "first short"
    case .gapShare: return "gap \(year)"
    }
  }

  static func index(_ index: SobolSummary.Index) -> String {
    "\(NumberText.plain(index.estimate, 2)) [\(NumberText.plain(index.low, 2)), \(NumberText.plain(index.high, 2))]"
  }

  /// p5 / p50 / p95 of an output: years (none past the horizon) or gap shares in percent.
  func spread(_ output: SobolSummary.OutputIndices) -> String {
    let none = Double(summary.lastYear + 1)
    func text(_ value: Double) -> String {
      switch output.output {
      case .gapShare: return "\(NumberText.plain(value * 100, 3)) %"
      default: return value >= none ? "none" : "\(Int(value))"
      }
    }
    return "\(text(output.p5)) / \(text(output.p50)) / \(text(output.p95))"
  }

  public func report() -> Report {
    let level = NumberText.plain(summary.bootstrap.level * 100, 3)
    let header =
      "Sobol sweep of \(samples.scenario): N = \(summary.baseSamples) base rows x \(summary.inputs.count + 2) = "
      + "\(samples.samplesRequested) runs (\(summary.rowsUsed) complete rows used), seed \(samples.seed)"
    let outputs = SobolSummary.Output.allCases
    var ranking = Table(
      title: header + "; mean total-order index over the countries whose output varies",
      columns: [.init("input"), .init("range")]
        + outputs.map { .init(Self.name($0, year: summary.summaryYear), .right) }
        + [.init("largest total-order index")])
    let ranges = Dictionary(samples.ranges.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var rows: [(score: Double, cells: [String])] = []
    for (position, input) in summary.inputs.enumerated() {
      var cells = [input, ranges[input].map { "\(NumberText.plain($0.low, 4)):\(NumberText.plain($0.high, 4))" } ?? ""]
      var best: (value: Double, country: String, output: SobolSummary.Output)?
      var score = 0.0
      for output in outputs {
        let values = summary.countries.compactMap { country -> (String, Double)? in
          guard let indices = country.outputs.first(where: { $0.output == output }),
            indices.inputs.indices.contains(position)
          else { return nil }
          return (country.country, indices.inputs[position].totalOrder.estimate)
        }
        for (country, value) in values where value > (best?.value ?? -1) { best = (value, country, output) }
        let mean = values.isEmpty ? nil : values.map(\.1).reduce(0, +) / Double(values.count)
        score = max(score, mean ?? 0)
        cells.append(mean.map { NumberText.plain($0, 2) } ?? "-")
      }
      cells.append(
        best.map {
          "\(NumberText.plain($0.value, 2)) (\($0.country) \(Self.name($0.output, year: summary.summaryYear)))"
        }
          ?? "-")
      rows.append((score, cells))
    }
    for row in rows.sorted(by: { $0.score > $1.score }) { ranking.append(row.cells) }
    ranking.notes = [
      "Total-order index ST: the share of an output's variance that goes away if the input is fixed (its own "
        + "effect and its interactions); first-order S1: its effect alone. '-' = the output is the same in every run.",
      "Outputs: wall years (none = \(summary.lastYear + 1)) and the gap share of demand in \(summary.summaryYear). "
        + "Estimators: Saltelli 2010 (S1) and Jansen (ST) on a Saltelli design drawn with the seeded generator.",
    ]

    var detail = Table(
      title: "Inputs with a total-order index of \(NumberText.plain(Self.shownTotalOrder, 2)) or more, per country and "
        + "output, with \(level) % bootstrap intervals (\(summary.bootstrap.resamples) resamples)",
      columns: [
        .init("country"), .init("output"), .init("p5 / p50 / p95"), .init("input"), .init("ST [\(level) % CI]"),
        .init("S1 [\(level) % CI]"),
      ])
    for country in summary.countries {
      for output in country.outputs {
        let name = Self.name(output.output, year: summary.summaryYear)
        guard !output.inputs.isEmpty else {
          detail.append([country.country, name, spread(output), "(same in every run)", "", ""])
          continue
        }
        let shown = output.inputs.filter { $0.totalOrder.estimate >= Self.shownTotalOrder }
          .sorted { $0.totalOrder.estimate > $1.totalOrder.estimate }
        if shown.isEmpty {
          detail.append([country.country, name, spread(output), "(no input reaches it)", "", ""])
        }
        for input in shown {
          detail.append([
            country.country, name, spread(output), input.input, Self.index(input.totalOrder),
            Self.index(input.firstOrder),
          ])
        }
      }
    }
    detail.notes = [
      "p5 / p50 / p95 over the A and B runs (2N independent draws). Intervals: bootstrap over rows, percentile "
        + "method, seed \(summary.bootstrap.seed). With small N, indices near 0 can come out slightly negative and "
        + "S1 can exceed ST: sampling error, which the intervals show. Where p5 = p95 the output moves in under "
        + "10 % of the runs; its indices rest on those few runs (wide intervals).",
      "Every index, also the small ones, is in --format json.",
    ]
    return Report(tables: [ranking, detail], json: json(), data: dataTables())
  }

  func json() -> JSONValue {
    func index(_ index: SobolSummary.Index) -> JSONValue {
      .object([
        ("estimate", .number(JSONValue.rounded(index.estimate, 6))), ("low", .number(JSONValue.rounded(index.low, 6))),
        ("high", .number(JSONValue.rounded(index.high, 6))),
      ])
    }
    return .object([
      ("scenario", .string(samples.scenario)), ("method", .string(samples.method.rawValue)),
      ("seed", .number(Double(samples.seed))), ("baseSamples", .number(Double(summary.baseSamples))),
      ("runs", .number(Double(samples.samplesRequested))), ("runsPresent", .number(Double(samples.samples.count))),
      ("rowsUsed", .number(Double(summary.rowsUsed))),
      (
        "ranges",
        .array(
          samples.ranges.map {
            .object([("path", .string($0.path)), ("low", .number($0.low)), ("high", .number($0.high))])
          }
        )
      ),
      (
        "bootstrap",
        .object([
          ("resamples", .number(Double(summary.bootstrap.resamples))), ("level", .number(summary.bootstrap.level)),
          ("seed", .number(Double(summary.bootstrap.seed))), ("interval", .string("percentile")),
        ])
      ),
      ("estimators", .string("first order: Saltelli 2010; total order: Jansen")),
      ("noneYear", .number(Double(summary.lastYear + 1))), ("gapYear", .number(Double(summary.summaryYear))),
      (
        "countries",
        .array(
          summary.countries.map { country in
            .object([
              ("country", .string(country.country)),
              (
                "outputs",
                .array(
                  country.outputs.map { output in
                    .object([
                      ("output", .string(output.output.rawValue)), ("mean", .number(JSONValue.rounded(output.mean, 6))),
                      ("p5", .number(output.p5)), ("p50", .number(output.p50)), ("p95", .number(output.p95)),
                      ("variance", .number(JSONValue.rounded(output.variance, 9))),
                      ("resamplesUsed", .number(Double(output.resamplesUsed))),
                      (
                        "indices",
                        .array(
                          output.inputs.map { input in
                            .object([
                              ("input", .string(input.input)), ("firstOrder", index(input.firstOrder)),
                              ("totalOrder", index(input.totalOrder)),
                            ])
                          })
                      ),
                    ])
                  })
              ),
            ])
          })
      ),
    ])
  }

  /// The data tables of a Sobol sweep: indices (main), outputs, and the samples.
  func dataTables() -> [DataTable] {
    var indices = DataTable(
      name: "indices",
      rowMeaning: "one row per country, output and input: first- and total-order Sobol indices with bootstrap bounds",
      columns: [
        "country", "output", "input", "firstOrder", "firstOrderLow", "firstOrderHigh", "totalOrder", "totalOrderLow",
        "totalOrderHigh",
      ])
    var outputs = DataTable(
      name: "outputs",
      rowMeaning: "one row per country and output: mean, p5, p50, p95 and variance over the A and B runs",
      columns: ["country", "output", "mean", "p5", "p50", "p95", "variance", "resamplesUsed"])
    func rounded(_ value: Double) -> JSONValue { .number(JSONValue.rounded(value, 6)) }
    for country in summary.countries {
      for output in country.outputs {
        outputs.append([
          ("country", .string(country.country)), ("output", .string(output.output.rawValue)),
          ("mean", rounded(output.mean)),
          ("p5", rounded(output.p5)), ("p50", rounded(output.p50)), ("p95", rounded(output.p95)),
          ("variance", .number(JSONValue.rounded(output.variance, 9))),
          ("resamplesUsed", .number(Double(output.resamplesUsed))),
        ])
        for input in output.inputs {
          indices.append([
            ("country", .string(country.country)), ("output", .string(output.output.rawValue)),
            ("input", .string(input.input)), ("firstOrder", rounded(input.firstOrder.estimate)),
            ("firstOrderLow", rounded(input.firstOrder.low)), ("firstOrderHigh", rounded(input.firstOrder.high)),
            ("totalOrder", rounded(input.totalOrder.estimate)), ("totalOrderLow", rounded(input.totalOrder.low)),
            ("totalOrderHigh", rounded(input.totalOrder.high)),
          ])
        }
      }
    }
    return [indices, outputs] + SweepReport.sampleTables(samples)
  }
}

import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

extension CatalogCommand {
  /// `headroom catalog compare a b c`: side by side, with ratios against the first.
  struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Compare accelerators side by side, with ratios against the first.")

    @OptionGroup var options: CommonOptions

    @Argument(
      help: "Two or more accelerator ids; ratios are against the first.", completion: IDCompletion.of(.accelerator))
    var ids: [String]

    func validate() throws {
      guard ids.count >= 2 else { throw ValidationError("Give at least two accelerator ids to compare.") }
      try RepeatedOptions.checkUnique(ids, option: "catalog compare: id", what: "id") { $0 }
    }

    func run() throws {
      let data = try options.loadData()
      let catalog = data.catalog
      let parts = try ids.map { id throws(CatalogError) in try catalog.accelerator(id) }
      let rules = try catalog.ruleSet(inForceOn: today())
      options.emit(
        Self.report(parts, rules: rules, equivalence: WorkloadEquivalence(catalog: catalog)), data: data,
        uses: Set(ids))
    }

    static var rows: [(String, AcceleratorMetric, (Accelerator) -> String)] {
      [
        ("year", .year, { "\($0.year)" }),
        ("bf16 (dense)", .bf16, { Cells.quantity($0.bf16) }),
        ("fp8 / int8 (dense)", .fp8, { Cells.quantity($0.fp8OrInt8) }),
        ("memory", .memory, { Cells.quantity($0.memory) }),
        ("memory bandwidth", .bandwidth, { Cells.quantity($0.memoryBandwidth) }),
        ("TDP", .tdp, { Cells.quantity($0.tdp) }),
        ("TPP", .tpp, { Cells.grouped($0.totalProcessingPerformance.value) }),
        ("PD", .pd, { Cells.number($0.performanceDensity) }),
        ("price", .price, { $0.price.map { $0.amount.formatted() } ?? Cells.absent }),
        ("bf16 TFLOP/s per W", .bf16PerWatt, { Cells.number($0.bf16PerWatt) }),
        ("bf16 TFLOP/s per k$", .bf16PerDollar, { Cells.number($0.bf16PerKiloDollar) }),
        ("bandwidth GB/s per W", .bandwidthPerWatt, { Cells.number($0.bandwidthPerWatt) }),
        ("H100-equivalents (TPP)", .h100e, { Cells.number($0.h100Equivalents) }),
      ]
    }

    static func report(_ parts: [Accelerator], rules: ExportRuleSet, equivalence: WorkloadEquivalence? = nil) -> Report
    {
      let base = parts[0]
      var table = Table(
        title: "Compared with \(base.id) (ratio in brackets)",
        columns: [.init("metric")] + parts.map { .init($0.id, .right) })
      var metricsJSON: [(String, JSONValue)] = []
      for (label, metric, text) in rows {
        var cells = [label]
        var values: [JSONValue] = []
        for part in parts {
          var cell = text(part)
          if part.id != base.id, metric != .year, let value = metric.value(part), let reference = metric.value(base),
            reference != 0
          {
            cell += " (\(NumberText.plain(value / reference, 2))x)"
          }
          cells.append(cell)
          values.append(.number(metric.value(part)))
        }
        table.append(cells)
        metricsJSON.append((metric.key, .array(values)))
      }
      if let equivalence {
        let workloadRows: [(String, String, (WorkloadEquivalence.Entry) -> Double?)] = [
          ("training H100-equivalents (bf16 x MFU)", "trainingH100e", { $0.training }),
          (
            "inference H100-equivalents (\(equivalence.model), \(equivalence.profile))", "inferenceH100e",
            { $0.inference }
          ),
        ]
        for (label, key, value) in workloadRows {
          var cells = [label]
          var values: [JSONValue] = []
          let reference = equivalence.entry(base.id).flatMap(value)
          for part in parts {
            let figure = equivalence.entry(part.id).flatMap(value)
            var cell = Cells.number(figure)
            if part.id != base.id, let figure, let reference, reference != 0 {
              cell += " (\(NumberText.plain(figure / reference, 2))x)"
            }
            cells.append(cell)
            values.append(.number(figure))
          }
          table.append(cells)
          metricsJSON.append((key, .array(values)))
        }
      }
      var classRow = ["export class (\(rules.id))"]
      var classes: [JSONValue] = []
      for part in parts {
        let classification = rules.classify(ExportItem(part))
        classRow.append(classification.eccn + (classification.clause.map { " \($0)" } ?? ""))
        classes.append(.string(classification.eccn))
      }
      table.append(classRow)
      table.notes = [
        "Dense peak compute. Ratios are value / \(base.id)'s value; higher is more, not necessarily better (TDP, price)."
      ]
      if equivalence != nil {
        table.notes.append(
          "Workload H100-equivalents: training = bf16 peak x default MFU (median of published runs, Scenarios/mfu.yaml) over the H100's; inference = \(equivalence?.model ?? "") output tokens/s per accelerator under the \(equivalence?.profile ?? "") profile (its precisions, FP4 where the part has it; efficiency fitted to MLPerf Inference, else the fallback; as 'headroom size inference') over the H100's."
        )
      }
      var data = DataTable(
        name: "accelerators", rowMeaning: "one row per accelerator compared: its metrics and export class",
        columns: ["id"] + metricsJSON.map(\.0) + ["class", "rules"])
      for (index, part) in parts.enumerated() {
        var record: [(String, JSONValue)] = [("id", .string(part.id))]
        for (key, values) in metricsJSON {
          guard case .array(let items) = values else { continue }
          record.append((key, items[index]))
        }
        data.append(record + [("class", classes[index]), ("rules", .string(rules.id))])
      }
      return Report(
        tables: [table],
        json: .object([
          ("ids", .array(parts.map { .string($0.id) })), ("metrics", .object(metricsJSON)),
          ("class", .array(classes)), ("rules", .string(rules.id)),
        ]), data: [data])
    }
  }
}

import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension CatalogCommand {
  /// `headroom catalog list`: every accelerator with its headline figures and export class.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List accelerators (filters, sort by any metric) and systems.")

    @OptionGroup var options: CommonOptions

    @Option(help: "Only this vendor (e.g. nvidia, huawei).")
    var vendor: String?

    @Option(help: "Only parts designed in this country (ISO code, e.g. US, CN).")
    var origin: String?

    @Option(
      name: .customLong("class"), help: "Only this export class under the rules in force: 3A090.a, 3A090.b or none.")
    var exportClass: String?

    @Option(help: "Only data-centre parts (true) or only others (false).")
    var datacenter: Bool?

    @Option(
      help: "Sort by: \(AcceleratorMetric.allCases.map(\.rawValue).joined(separator: ", ")). Numbers sort high to low.")
    var sort: AcceleratorMetric = .vendor

    @Flag(help: "Sort numbers low to high.")
    var ascending = false

    @Option(help: "Classify under the rules in force on this day (YYYY-MM-DD; default today).")
    var on: String?

    func run() throws {
      let data = try options.loadData()
      let catalog = data.catalog
      let day = try parseDay(on)
      let rules = try catalog.ruleSet(inForceOn: day)
      var parts = catalog.accelerators
      try KnownValues.check(vendor, option: "--vendor", among: parts.map(\.vendor))
      try KnownValues.check(origin, option: "--origin", among: parts.map(\.origin))
      if let vendor { parts = parts.filter { $0.vendor.lowercased() == vendor.lowercased() } }
      if let origin { parts = parts.filter { $0.origin.uppercased() == origin.uppercased() } }
      if let datacenter { parts = parts.filter { $0.datacenter == datacenter } }
      let classes = Dictionary(uniqueKeysWithValues: parts.map { ($0.id, rules.classify(ExportItem($0))) })
      try KnownValues.check(
        exportClass, option: "--class",
        among: catalog.accelerators.map { rules.classify(ExportItem($0)).eccn } + ["none"])
      if let exportClass {
        parts = parts.filter { classes[$0.id]?.eccn.lowercased() == exportClass.lowercased() }
      }
      parts = sort.sort(parts, ascending: ascending)
      options.emit(
        Self.report(parts, classes: classes, rules: rules, day: day, systems: catalog.systems), data: data,
        uses: Set(parts.map(\.id)))
    }

    static func report(
      _ parts: [Accelerator], classes: [String: ExportClassification], rules: ExportRuleSet, day: Day,
      systems: [AcceleratorSystem]
    ) -> Report {
      var table = Table(
        title: "Accelerators (\(parts.count)); export class under \(rules.id), in force on \(day)",
        columns: [
          .init("id"), .init("vendor"), .init("year", .right), .init("dc"), .init("bf16 TFLOP/s", .right),
          .init("fp8/int8", .right), .init("memory", .right), .init("bandwidth", .right), .init("TDP", .right),
          .init("TPP", .right), .init("PD", .right), .init("class"), .init("price", .right),
        ])
      var items: [JSONValue] = []
      for part in parts {
        let classification = classes[part.id]!
        table.append([
          part.id, part.vendor, "\(part.year)", part.datacenter ? "yes" : "no", Cells.teraflops(part.bf16),
          Cells.teraflops(part.fp8OrInt8), Cells.quantity(part.memory), Cells.quantity(part.memoryBandwidth),
          Cells.quantity(part.tdp), Cells.grouped(classification.tpp.value),
          Cells.number(classification.performanceDensity, digits: 3),
          classification.eccn + (classification.clause.map { " (\($0))" } ?? ""),
          part.price.map { $0.amount.formatted() } ?? Cells.absent,
        ])
        items.append(AcceleratorJSON.summary(part, classification))
      }
      table.notes = [
        "Compute is dense peak (no sparsity). TPP = max over precisions of TFLOP/s (or TOPS) x bit length; PD = TPP / logic die area.",
        "fp8/int8 shows FP8 where the part supports it, else INT8 TOPS. — means no source gives the figure.",
      ]
      var systemTable = Table(
        title: "Systems (\(systems.count))",
        columns: [
          .init("id"), .init("accelerator"), .init("count", .right), .init("power", .right),
          .init("per accelerator", .right), .init("footprint"), .init("cooling"),
        ])
      for system in systems {
        let footprint: String
        switch system.footprint {
        case .rackUnits(let units): footprint = "\(units)U"
        case .wholeRacks(let racks): footprint = racks == 1 ? "whole rack" : "\(racks) racks"
        }
        systemTable.append([
          system.id, system.accelerator, "\(system.acceleratorCount)", system.power.formatted(),
          system.powerPerAccelerator.formatted(), footprint, system.cooling.rawValue,
        ])
      }
      let accelerators = parts.map { AcceleratorJSON.row($0, classes[$0.id]!) }
      let systemRows = systems.map(AcceleratorJSON.systemRow)
      let data = [
        DataTable(
          name: "accelerators", rowMeaning: "one row per accelerator: figures, export class, derived metrics",
          columns: accelerators.first?.map(\.0) ?? [], records: accelerators),
        DataTable(
          name: "systems", rowMeaning: "one row per system: accelerators, power, footprint, cooling",
          columns: systemRows.first?.map(\.0) ?? [], records: systemRows),
      ]
      return Report(
        tables: [table, systemTable],
        json: .object([
          ("rules", .string(rules.id)), ("on", .string(day.description)), ("accelerators", .array(items)),
          ("systems", .array(systems.map(AcceleratorJSON.system))),
        ]), data: data)
    }
  }
}

/// Reads an optional `YYYY-MM-DD` option, defaulting to today.
func parseDay(_ text: String?) throws -> Day {
  guard let text else { return today() }
  guard let day = Day(parsing: text) else {
    throw CommandError("--on '\(text)': \(Day.problem(parsing: text) ?? "expected a date as YYYY-MM-DD")")
  }
  return day
}

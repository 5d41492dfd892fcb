import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension CatalogCommand {
  /// `headroom catalog show <id>`: every field of one accelerator or system, with unit and source.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show every field of an accelerator or system with its unit and its source.")

    @OptionGroup var options: CommonOptions

    @Argument(
      help: "Accelerator or system id (see 'headroom catalog list').", completion: IDCompletion.of(.accelerator))
    var id: String

    func run() throws {
      let data = try options.loadData()
      let catalog = data.catalog
      if let system = catalog.systems.first(where: { $0.id == id }) {
        options.emit(Self.report(system, file: catalog.files[system.id]), data: data, uses: [id])
        return
      }
      let part = try catalog.accelerator(id)
      let rules = try catalog.ruleSet(inForceOn: today())
      options.emit(
        Self.report(part, classification: rules.classify(ExportItem(part)), file: catalog.files[part.id]), data: data,
        uses: [id])
    }

    /// Rows of field, value and source reference, with the sources listed below.
    struct FieldTable {
      var table: Table
      let provenance: Provenance

      init(title: String, provenance: Provenance) {
        self.table = Table(title: title, columns: [.init("field"), .init("value", .right), .init("source")])
        self.provenance = provenance
      }

      mutating func add(_ field: String, _ value: String?, path: String? = nil) {
        guard let value else { return }
        var reference = ""
        if let path {
          if let mark = provenance.marks[path] {
            reference = "\(mark.kind.rawValue): \(mark.note)"
          } else {
            let indices = provenance.sources.indices.filter { index in
              provenance.sources(for: path).contains(provenance.sources[index])
            }
            reference = indices.map { "[\($0 + 1)] \(provenance.sources[$0].confidence.rawValue)" }
              .joined(separator: ", ")
            if reference.isEmpty { reference = "NO SOURCE" }
          }
        }
        table.append([field, value, reference])
      }

      func finished() -> Table {
        var result = table
        result.notes = provenance.sources.enumerated().map { index, source in
          "[\(index + 1)] \(source.confidence.rawValue): \(source.url)" + (source.note.map { " — \($0)" } ?? "")
        }
        return result
      }
    }

    static func report(_ part: Accelerator, classification: ExportClassification, file: String?) -> Report {
      var rows = FieldTable(
        title: "\(part.name) (\(part.id))" + (file.map { ", \($0)" } ?? ""), provenance: part.provenance)
      rows.add("vendor", part.vendor)
      rows.add("year", "\(part.year)", path: "year")
      if part.status == .announced {
        rows.add("status", "announced \(part.announced?.description ?? "—") (figures are targets)", path: "announced")
      }
      rows.add("process", part.process)
      rows.add("datacenter", part.datacenter ? "yes" : "no")
      rows.add("origin", part.origin)
      rows.add("form", part.form)
      for precision in Precision.allCases {
        guard let rate = part.compute[precision] else { continue }
        let unit = precision.isInteger ? "TOPS" : "TFLOP/s"
        rows.add(
          "compute.\(precision.rawValue) (dense)", "\(Cells.teraflops(rate)) \(unit)",
          path: "compute.\(precision.rawValue)")
      }
      rows.add("memory", part.memory?.formatted(), path: "memory")
      rows.add("memory_bandwidth", part.memoryBandwidth?.formatted(), path: "memory_bandwidth")
      rows.add("scale_up_bandwidth", part.scaleUpBandwidth?.formatted(), path: "scale_up_bandwidth")
      rows.add("tdp", part.tdp?.formatted(), path: "tdp")
      rows.add("die_area", part.dieArea?.formatted(), path: "die_area")
      if let price = part.price { rows.add("price", Self.describe(price), path: "price.amount") }
      rows.add(
        "TPP (derived)", "\(Cells.grouped(classification.tpp.value)) (\(classification.tpp.precision?.rawValue ?? "—"))"
      )
      rows.add("PD (derived)", Cells.number(classification.performanceDensity))
      rows.add(
        "export class (derived)",
        "\(classification.eccn)\(classification.clause.map { " \($0)" } ?? "") under \(classification.rules)")
      rows.add("H100-equivalents (derived)", Cells.number(part.h100Equivalents))
      rows.add("H100e by 8-bit rate (derived)", part.eightBitH100Equivalents.map { Cells.number($0) })
      var json = AcceleratorJSON.summary(part, classification)
      if case .object(var pairs) = json {
        pairs.append(("sources", AcceleratorJSON.sources(part.provenance)))
        pairs.append(
          (
            "estimates",
            .object(part.provenance.marks.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value.note)) })
          ))
        json = .object(pairs)
      }
      let row = AcceleratorJSON.row(part, classification)
      return Report(
        tables: [rows.finished()], json: json,
        data: [
          DataTable(name: "accelerator", rowMeaning: "one row: the accelerator", columns: row.map(\.0), records: [row]),
          Self.sources(part.id, part.provenance),
        ])
    }

    /// One row per source of an item: what it supports and how directly.
    static func sources(_ id: String, _ provenance: Provenance) -> DataTable {
      var table = DataTable(
        name: "sources", rowMeaning: "one row per source: the fields it supports and its confidence",
        columns: ["id", "url", "supports", "confidence", "note"])
      for source in provenance.sources {
        table.append([
          ("id", .string(id)), ("url", .string(source.url)), ("supports", .array(source.supports.map { .string($0) })),
          ("confidence", .string(source.confidence.rawValue)), ("note", .string(source.note)),
        ])
      }
      return table
    }

    /// `12,500 USD (10,000-15,000; street, chip, 2025)`.
    static func describe(_ price: Price) -> String {
      let range = price.low.flatMap { low in price.high.map { "\(low.formatted())-\($0.formatted()); " } } ?? ""
      return "\(price.amount.formatted()) (\(range)\(price.kind.rawValue), \(price.basis.rawValue), \(price.year))"
    }

    static func report(_ system: AcceleratorSystem, file: String?) -> Report {
      var rows = FieldTable(
        title: "\(system.name) (\(system.id))" + (file.map { ", \($0)" } ?? ""), provenance: system.provenance)
      rows.add("vendor", system.vendor)
      rows.add("accelerator", system.accelerator)
      rows.add("accelerators", "\(system.acceleratorCount)", path: "accelerators")
      rows.add("power (max, at the wall)", system.power.formatted(), path: "power")
      rows.add("typical_power", system.typicalPower?.formatted(), path: "typical_power")
      rows.add("power per accelerator (derived)", system.powerPerAccelerator.formatted())
      switch system.footprint {
      case .rackUnits(let units): rows.add("rack_units", "\(units)U")
      case .wholeRacks(let racks): rows.add("footprint", racks == 1 ? "whole rack" : "\(racks) whole racks")
      }
      rows.add("cooling", system.cooling.rawValue)
      if let price = system.price { rows.add("price", Self.describe(price), path: "price.amount") }
      var json = AcceleratorJSON.system(system)
      if case .object(var pairs) = json {
        pairs.append(("sources", AcceleratorJSON.sources(system.provenance)))
        json = .object(pairs)
      }
      let row = AcceleratorJSON.systemRow(system)
      return Report(
        tables: [rows.finished()], json: json,
        data: [
          DataTable(name: "system", rowMeaning: "one row: the system", columns: row.map(\.0), records: [row]),
          Self.sources(system.id, system.provenance),
        ])
    }
  }
}

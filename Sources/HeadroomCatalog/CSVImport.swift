import Foundation
import HeadroomModel
import Yams

/// Turns a CSV file of the user's own data into checked YAML data files: a fleet (a scenario that
/// extends another with a country's installed accelerators), sites, or accelerators.
///
/// Columns are named by field, with the unit in the name for quantities (`tdp_w`, `memory_gb`,
/// `interconnect_mw`); a quantity column without its unit is an error, and so is an unknown column.
/// Every value is checked against its unit, range and the catalog (known countries and accelerators),
/// and every error names the file, the row (the header is row 1), the column and the value. A row
/// with `source_url` (and `confidence`) cites that source for its figures; a row without is the user's
/// own: its figures are written `private: true` with the row's `note` (or one naming the file and row).
///
/// For example, a fleet:
/// ```
/// country,accelerator,year,units,note
/// US,h100-sxm,2024,500000,our count
/// ```
public struct CSVImport: Sendable {
  /// What a CSV file holds.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A country's installed accelerators by kind and year installed (one row each).
    case fleet
    /// Sites: one row per site, year and hall (rows with one id make one site).
    case sites
    /// Accelerators: one row each.
    case accelerators
  }

  /// A data file to write.
  public struct File: Sendable, Hashable {
    /// Its path inside a data folder, e.g. `Grids/sites/my-site.yaml`.
    public var relative: String
    public var id: String
    public var text: String
  }

  /// A column: its field, the unit its name must carry (nil: none), whether every file must have it.
  struct Column {
    var field: String
    var dimension: UnitDimension?
    var required: Bool
  }

  public var kind: Kind
  public var files: [File]
  /// The data rows read.
  public var rowCount: Int

  /// Unit suffixes a column name may end with, and the unit they stand for.
  static let unitSuffixes: [(suffix: String, unit: String, dimension: String)] = [
    ("tflop_s", "TFLOP/s", ComputeRate.dimension.name), ("pflop_s", "PFLOP/s", ComputeRate.dimension.name),
    ("gflop_s", "GFLOP/s", ComputeRate.dimension.name), ("tops", "TOPS", ComputeRate.dimension.name),
    ("tb_s", "TB/s", Bandwidth.dimension.name), ("gb_s", "GB/s", Bandwidth.dimension.name),
    ("gib", "GiB", Bytes.dimension.name), ("gb", "GB", Bytes.dimension.name), ("tb", "TB", Bytes.dimension.name),
    ("gw", "GW", Power.dimension.name), ("mw", "MW", Power.dimension.name), ("kw", "kW", Power.dimension.name),
    ("w", "W", Power.dimension.name), ("mm2", "mm2", Area.dimension.name), ("m2", "m2", Area.dimension.name),
    ("usd", "USD", Money.dimension.name),
  ]

  static let provenanceColumns = [
    Column(field: "source_url", dimension: nil, required: false),
    Column(field: "confidence", dimension: nil, required: false),
    Column(field: "note", dimension: nil, required: false),
  ]

  /// The columns of each kind.
  static func columns(_ kind: Kind) -> [Column] {
    switch kind {
    case .fleet:
      return [
        Column(field: "country", dimension: nil, required: true),
        Column(field: "accelerator", dimension: nil, required: true),
        Column(field: "year", dimension: nil, required: true),
        Column(field: "units", dimension: nil, required: true),
      ] + provenanceColumns
    case .sites:
      return [
        Column(field: "id", dimension: nil, required: true), Column(field: "name", dimension: nil, required: false),
        Column(field: "country", dimension: nil, required: true), Column(field: "year", dimension: nil, required: true),
        Column(field: "interconnect", dimension: Power.dimension, required: true),
        Column(field: "pue", dimension: nil, required: true),
        Column(field: "redundancy", dimension: nil, required: true),
        Column(field: "derating", dimension: nil, required: true),
        Column(field: "hall", dimension: nil, required: false),
        Column(field: "racks", dimension: nil, required: true),
        Column(field: "rack_power", dimension: Power.dimension, required: true),
        Column(field: "cooling", dimension: nil, required: true),
        Column(field: "floor_area", dimension: Area.dimension, required: false),
        Column(field: "area_per_rack", dimension: Area.dimension, required: false),
      ] + provenanceColumns
    case .accelerators:
      return [
        Column(field: "id", dimension: nil, required: true), Column(field: "name", dimension: nil, required: false),
        Column(field: "vendor", dimension: nil, required: true), Column(field: "year", dimension: nil, required: true),
        Column(field: "origin", dimension: nil, required: true),
        Column(field: "datacenter", dimension: nil, required: false),
      ]
        + Precision.allCases.map { Column(field: $0.rawValue, dimension: ComputeRate.dimension, required: false) }
        + [
          Column(field: "memory", dimension: Bytes.dimension, required: false),
          Column(field: "memory_bandwidth", dimension: Bandwidth.dimension, required: false),
          Column(field: "scale_up_bandwidth", dimension: Bandwidth.dimension, required: false),
          Column(field: "tdp", dimension: Power.dimension, required: true),
          Column(field: "die_area", dimension: Area.dimension, required: false),
          Column(field: "price", dimension: Money.dimension, required: false),
          Column(field: "price_year", dimension: nil, required: false),
          Column(field: "price_kind", dimension: nil, required: false),
          Column(field: "price_basis", dimension: nil, required: false),
        ] + provenanceColumns
    }
  }

  /// The columns of a kind as the README documents them (`tdp_<unit>` for quantities).
  public static func columnNames(_ kind: Kind) -> [String] {
    columns(kind).map { column in
      let name = column.dimension == nil ? column.field : "\(column.field)_<unit>"
      return column.required ? name : "[\(name)]"
    }
  }

  /// A header cell matched to its column: the column and, for a quantity, the unit its name carries.
  struct Header {
    var column: Column
    var unit: String?
  }

  /// Reads the header: each name is a column of the kind, quantities with their unit.
  static func headers(_ table: CSVTable, kind: Kind) throws(CatalogError) -> [Header] {
    let known = columns(kind)
    var result: [Header] = []
    for (index, raw) in table.header.enumerated() {
      let name = raw.lowercased().replacingOccurrences(of: " ", with: "_")
      let place = "\(table.file): row 1, column \(index + 1)"
      if let column = known.first(where: { $0.field == name }) {
        if let dimension = column.dimension {
          throw CatalogError(
            file: place, value: raw,
            expected: "the column '\(name)' needs its unit in its name, e.g. '\(name)_\(example(dimension))' "
              + "(\(UnitDimension.withArticle(dimension.name)))")
        }
        result.append(Header(column: column, unit: nil))
        continue
      }
      let match = known.compactMap { column -> Header? in
        guard let dimension = column.dimension, name.hasPrefix(column.field + "_") else { return nil }
        let suffix = String(name.dropFirst(column.field.count + 1))
        guard let entry = unitSuffixes.first(where: { $0.suffix == suffix }), entry.dimension == dimension.name
        else { return nil }
        return Header(column: column, unit: entry.unit)
      }.first
      if let match {
        result.append(match)
        continue
      }
      if let column = known.first(where: { $0.dimension != nil && name.hasPrefix($0.field + "_") }),
        let dimension = column.dimension
      {
        throw CatalogError(
          file: place, value: raw,
          expected: "unknown unit for '\(column.field)': expected \(UnitDimension.withArticle(dimension.name)), "
            + "e.g. '\(column.field)_\(example(dimension))'")
      }
      let names = known.map { $0.dimension == nil ? $0.field : "\($0.field)_\(example($0.dimension!))" }
      throw CatalogError(
        file: place, value: raw,
        expected: "unknown column for \(kind.rawValue)" + NearestNames.suggestion(for: name, among: names)
          + "; columns: " + columnNames(kind).joined(separator: ", "))
    }
    var seen: [String: Int] = [:]
    for (index, header) in result.enumerated() {
      if let first = seen[header.column.field] {
        throw CatalogError(
          file: "\(table.file): row 1, column \(index + 1)", value: table.header[index],
          expected: "the column '\(header.column.field)' is given twice (also column \(first + 1))")
      }
      seen[header.column.field] = index
    }
    for column in known where column.required && seen[column.field] == nil {
      throw CatalogError(
        file: "\(table.file): row 1", field: nil,
        expected:
          "missing column '\(column.dimension == nil ? column.field : column.field + "_" + example(column.dimension!))'"
          + " (\(kind.rawValue) needs: " + columnNames(kind).filter { !$0.hasPrefix("[") }.joined(separator: ", ") + ")"
      )
    }
    return result
  }

  /// The suffix of a dimension's usual unit, for messages (`w`, `mw`, `gb`, `tflop_s` …).
  static func example(_ dimension: UnitDimension) -> String {
    switch dimension.name {
    case Power.dimension.name: "w"
    case Area.dimension.name: "mm2"
    case Bytes.dimension.name: "gb"
    case Bandwidth.dimension.name: "tb_s"
    case ComputeRate.dimension.name: "tflop_s"
    case Money.dimension.name: "usd"
    default: "unit"
    }
  }

  /// One row's cells by field, with where each came from.
  struct Record {
    var table: CSVTable
    var row: CSVTable.Row
    var headers: [Header]

    func index(_ field: String) -> Int? { headers.firstIndex { $0.column.field == field } }

    /// `file: row R, column C (name)`.
    func place(_ field: String) -> String {
      guard let index = index(field) else { return "\(table.file): row \(row.number)" }
      return "\(table.file): row \(row.number), column \(index + 1) (\(table.header[index]))"
    }

    func error(_ field: String, _ value: String?, _ expected: String) -> CatalogError {
      CatalogError(file: place(field), value: value, expected: expected)
    }

    /// The cell of a field, nil when the column is absent or the cell empty.
    func text(_ field: String) -> String? {
      guard let index = index(field) else { return nil }
      let value = row.cells[index].trimmingCharacters(in: .whitespaces)
      return value.isEmpty ? nil : value
    }

    func required(_ field: String, _ what: String) throws(CatalogError) -> String {
      guard let value = text(field) else { throw error(field, nil, "missing value: expected \(what)") }
      return value
    }

    /// A quantity with the column's unit, as a data file writes it (`700 W`), checked.
    func quantity<Q: Quantity>(_ field: String, _ type: Q.Type) throws(CatalogError) -> String? {
      guard let value = text(field), let index = index(field), let unit = headers[index].unit else { return nil }
      let number = value.filter { $0 != "," && $0 != "_" }
      guard let parsed = Double(number), parsed.isFinite, parsed > 0 else {
        throw error(field, value, "expected a positive number of \(unit) (the unit is in the column's name)")
      }
      let written = "\(NumberText.plain(parsed, 12)) \(unit)"
      do {
        _ = try Q(parsing: written)
      } catch {
        throw self.error(field, value, "expected \(UnitDimension.withArticle(Q.dimension.name))")
      }
      return written
    }

    func number(_ field: String, in range: ClosedRange<Double>, what: String) throws(CatalogError) -> Double? {
      guard let value = text(field) else { return nil }
      guard let number = Double(value.filter { $0 != "," && $0 != "_" }), number.isFinite, range.contains(number) else {
        throw error(
          field, value,
          "expected \(what), from \(NumberText.plain(range.lowerBound, 6)) to \(NumberText.plain(range.upperBound, 6))")
      }
      return number
    }

    func year(_ field: String) throws(CatalogError) -> Int {
      let value = try required(field, "a year, e.g. 2026")
      guard let year = Int(value), (1990...2100).contains(year) else {
        throw error(field, value, "expected a year from 1990 to 2100")
      }
      return year
    }

    func choice(_ field: String, _ allowed: [String], default fallback: String? = nil) throws(CatalogError) -> String {
      guard let value = text(field) else {
        if let fallback { return fallback }
        throw error(field, nil, "missing value: expected \(allowed.joined(separator: " | "))")
      }
      guard let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) else {
        throw error(field, value, "expected \(allowed.joined(separator: " | "))")
      }
      return match
    }

    /// The sources entry of the row's figures: its `source_url` and `confidence`, else a private entry.
    func source(supports: [String]) throws(CatalogError) -> String {
      let list = "[" + supports.joined(separator: ", ") + "]"
      if let url = text("source_url") {
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
          throw error(
            "source_url", url, "expected a URL starting with https:// (or leave it empty for your own figures)")
        }
        let confidence = try choice("confidence", Source.Confidence.allCases.map(\.rawValue))
        var entry = "  - url: \(CSVImport.quoted(url))\n    supports: \(list)\n    confidence: \(confidence)\n"
        if let note = text("note") { entry += "    note: \(CSVImport.quoted(note))\n" }
        return entry
      }
      let note = text("note") ?? "imported from \(table.file) row \(row.number); no public source given"
      return "  - private: true\n    supports: \(list)\n    note: \(CSVImport.quoted(note))\n"
    }
  }

  /// A YAML double-quoted scalar.
  static func quoted(_ text: String) -> String {
    "\""
      + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
      .replacingOccurrences(of: "\n", with: "\\n") + "\""
  }

  /// Reads a CSV table of a kind against the catalog.
  ///
  /// - Parameters:
  ///   - scenario: for a fleet, the id of the scenario to write (a file name).
  ///   - extends: for a fleet, the scenario it extends.
  /// - Throws: ``CatalogError`` naming the file, row, column and value of the first problem.
  public init(
    kind: Kind, table: CSVTable, catalog: Catalog, scenario: String = "fleet", extends parent: String = "baseline"
  ) throws(CatalogError) {
    self.kind = kind
    self.rowCount = table.rows.count
    guard !table.rows.isEmpty else {
      throw CatalogError(file: table.file, expected: "no rows after the header: nothing to import")
    }
    let headers = try Self.headers(table, kind: kind)
    let records = table.rows.map { Record(table: table, row: $0, headers: headers) }
    switch kind {
    case .fleet: files = [try Self.fleet(records, catalog: catalog, id: scenario, extends: parent)]
    case .sites: files = try Self.sites(records, catalog: catalog)
    case .accelerators: files = try Self.accelerators(records, catalog: catalog)
    }
  }

  /// A country code the catalog knows, as the catalog writes it.
  static func country(_ record: Record, _ field: String, _ catalog: Catalog) throws(CatalogError) -> String {
    let code = try record.required(field, "a country code, e.g. US")
    do throws(CatalogError) {
      return try catalog.country(code).id
    } catch let error {
      throw record.error(field, code, error.expected)
    }
  }

  static func fleet(_ records: [Record], catalog: Catalog, id: String, extends parent: String) throws(CatalogError)
    -> File
  {
    try DataTemplate.checkID(id, argument: "--scenario")
    var units: [String: [String: [Int: (value: Double, record: Record)]]] = [:]
    var sources = ""
    for record in records {
      let country = try country(record, "country", catalog)
      let kindText = try record.required("accelerator", "an accelerator id, e.g. h100-sxm")
      do throws(CatalogError) {
        _ = try catalog.accelerator(kindText)
      } catch let error {
        throw record.error("accelerator", kindText, error.expected)
      }
      let year = try record.year("year")
      let countText = try record.required("units", "a count of accelerators installed, e.g. 20000 or 20k")
      guard let count = CountText.parse(countText), count >= 0, count <= 1e9, count.rounded() == count else {
        throw record.error(
          "units", countText, "expected a whole count of accelerators from 0 to 1e9, e.g. 20000 or 20k")
      }
      if let earlier = units[country]?[kindText]?[year] {
        throw record.error(
          "accelerator", kindText,
          "\(country) \(kindText) \(year) is given twice (also row \(earlier.record.row.number)); give each once")
      }
      units[country, default: [:]][kindText, default: [:]][year] = (count, record)
      if record.text("source_url") != nil {
        sources += try record.source(supports: ["countries.\(country).installed.\(kindText).\(year)"])
      }
    }
    var text = """
      # A fleet imported by 'headroom import fleet' from \(records[0].table.file) (\(records.count) rows):
      # installed accelerators by country, kind and year installed. It is '\(parent)' with these counts (a
      # kind and year given here replaces the same kind and year there; the others stay).
      # Run it with 'headroom walls --scenario \(id)'.
      id: \(id)
      name: \(quoted("\(parent) with the fleet of \(records[0].table.file)"))
      extends: \(parent)
      countries:

      """
    for country in units.keys.sorted() {
      text += "  \(country):\n    installed:\n"
      for kind in units[country]!.keys.sorted() {
        text += "      \(kind):\n"
        for (year, entry) in units[country]![kind]!.sorted(by: { $0.key < $1.key }) {
          let value = NumberText.plain(entry.value, 12)
          if entry.record.text("source_url") != nil {
            text += "        \(year): \(value)\n"
          } else {
            let note =
              entry.record.text("note")
              ?? "imported from \(entry.record.table.file) row \(entry.record.row.number); no public source given"
            text += "        \(year): {value: \(value), private: true, note: \(quoted(note))}\n"
          }
        }
      }
    }
    if !sources.isEmpty { text += "sources:\n" + sources }
    return File(relative: "Scenarios/\(id).yaml", id: id, text: text)
  }

  static func sites(_ records: [Record], catalog: Catalog) throws(CatalogError) -> [File] {
    var order: [String] = []
    var grouped: [String: [Record]] = [:]
    for record in records {
      let id = try record.required("id", "a site id")
      do throws(CatalogError) {
        try DataTemplate.checkID(id)
      } catch let error {
        throw record.error("id", id, error.expected)
      }
      if grouped[id] == nil { order.append(id) }
      grouped[id, default: []].append(record)
    }
    return try order.map { id throws(CatalogError) in
      let rows = grouped[id] ?? []
      let first = rows[0]
      let country = try country(first, "country", catalog)
      // Fields of the site itself must agree across its rows.
      for field in ["name", "country", "pue", "redundancy", "derating"] {
        for record in rows.dropFirst() where record.text(field)?.lowercased() != first.text(field)?.lowercased() {
          throw record.error(
            field, record.text(field),
            "differs from row \(first.row.number) of site \(id) ('\(first.text(field) ?? "")')")
        }
      }
      let pue = try first.number("pue", in: 1...3, what: "a PUE")
      let redundancy = try first.choice("redundancy", ["N", "N+1", "2N"])
      let derating = try first.number("derating", in: 0.01...1, what: "a share of nameplate")
      var phases: [Int: (String, Record)] = [:]
      var halls: [(id: String, text: String, record: Record)] = []
      var supports = ["interconnect", "halls"]
      for record in rows {
        let year = try record.year("year")
        guard let power = try record.quantity("interconnect", Power.self) else {
          throw record.error("interconnect", nil, "missing value: the grid interconnect in the year")
        }
        if let earlier = phases[year], earlier.0 != power {
          throw record.error(
            "interconnect", power,
            "site \(id) gives \(year) twice with different values (also row \(earlier.1.row.number))")
        }
        phases[year] = (power, record)
        let hall = record.text("hall") ?? "hall-1"
        let racksText = try record.required("racks", "a number of rack positions")
        guard let racks = Int(racksText.filter { $0 != "," && $0 != "_" }), racks > 0, racks <= 1_000_000 else {
          throw record.error("racks", racksText, "expected a whole number of racks from 1 to 1,000,000")
        }
        guard let rackPower = try record.quantity("rack_power", Power.self) else {
          throw record.error("rack_power", nil, "missing value: the power per rack")
        }
        let cooling = try record.choice("cooling", ["air", "liquid"])
        var hallText = "  - id: \(hall)\n    racks: \(racks)\n    rack_power: \(rackPower)\n    cooling: \(cooling)\n"
        if let floor = try record.quantity("floor_area", Area.self) { hallText += "    floor_area: \(floor)\n" }
        if let area = try record.quantity("area_per_rack", Area.self) { hallText += "    area_per_rack: \(area)\n" }
        if let existing = halls.first(where: { $0.id == hall }) {
          guard existing.text == hallText else {
            throw record.error(
              "hall", hall,
              "site \(id) describes hall \(hall) twice, differently (also row \(existing.record.row.number))")
          }
        } else {
          halls.append((hall, hallText, record))
        }
      }
      if let pue { _ = pue } else { throw first.error("pue", nil, "missing value: the site's PUE, e.g. 1.3") }
      if derating == nil { throw first.error("derating", nil, "missing value: a share of nameplate, e.g. 0.8") }
      supports += ["pue", "derating"]
      let name = first.text("name") ?? id
      var text = """
        # A site imported by 'headroom import sites' from \(first.table.file) (rows \(rows.map { "\($0.row.number)" }.joined(separator: ", "))).
        id: \(id)
        name: \(quoted(name))
        country: \(country)
        interconnect:

        """
      for (year, phase) in phases.sorted(by: { $0.key < $1.key }) { text += "  \(year): \(phase.0)\n" }
      text +=
        "pue: \(NumberText.plain(pue!, 6))\nredundancy: \(redundancy)\nderating: \(NumberText.plain(derating!, 6))\n"
      text += "halls:\n" + halls.map(\.text).joined()
      text += "sources:\n" + (try first.source(supports: supports))
      if let existing = catalog.sites.first(where: { $0.id == id }) {
        throw first.error(
          "id", id,
          "a site with this id exists already (\(catalog.files[existing.id] ?? existing.id)); choose another id")
      }
      let file = File(relative: "Grids/sites/\(id).yaml", id: id, text: text)
      try check(file, row: first) { node, name throws(CatalogError) in _ = try Site.read(node, file: name) }
      return file
    }
  }

  static func accelerators(_ records: [Record], catalog: Catalog) throws(CatalogError) -> [File] {
    var seen: [String: Int] = [:]
    return try records.map { record throws(CatalogError) in
      let id = try record.required("id", "an accelerator id")
      do throws(CatalogError) {
        try DataTemplate.checkID(id)
      } catch let error {
        throw record.error("id", id, error.expected)
      }
      if let earlier = seen[id] { throw record.error("id", id, "given twice (also row \(earlier))") }
      seen[id] = record.row.number
      if catalog.accelerators.contains(where: { $0.id == id }) {
        throw record.error(
          "id", id, "an accelerator with this id exists already (\(catalog.files[id] ?? id)); choose another id")
      }
      let vendor = try record.required("vendor", "the vendor (a folder name, e.g. acme)")
      do throws(CatalogError) {
        try DataTemplate.checkID(vendor, argument: "vendor")
      } catch let error {
        throw record.error("vendor", vendor, error.expected)
      }
      let year = try record.year("year")
      let origin = try record.required("origin", "the designer's country code, e.g. US").uppercased()
      let datacenter = try record.choice("datacenter", ["true", "false"], default: "true")
      var supports = ["year"]
      var text = """
        # An accelerator imported by 'headroom import accelerators' from \(record.table.file) row \(record.row.number).
        id: \(id)
        name: \(quoted(record.text("name") ?? id))
        vendor: \(vendor)
        year: \(year)
        datacenter: \(datacenter)
        origin: \(origin)
        compute:

        """
      var rates = 0
      for precision in Precision.allCases {
        guard let index = record.index(precision.rawValue), let unit = record.headers[index].unit,
          let value = record.text(precision.rawValue)
        else { continue }
        if precision.isInteger != (unit == "TOPS") {
          throw record.error(
            precision.rawValue, value,
            precision.isInteger
              ? "an integer rate is in TOPS: name the column '\(precision.rawValue)_tops'"
              : "a floating-point rate is in FLOP/s: name the column '\(precision.rawValue)_tflop_s'")
        }
        guard let rate = try record.quantity(precision.rawValue, ComputeRate.self) else { continue }
        text += "  \(precision.rawValue): \(rate)\n"
        supports.append("compute.\(precision.rawValue)")
        rates += 1
      }
      guard rates > 0 else {
        throw record.error("bf16", nil, "expected at least one dense peak rate, e.g. a 'bf16_tflop_s' column")
      }
      for (field, written) in [
        ("memory", try record.quantity("memory", Bytes.self)),
        ("memory_bandwidth", try record.quantity("memory_bandwidth", Bandwidth.self)),
        ("scale_up_bandwidth", try record.quantity("scale_up_bandwidth", Bandwidth.self)),
        ("tdp", try record.quantity("tdp", Power.self)), ("die_area", try record.quantity("die_area", Area.self)),
      ] {
        guard let written else {
          if field == "tdp" { throw record.error("tdp", nil, "missing value: the TDP") }
          continue
        }
        text += "\(field): \(written)\n"
        supports.append(field)
      }
      if let price = try record.quantity("price", Money.self) {
        let priceYear = try record.year("price_year")
        let kind = try record.choice("price_kind", Price.Kind.allCases.map(\.rawValue), default: "street")
        let basis = try record.choice("price_basis", ["chip", "system-share"], default: "chip")
        text += "price:\n  amount: \(price)\n  year: \(priceYear)\n  kind: \(kind)\n  basis: \(basis)\n"
        supports.append("price")
      }
      text += "sources:\n" + (try record.source(supports: supports))
      let file = File(relative: "Hardware/accelerators/\(vendor)/\(id).yaml", id: id, text: text)
      try check(file, row: record) { node, name throws(CatalogError) in _ = try Accelerator.read(node, file: name) }
      return file
    }
  }

  /// Reads a generated file with the data file's own reader; a problem is reported against the row.
  static func check(
    _ file: File, row: Record, _ read: (Node, String) throws(CatalogError) -> Void
  ) throws(CatalogError) {
    do {
      guard let node = try Yams.compose(yaml: file.text) else {
        throw CatalogError(file: "\(row.table.file): row \(row.row.number)", expected: "nothing to write")
      }
      try read(node, file.relative)
    } catch let error as CatalogError {
      throw CatalogError(
        file: "\(row.table.file): row \(row.row.number)", field: error.field, value: error.value,
        expected: error.expected)
    } catch {
      throw CatalogError(
        file: "\(row.table.file): row \(row.row.number)", expected: "cannot be written as YAML: \(error)")
    }
  }
}

import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

extension Precision: ExpressibleByArgument {}

/// `headroom size training|inference`: chips, days, MW, MWh and dollars for one workload.
struct SizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "size",
    abstract: "Size a training run or an inference service: accelerators, days, MW, MWh and dollars.",
    discussion: """
      Counts accept 405e9, 405B, 15.6T, 1.5M or 2,048. Power per accelerator comes from a catalog system \
      that holds the part (wall power / accelerators), else Epoch's multipliers (server 1.53 x TDP); then \
      IT = 1.14 x server and facility = PUE x IT. Give --compare a,b,c to rank parts for the workload.
      """,
    subcommands: [Training.self, Inference.self]
  )
}

/// Where the workload runs and which parts to compare: options shared by both size commands.
struct SizeLocationOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Power usage effectiveness (default: the site's or country's).")
  var pue: Double?

  @Option(help: "Country (ISO code) for PUE, electricity price and CO2 (default: US).")
  var country: String?

  @Option(help: "Site id (see Grids/sites) for PUE; price and CO2 come from its country.")
  var site: String?

  @Option(help: "Comma-separated accelerator ids to rank for this workload (per watt and per dollar).")
  var compare: String?

  /// The facility the options describe.
  func facility(_ catalog: Catalog) throws -> Facility {
    if let pue, !(pue >= 1 && pue.isFinite) {
      throw CommandError(
        "--pue \(NumberText.plain(pue, 4)): expected a number of at least 1 (facility power / IT power)")
    }
    if site != nil && country != nil {
      throw CommandError("--site \(site!) --country \(country!): give one of them (a site's country is known)")
    }
    if let site {
      let found = try catalog.site(site)
      return Facility(site: found, country: try? catalog.country(found.country), pue: pue)
    }
    if let country { return Facility(country: try catalog.country(country), pue: pue) }
    if let us = try? catalog.country("US") { return Facility(country: us, pue: pue) }
    if let pue { return Facility(name: "--pue \(NumberText.plain(pue, 4))", pue: pue) }
    throw CommandError("no location: give --pue, --country or --site (the data has no US country file to default to)")
  }

  /// The accelerators to size: `--compare` ids (with `--accelerator` first when given), or the one part.
  func accelerators(_ catalog: Catalog, primary: String?) throws -> [Accelerator] {
    guard let compare else {
      guard let primary else {
        throw CommandError("--accelerator: missing; give an accelerator id (or --compare a,b,c)")
      }
      return [try catalog.accelerator(primary)]
    }
    var ids = compare.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    if let duplicate = ids.enumerated().first(where: { ids[..<$0.offset].contains($0.element) })?.element {
      throw CommandError("--compare '\(compare)': '\(duplicate)' is given twice; give each id once")
    }
    if let primary, !ids.contains(primary) { ids.insert(primary, at: 0) }
    guard !ids.isEmpty else { throw CommandError("--compare '\(compare)': expected comma-separated accelerator ids") }
    return try ids.map { id throws(CatalogError) in try catalog.accelerator(id) }
  }
}

/// Parsing and checking of size options, with messages naming the option, the value and what was expected.
enum SizeInput {
  /// A positive count written 405e9, 405B or 15.6T.
  static func count(_ text: String, option: String) throws -> Double {
    guard let value = CountText.parse(text) else {
      throw CommandError("\(option) \(text): expected a count such as 405e9, 405B or 15.6T")
    }
    guard value > 0 else { throw CommandError("\(option) \(text): expected a positive count") }
    return value
  }

  /// A positive duration with its unit (50ms, 0.05 s); a bare number is read as milliseconds.
  static func latency(_ text: String, option: String) throws -> TimeSpan {
    let duration: TimeSpan
    if let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
      duration = TimeSpan(seconds: milliseconds / 1000)
    } else {
      do {
        duration = try TimeSpan(parsing: text)
      } catch {
        throw CommandError("\(option) \(text): expected a time per output token such as 50ms or 0.05s")
      }
    }
    guard duration.seconds > 0, duration.isFinite else {
      throw CommandError("\(option) \(text): expected a positive time per output token such as 50ms")
    }
    return duration
  }

  /// A fraction in (0, 1].
  static func fraction(_ value: Double?, option: String) throws {
    guard let value else { return }
    guard value > 0, value <= 1 else {
      throw CommandError("\(option) \(NumberText.plain(value, 4)): expected a number in (0, 1]")
    }
  }

  /// A whole number of at least 1.
  static func positive(_ value: Int?, option: String, what: String) throws {
    guard let value else { return }
    guard value > 0 else { throw CommandError("\(option) \(value): expected \(what) of at least 1") }
  }

  /// Runs a sizing call, turning its error into a command error.
  static func sizing<T>(_ body: () throws(SizingError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      throw CommandError(error.description)
    }
  }
}

/// Cell and JSON helpers for sizing reports.
enum SizeCells {
  static func megawatts(_ power: Power?) -> JSONValue { .number(power?.megawatts) }

  static func money(_ money: Money?) -> String { money.map { $0.formatted() } ?? Cells.absent }

  static func milliseconds(_ duration: TimeSpan) -> String {
    NumberText.plain(duration.seconds * 1000, 3) + " ms"
  }

  static func grouped(_ value: Int) -> String { Cells.grouped(Double(value)) }

  /// Ranks (1 = best) of values, higher better unless `ascending`; nil values rank last.
  static func ranks(_ values: [Double?], ascending: Bool = false) -> [Int?] {
    let order = values.indices.filter { values[$0] != nil }.sorted { a, b in
      ascending ? values[a]! < values[b]! : values[a]! > values[b]!
    }
    var result = [Int?](repeating: nil, count: values.count)
    for (rank, index) in order.enumerated() { result[index] = rank + 1 }
    return result
  }
}

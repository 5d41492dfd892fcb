import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

extension Precision: ExpressibleByArgument {}

/// `headroom size training|inference|calibrate`: chips, days, MW, MWh and dollars for one workload, and
/// the measured cases the sizing is checked against.
struct SizeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "size",
    abstract: "Size a training run or an inference service: accelerators, days, MW, MWh and dollars.",
    discussion: """
      Counts accept 405e9, 405B, 15.6T, 1.5M or 2,048. Power per accelerator comes from a catalog system \
      that holds the part (wall power / accelerators), else Epoch's multipliers (server 1.53 x TDP); then \
      IT = 1.14 x server and facility = PUE x IT. Give --compare a,b,c to rank parts for the workload. \
      'headroom size calibrate' lists every published case the sizing is checked against.
      """,
    subcommands: [Training.self, Inference.self, Calibrate.self]
  )
}

/// Where the workload runs and which parts to compare: options shared by both size commands.
struct SizeLocationOptions: ParsableArguments {
  @Option(parsing: .unconditional, help: "Power usage effectiveness (default: the site's or country's).")
  var pue: Double?

  @Option(
    help: "Country (ISO code) for PUE, electricity price and CO2 (default: US).", completion: IDCompletion.of(.country))
  var country: String?

  @Option(
    help: "Site id (see Grids/sites) for PUE; price and CO2 come from its country.", completion: IDCompletion.of(.site))
  var site: String?

  @Option(help: "Comma-separated accelerator ids to rank for this workload (per watt and per dollar).")
  var compare: String?

  func validate() throws {
    if let pue, !(pue >= 1 && pue.isFinite) {
      throw ValidationError(
        "--pue \(NumberText.plain(pue, 4)): expected a number of at least 1 (facility power / IT power)")
    }
    if let site, let country {
      throw ValidationError("--site \(site) --country \(country): give one of them (a site's country is known)")
    }
  }

  /// The location as the library takes it.
  var location: SizingLocation { SizingLocation(pue: pue, country: country, site: site) }

  /// The accelerator ids to size: `--compare` ids (with `--accelerator` first when given), or the one part.
  func acceleratorIDs(primary: String?) throws -> [String] {
    guard let compare else {
      guard let primary else {
        throw CommandError("--accelerator: missing; give an accelerator id (or --compare a,b,c)")
      }
      return [primary]
    }
    var ids = compare.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter {
      !$0.isEmpty
    }
    if let duplicate = ids.enumerated().first(where: { ids[..<$0.offset].contains($0.element) })?.element {
      throw CommandError("--compare '\(compare)': '\(duplicate)' is given twice; give each id once")
    }
    if let primary, !ids.contains(primary) { ids.insert(primary, at: 0) }
    guard !ids.isEmpty else { throw CommandError("--compare '\(compare)': expected comma-separated accelerator ids") }
    return ids
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
  static func latency(_ text: String, option: String, what: String = "a time per output token") throws -> TimeSpan {
    let duration: TimeSpan
    if let milliseconds = Double(text.trimmingCharacters(in: .whitespaces)) {
      duration = TimeSpan(seconds: milliseconds / 1000)
    } else {
      do {
        duration = try TimeSpan(parsing: text)
      } catch {
        throw CommandError("\(option) \(text): expected \(what) such as 50ms or 0.05s")
      }
    }
    guard duration.seconds > 0, duration.isFinite else {
      throw CommandError(
        "\(option) \(text): expected a positive \(what.replacingOccurrences(of: "a ", with: "")) such as 50ms")
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

  /// The option that gives each input the library names in ``SizingError/invalidInput(field:value:expected:)``.
  static let options = [
    "parameters": "--params", "active parameters": "--active-params", "tokens": "--tokens", "mfu": "--mfu",
    "goodput": "--goodput", "count": "--count", "days": "--days", "rate": "--rate", "context": "--context",
    "prompt tokens": "--prompt-tokens", "output tokens": "--output-tokens", "time to first token": "--ttft",
  ]

  /// Runs a library call, saying an input out of range (``SizingError/invalidInput(field:value:expected:)``)
  /// against the option that gives it; every other error passes through as it is.
  static func sizing<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as SizingError {
      guard case .invalidInput(let field, let value, let expected) = error, let option = options[field] else {
        throw error
      }
      throw CommandError("\(option) \(value): expected \(expected)")
    }
  }
}

import ArgumentParser
import Foundation
import HeadroomCatalog
import HeadroomModel
import HeadroomReport

extension OutputFormat: ExpressibleByArgument {}

/// Options every command takes: output format and data folder.
public struct CommonOptions: ParsableArguments {
  @Option(help: "Output format: table, json, csv or markdown.")
  public var format: OutputFormat = .table

  @Option(help: "Data folder holding Hardware/, Grids/ and Scenarios/ (default: the repository's own).")
  public var data: String?

  @Flag(help: "Print text tables whole, however wide (default: fit COLUMNS, the terminal, else 120 columns).")
  public var wide = false

  public init() {}

  /// Loads the catalog from the data folder.
  func loadCatalog() throws -> Catalog { try loadData().catalog }

  /// Locates the data folder and loads its catalog: the one loading path of every command.
  func loadData() throws -> LoadedData {
    let root = try DataDirectory.locate(explicit: data)
    return LoadedData(root: root, catalog: try CatalogLoader(root: root).load())
  }

  /// Prints a report in the chosen format; a report holding a number that is not finite (`inf W`) is
  /// not printed: the command stops with an error naming where the number is (exit status 1).
  func emit(_ report: Report) {
    let nonFinite = report.nonFiniteNumbers
    guard nonFinite.isEmpty else {
      let listed = nonFinite.prefix(3).joined(separator: "; ") + (nonFinite.count > 3 ? "; ..." : "")
      FileHandle.standardError.write(
        Data(
          ("error: the result is not finite (\(listed)): an input is out of range or too large; "
            + "check the values given on the command line and in the data files\n").utf8))
      terminateProcess(1)
    }
    print(report.render(format, layout: TerminalWidth.layout(wide: wide)), terminator: "")
  }
}

/// The data folder a command read and the catalog in it.
struct LoadedData {
  var root: URL
  var catalog: Catalog
}

/// Runs a command body, printing data and lookup errors to standard error with a non-zero exit
/// instead of a stack trace.
func reportingErrors(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let error as CatalogErrors {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    throw ExitCode.failure
  } catch let error as CatalogError {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    throw ExitCode.failure
  } catch let error as CommandError {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    throw ExitCode.failure
  }
}

/// A command-level problem (bad combination of options, value out of range), said in words.
struct CommandError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// Today's date, for "rules in force" defaults.
func today() -> Day {
  let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
  return Day(year: components.year!, month: components.month!, day: components.day!)
}

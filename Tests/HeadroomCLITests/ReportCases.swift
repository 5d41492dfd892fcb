import Foundation
import Testing

/// One command line of every command that writes a report, with the schema its JSON must follow
/// (`Schemas/<schema>.schema.json`) and the data tables its CSV offers.
struct ReportCase: CustomTestStringConvertible, Sendable {
  var schema: String
  var arguments: [String]
  /// The `--table` names besides the main one.
  var tables: [String] = []

  var testDescription: String { arguments.joined(separator: " ") }

  /// A database with the catalog and two walls runs, built once per test process, for the runs commands.
  static let database: String = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("headroom-report-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("runs.sqlite").path
    _ = try? Headroom.run(["db", "build", "--path", path])
    _ = try? Headroom.run(["walls", "--db", path])
    _ = try? Headroom.run(["walls", "--db", path, "--scenario", "china-h200", "--set", "demand.case=low"])
    return path
  }()

  static let all: [ReportCase] = [
    .init(schema: "walls", arguments: ["walls", "--no-save"], tables: ["years", "purchases"]),
    .init(schema: "walls", arguments: ["walls", "--no-save", "--scenario", "china-h200", "--set", "demand.case=low"]),
    .init(schema: "whatif", arguments: ["whatif", "--scenario", "china-h200", "--no-save"], tables: ["years"]),
    .init(
      schema: "sweep", arguments: ["sweep", "--vary", "demand.growth.start=1.6:3.3", "--samples", "6", "--no-save"],
      tables: ["drivers", "binding", "samples", "inputs"]),
    .init(
      schema: "sweep",
      arguments: [
        "sweep", "--method", "sobol", "--vary", "demand.growth.start=1.6:3.3", "--vary", "lifetime=4:6", "--samples",
        "4", "--no-save",
      ], tables: ["outputs", "samples", "inputs"]),
    .init(schema: "batch", arguments: ["batch", "baseline", "china-h200"]),
    .init(
      schema: "plan", arguments: ["plan", "--site", "dublin-colo-hall", "--workloads", "dublin-inference"],
      tables: ["builds", "halls", "training", "inference", "shortfalls", "candidates", "generation", "phases", "costs"]),
    .init(
      schema: "plan", arguments: ["plan", "--site", "ercot-gigawatt-campus", "--workloads", "texas-2027"],
      tables: ["generation", "phases", "training"]),
    .init(
      schema: "fit", arguments: ["fit", "--site", "dublin-colo-hall", "--system", "hgx-h200"],
      tables: ["halls", "phases", "bridges"]),
    .init(
      schema: "fit",
      arguments: ["fit", "--site", "ercot-gigawatt-campus", "--system", "gb200-nvl72", "--year", "2027"],
      tables: ["phases", "bridges"]),
    .init(schema: "grid-list", arguments: ["grid", "list"]),
    .init(schema: "grid-show", arguments: ["grid", "show", "US"], tables: ["regions", "options", "sources"]),
    .init(schema: "grid-show", arguments: ["grid", "show", "IE"]),
    .init(schema: "catalog-list", arguments: ["catalog", "list"], tables: ["systems"]),
    .init(schema: "catalog-show", arguments: ["catalog", "show", "h100-sxm"], tables: ["sources"]),
    .init(schema: "catalog-show", arguments: ["catalog", "show", "hgx-h200"], tables: ["sources"]),
    .init(schema: "catalog-compare", arguments: ["catalog", "compare", "h100-sxm", "h20", "ascend-910c"]),
    .init(schema: "catalog-check", arguments: ["catalog", "check"], tables: ["findings"]),
    .init(schema: "catalog-diff", arguments: ["catalog", "diff", "--against", "HEAD"]),
    .init(schema: "classify", arguments: ["classify", "h200-sxm", "--to", "CN", "--on", "2026-02-01"]),
    .init(schema: "classify", arguments: ["classify", "--tflops", "300", "--bits", "16"]),
    .init(
      schema: "size-training",
      arguments: [
        "size", "training", "--params", "405e9", "--tokens", "15.6e12", "--accelerator", "h100-sxm", "--count", "16384",
      ]),
    .init(
      schema: "size-training",
      arguments: [
        "size", "training", "--params", "70B", "--tokens", "15T", "--days", "30", "--compare", "h100-sxm,h20",
      ]),
    .init(
      schema: "size-inference",
      arguments: ["size", "inference", "--model", "llama-3-70b", "--rate", "1M", "--accelerator", "h100-sxm"]),
    .init(
      schema: "size-inference",
      arguments: ["size", "inference", "--model", "llama-3-70b", "--rate", "1M", "--compare", "h100-sxm,h20,b200"]),
    .init(schema: "size-calibrate", arguments: ["size", "calibrate"], tables: ["inference", "orderings"]),
    .init(schema: "db-build", arguments: ["db", "build", "--path", "DATABASE-COPY"]),
    .init(schema: "db-path", arguments: ["db", "path", "--path", "DATABASE"]),
    .init(
      schema: "query",
      arguments: ["query", "SELECT id, tdp_w, NULL AS missing FROM accelerators LIMIT 3", "--path", "DATABASE"]),
    .init(schema: "runs-list", arguments: ["runs", "list", "--path", "DATABASE"]),
    .init(
      schema: "runs-show", arguments: ["runs", "show", "1", "--path", "DATABASE"], tables: ["years", "overrides"]),
    .init(
      schema: "runs-diff", arguments: ["runs", "diff", "1", "2", "--path", "DATABASE"],
      tables: ["inputs", "dataFields"]),
  ]

  /// The arguments with the shared database (or a fresh copy to build) in place of the placeholders.
  var resolved: [String] {
    arguments.map { argument in
      switch argument {
      case "DATABASE": return Self.database
      case "DATABASE-COPY":
        return FileManager.default.temporaryDirectory.appendingPathComponent(
          "headroom-build-\(UUID().uuidString).sqlite"
        )
        .path
      default: return argument
      }
    }
  }
}

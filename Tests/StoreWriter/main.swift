import Foundation
import GRDB
import HeadroomModel
import HeadroomStore

// headroom-store-writer: saves synthetic runs into a database, one transaction each, for the tests
// that run several writing processes at once or kill one mid-save. Test-only: not a product.
//
// Usage: headroom-store-writer --path <file> [--count 10] [--seed 0] [--countries 16] [--years 11]
//        headroom-store-writer --path <file> --user-version 99   (as a newer build would leave the file:
//        schema version raised, rollback-journal mode, all connections closed)

/// A made-up run whose walls depend on the index and seed.
func synthetic(index: Int, seed: Int, countries: Int, years: Int) -> RunSummary {
  let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
  let codes = (0..<countries).map { String([letters[($0 / 26) % 26], letters[$0 % 26]]) }
  var countryResults: [RunSummary.CountryResult] = []
  var yearResults: [RunSummary.YearResult] = []
  for (position, code) in codes.enumerated() {
    let shift = (index + seed + position) % 4
    countryResults.append(
      RunSummary.CountryResult(
        country: code, powerWallYear: 2027 + shift, chipWallYear: shift == 3 ? nil : 2026 + shift,
        firstShortYear: 2026 + shift, bindingWall: shift % 2 == 0 ? .power : .chip,
        cost: Money(baseValue: Double(1_000 + shift) * 1e6)))
    for offset in 0..<years {
      let demand = 100_000 * pow(1.3, Double(offset))
      let capacity = 100_000 * pow(1.2, Double(offset + shift))
      let served = min(demand, capacity)
      yearResults.append(
        RunSummary.YearResult(
          country: code, year: 2025 + offset, demand: H100Equivalents(demand), trainingServedShare: served / demand,
          inferenceServedShare: served / demand, demandPower: Power(megawatts: demand / 1000),
          powerAvailable: Power(megawatts: capacity / 1000), powerUsed: Power(megawatts: served / 1000),
          chipsObtainable: H100Equivalents(capacity), fleet: H100Equivalents(served),
          gap: H100Equivalents(demand - served), powerGap: Power(megawatts: (demand - served) / 1000),
          chipGap: H100Equivalents(demand - served), binding: served < demand ? .power : .none, powerShadow: 0.5,
          chipShadow: 0, chipShadowKind: "h100-sxm"))
    }
  }
  return RunSummary(
    kind: index % 2 == 0 ? .walls : .whatif, scenario: "synthetic",
    overrides: [.init(path: "synthetic.index", value: "\(index)"), .init(path: "synthetic.seed", value: "\(seed)")],
    dataHash: "0000000000000000", solverName: "synthetic", solverVersion: "1", objective: Double(1_000 + index + seed),
    countries: countryResults, years: yearResults)
}

var options: [String: String] = [:]
var arguments = CommandLine.arguments.dropFirst()
while let name = arguments.popFirst() {
  guard name.hasPrefix("--"), let value = arguments.popFirst() else {
    FileHandle.standardError.write(Data("usage: headroom-store-writer --path <file> [--count N] [--seed S]\n".utf8))
    exit(2)
  }
  options[String(name.dropFirst(2))] = value
}
guard let path = options["path"] else {
  FileHandle.standardError.write(Data("headroom-store-writer: --path is required\n".utf8))
  exit(2)
}
if let version = options["user-version"].flatMap({ Int($0) }) {
  do {
    let queue = try DatabaseQueue(path: path)
    try queue.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA journal_mode = DELETE")
      try db.execute(sql: "PRAGMA user_version = \(version)")
    }
    try queue.close()
    exit(0)
  } catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(1)
  }
}
let count = Int(options["count"] ?? "10") ?? 10
let seed = Int(options["seed"] ?? "0") ?? 0
let countries = Int(options["countries"] ?? "16") ?? 16
let years = Int(options["years"] ?? "11") ?? 11
do {
  let database = try HeadroomDatabase(path: path)
  var first: Int64?
  var last: Int64?
  for index in 0..<count {
    let id = try database.saveRun(synthetic(index: index, seed: seed, countries: countries, years: years))
    if first == nil {
      first = id
      FileHandle.standardOutput.write(Data("saved run \(id)\n".utf8))
    }
    last = id
  }
  let range = first.map { "\($0)-\(last ?? $0)" } ?? "none"
  FileHandle.standardOutput.write(Data("saved \(count) runs (ids \(range))\n".utf8))
} catch {
  FileHandle.standardError.write(Data("error: \(error)\n".utf8))
  exit(1)
}

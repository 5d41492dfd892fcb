import Foundation
import HeadroomModel
import HeadroomReport
import HeadroomStore

/// The raw-value side of `runs list|show|diff`: JSON records and data tables, in the JSON vocabulary.
enum RunsData {
  /// A UTC time in ISO 8601: `2026-01-31T12:00:00Z`.
  static func iso8601(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }

  /// A wall change with typed values: years as numbers (null: none, or the country is absent), binding walls as text.
  static func wallChange(_ change: RunDiff.WallChange) -> [(String, JSONValue)] {
    let isYear = change.field != .bindingWall
    func year(_ text: String?) -> JSONValue { isYear ? .number(text.flatMap { Double($0) }) : .null }
    func binding(_ text: String?) -> JSONValue { isYear ? .null : .string(text) }
    return [
      ("country", .string(change.country)), ("wall", .string(String(describing: change.field))),
      ("aYear", year(change.a)), ("bYear", year(change.b)), ("aBinding", binding(change.a)),
      ("bBinding", binding(change.b)), ("inA", .bool(change.a != nil)), ("inB", .bool(change.b != nil)),
      ("yearShift", change.yearShift.map { .number(Double($0)) } ?? .null),
    ]
  }

  static let wallChangeColumns = [
    "country", "wall", "aYear", "bYear", "aBinding", "bBinding", "inA", "inB", "yearShift",
  ]

  /// The data tables of `runs diff`: wall changes (main), input changes, data fields changed.
  static func diffTables(_ diff: RunDiff) -> [DataTable] {
    var inputs = DataTable(
      name: "inputs", rowMeaning: "one row per input that differs: its value in run a and in run b (empty: not set)",
      columns: ["input", "a", "b"])
    for change in diff.inputChanges {
      inputs.append([("input", .string(change.label)), ("a", .string(change.a)), ("b", .string(change.b))])
    }
    var fields = DataTable(
      name: "dataFields", rowMeaning: "one row per data field that differs between the runs' data folders",
      columns: ["file", "field", "change"])
    if case .changed(let changes) = diff.dataFields {
      for change in changes {
        fields.append([
          ("file", .string(change.file)), ("field", .string(change.field)), ("change", .string(change.change.rawValue)),
        ])
      }
    }
    return [
      DataTable(
        name: "walls", rowMeaning: "one row per country and wall that differs between run a and run b",
        columns: wallChangeColumns, records: diff.wallChanges.map(wallChange)),
      inputs, fields,
    ]
  }

  /// The data tables of `runs show`: countries (main), years, overrides.
  static func showTables(_ stored: StoredRun) -> [DataTable] {
    let run = stored.summary
    var countries = DataTable(
      name: "countries", rowMeaning: "one row per country: its walls and cost",
      columns: ["run", "country", "powerWallYear", "chipWallYear", "firstShortYear", "bindingWall", "costMUSD"])
    for country in run.countries {
      countries.append([
        ("run", .number(Double(stored.id))), ("country", .string(country.country)),
        ("powerWallYear", .number(country.powerWallYear.map(Double.init))),
        ("chipWallYear", .number(country.chipWallYear.map(Double.init))),
        ("firstShortYear", .number(country.firstShortYear.map(Double.init))),
        ("bindingWall", .string(country.bindingWall.rawValue)),
        ("costMUSD", .number(country.cost.map { JSONValue.rounded($0.millionsOfDollars, 9) })),
      ])
    }
    var years = DataTable(
      name: "years", rowMeaning: "one row per country and year", columns: ["run"] + yearColumns)
    for year in run.years { years.append([("run", .number(Double(stored.id)))] + yearRecord(year)) }
    var overrides = DataTable(
      name: "overrides", rowMeaning: "one row per --set override of the run", columns: ["run", "path", "value"])
    for override in run.overrides {
      overrides.append([
        ("run", .number(Double(stored.id))), ("path", .string(override.path)), ("value", .string(override.value)),
      ])
    }
    return [countries, years, overrides]
  }

  static let yearColumns = [
    "country", "year", "demandH100e", "trainingServedShare", "inferenceServedShare", "demandGW", "powerAvailableGW",
    "powerUsedGW", "chipsObtainableH100e", "fleetH100e", "gapH100e", "powerGapGW", "chipGapH100e", "binding",
  ]

  static func yearRecord(_ year: RunSummary.YearResult) -> [(String, JSONValue)] {
    func gigawatts(_ power: Power) -> JSONValue { .number(JSONValue.rounded(power.gigawatts, 6)) }
    return [
      ("country", .string(year.country)), ("year", .number(Double(year.year))),
      ("demandH100e", .number(year.demand.value.rounded())),
      ("trainingServedShare", .number(JSONValue.rounded(year.trainingServedShare, 6))),
      ("inferenceServedShare", .number(JSONValue.rounded(year.inferenceServedShare, 6))),
      ("demandGW", gigawatts(year.demandPower)), ("powerAvailableGW", gigawatts(year.powerAvailable)),
      ("powerUsedGW", gigawatts(year.powerUsed)),
      ("chipsObtainableH100e", .number(year.chipsObtainable.value.rounded())),
      ("fleetH100e", .number(year.fleet.value.rounded())), ("gapH100e", .number(year.gap.value.rounded())),
      ("powerGapGW", gigawatts(year.powerGap)), ("chipGapH100e", .number(year.chipGap.value.rounded())),
      ("binding", .string(year.binding.rawValue)),
    ]
  }

  /// The data table of `runs list`.
  static func listTable(_ runs: [RunListing]) -> DataTable {
    var table = DataTable(
      name: "runs", rowMeaning: "one row per saved run",
      columns: [
        "id", "kind", "createdAt", "scenario", "dataHash", "solverName", "solverVersion", "objectiveMUSD",
        "overrideCount", "countryCount", "firstPowerWallYear", "firstChipWallYear",
      ])
    for listing in runs {
      table.append(
        RunJSON.header(listing.run) + [
          ("overrideCount", .number(Double(listing.overrideCount))),
          ("countryCount", .number(Double(listing.countryCount))),
          ("firstPowerWallYear", .number(listing.firstPowerWallYear.map(Double.init))),
          ("firstChipWallYear", .number(listing.firstChipWallYear.map(Double.init))),
        ])
    }
    return table
  }
}

import Foundation
import HeadroomModel
import HeadroomPlanner

/// The walls result as tables for people and JSON for programs.
public struct WallsReport: Sendable {
  public var result: WallsResult
  /// The `--set` overrides the run used, as written.
  public var overrides: [String]

  public init(result: WallsResult, overrides: [String] = []) {
    self.result = result
    self.overrides = overrides
  }

  /// The year the summary table shows: 2030 when in the horizon, else the last year.
  public var summaryYear: Int { min(max(2030, result.firstYear), result.lastYear) }

  static func year(_ year: Int?) -> String { year.map(String.init) ?? "none" }

  /// A share as a percentage with three significant digits: `62.1 %`.
  public static func percent(_ share: Double) -> String { "\(NumberText.plain(share * 100, 3)) %" }

  /// What "none" and the wall years mean, for notes.
  var definitions: [String] {
    let threshold = Self.percent(result.wallThreshold)
    return [
      "power wall = first year the gap exceeds \(threshold) of demand with chips unlimited; chip wall = the same with power unlimited; none = no such year in \(result.firstYear)-\(result.lastYear).",
      "binds = the limit whose dual is non-zero in the first year the joint model's gap exceeds \(threshold), that year beside it (power, chip, both; none = no such year); both with no wall: each limit alone leaves less than \(threshold) unmet, the two together more.",
      "Demand and chips in H100-equivalents (dense 8-bit FLOP/s over the H100 SXM's 1,979 TFLOP/s, Epoch's basis; inference at the reference model's tokens/s); power at the meter.",
      "power gap = power that would close the gap left with chips unlimited; chip gap = demand left unmet with power unlimited. Shortages are split \(result.split.rawValue) between training and inference.",
    ]
  }

  public func report(yearByYear: Bool) -> Report {
    let year = summaryYear
    var summary = Table(
      title:
        "Walls: \(result.scenarioName) (\(result.scenario)), \(result.firstYear)-\(result.lastYear), demand case \(result.demandCase)"
        + (overrides.isEmpty ? "" : "; --set \(overrides.joined(separator: " "))"),
      columns: [
        .init("country"), .init("power wall", .right), .init("chip wall", .right), .init("binds"),
        .init("demand \(year)", .right), .init("served", .right), .init("AI power used / avail", .right),
        .init("power gap", .right), .init("chip gap", .right),
      ])
    for country in result.countries {
      guard let row = country.years.first(where: { $0.year == year }) ?? country.years.last else { continue }
      summary.append([
        country.country, Self.year(country.powerWallYear), Self.year(country.chipWallYear),
        country.bindingWall.rawValue + (country.firstShortYear.map { " \($0)" } ?? ""), row.demand.formatted(),
        Self.percent(row.servedShare),
        "\(row.powerUsed.formatted()) / \((row.powerAvailable + row.onSitePower).formatted())",
        row.powerGap.formatted(),
        row.chipGap.formatted(),
      ])
    }
    summary.notes =
      definitions + [
        "Columns from 'demand' on are for \(year). Solver: \(result.solver.name) \(result.solver.version); cost-phase objective \(result.objective.formatted()) (present value of capex + energy at \(Self.percent(result.discountRate)))."
      ] + result.notes
    var shadows = Table(
      title: "What one more unit is worth in each country's first short year (from the duals; small steps only)",
      columns: [
        .init("country"), .init("year", .right), .init("+1 MW serves", .right), .init("+1,000 of"),
        .init("serve", .right),
      ])
    for country in result.countries {
      let short = country.years.first { $0.gapShare > WallsRunner.tolerance }
      guard let short else { continue }
      shadows.append([
        country.country, "\(short.year)", H100Equivalents(short.powerShadowPrice).formatted(),
        short.chipShadowKind ?? "—", H100Equivalents(short.chipShadowPrice).formatted(),
      ])
    }
    shadows.notes = [
      "0 H100e: that limit does not bind that year. Countries with no gap in any year are not listed."
    ]
    var tables = [summary, shadows]
    if let onSite = onSiteTable() { tables.append(onSite) }
    if yearByYear {
      for country in result.countries { tables.append(Self.yearTable(country)) }
    }
    return Report(tables: tables, json: json(), data: dataTables(yearsFirst: yearByYear))
  }

  static func yearTable(_ country: WallsResult.Country) -> Table {
    var table = Table(
      title: "\(country.country): year by year",
      columns: [
        .init("year", .right), .init("demand", .right), .init("served T / I", .right),
        .init("power avail", .right), .init("on-site", .right), .init("used", .right), .init("obtainable", .right),
        .init("fleet", .right),
        .init("gap", .right), .init("power gap", .right), .init("chip gap", .right), .init("binds"),
      ])
    for year in country.years {
      table.append([
        "\(year.year)", year.demand.formatted(),
        "\(NumberText.plain(year.trainingServedShare * 100, 3)) / \(NumberText.plain(year.inferenceServedShare * 100, 3)) %",
        year.powerAvailable.formatted(), year.onSitePower.formatted(), year.powerUsed.formatted(),
        year.chipsObtainable.formatted(),
        year.fleet.formatted(), year.gap.formatted(), year.powerGap.formatted(), year.chipGap.formatted(),
        year.binding.rawValue,
      ])
    }
    table.notes = [
      "served T / I = share of training / inference demand served; power avail = from the grid; on-site = firm behind-the-meter power built; obtainable = stock plus everything obtainable still in service; fleet = stock plus purchases in service (nominal H100e)."
    ]
    return table
  }

  static func gigawatts(_ power: Power) -> JSONValue { .number(JSONValue.rounded(power.watts / 1e9, 6)) }
  static func h100e(_ value: H100Equivalents) -> JSONValue { .number(value.value.rounded()) }
  static func share(_ value: Double) -> JSONValue { .number(JSONValue.rounded(value, 6)) }
  static func year(_ value: Int?) -> JSONValue { value.map { .number(Double($0)) } ?? .null }

  public func json() -> JSONValue {
    .object([
      ("scenario", .string(result.scenario)), ("scenarioName", .string(result.scenarioName)),
      ("demandCase", .string(result.demandCase)), ("wallThreshold", .number(result.wallThreshold)),
      ("split", .string(result.split.rawValue)), ("overrides", .array(overrides.map { .string($0) })),
      ("horizon", .object([("from", .number(Double(result.firstYear))), ("to", .number(Double(result.lastYear)))])),
      ("countries", .array(result.countries.map(Self.countryJSON))),
      ("objective", .number(result.objective.dollars.rounded())), ("objectiveUnit", "USD"),
      ("discountRate", .number(result.discountRate)),
      ("solver", .object([("name", .string(result.solver.name)), ("version", .string(result.solver.version))])),
      ("notes", .array(result.notes.map { .string($0) })),
    ])
  }

  /// A country's walls, without its years: the JSON country's head and the `countries` data table's row.
  static func countryRecord(_ country: WallsResult.Country) -> [(String, JSONValue)] {
    [
      ("country", .string(country.country)), ("powerWallYear", year(country.powerWallYear)),
      ("chipWallYear", year(country.chipWallYear)), ("firstShortYear", year(country.firstShortYear)),
      ("bindingWall", .string(country.bindingWall.rawValue)), ("costUSD", .number(country.cost.dollars.rounded())),
      ("onSiteCapexUSD", .number(country.onSiteCapex.dollars.rounded())),
    ]
  }

  /// One year of one country: a JSON year and, after the country, a `years` data table row.
  static func yearRecord(_ year: WallsResult.Year) -> [(String, JSONValue)] {
    [
      ("year", .number(Double(year.year))), ("demandH100e", h100e(year.demand)),
      ("trainingDemandH100e", h100e(year.trainingDemand)), ("inferenceDemandH100e", h100e(year.inferenceDemand)),
      ("demandGW", gigawatts(year.demandPower)), ("powerAvailableGW", gigawatts(year.powerAvailable)),
      ("powerUsedGW", gigawatts(year.powerUsed)), ("chipsObtainableH100e", h100e(year.chipsObtainable)),
      ("fleetH100e", h100e(year.fleet)), ("runningH100e", h100e(year.running)),
      ("acceleratorsBought", .number(year.acceleratorsBought.rounded())),
      ("trainingServedShare", share(year.trainingServedShare)),
      ("inferenceServedShare", share(year.inferenceServedShare)), ("servedShare", share(year.servedShare)),
      ("gapH100e", h100e(year.gap)), ("powerGapGW", gigawatts(year.powerGap)), ("chipGapH100e", h100e(year.chipGap)),
      ("binding", .string(year.binding.rawValue)),
      ("powerShadowH100ePerMW", .number(JSONValue.rounded(year.powerShadowPrice, 6))),
      ("chipShadowH100ePer1000Units", .number(JSONValue.rounded(year.chipShadowPrice, 6))),
      ("chipShadowKind", .string(year.chipShadowKind)), ("onSitePowerGW", gigawatts(year.onSitePower)),
      ("onSiteEmissionsT", .number(year.onSiteEmissions.in("t").rounded())),
    ]
  }

  static func countryJSON(_ country: WallsResult.Country) -> JSONValue {
    .object(
      countryRecord(country) + [
        (
          "purchases",
          .object(country.purchases.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value.rounded())) })
        ),
        ("years", .array(country.years.map { .object(yearRecord($0)) })),
      ])
  }

  /// The data tables: countries (walls), years (one row per country and year), purchases.
  public func dataTables(yearsFirst: Bool = false) -> [DataTable] {
    var countries = DataTable(
      name: "countries", rowMeaning: "one row per country: its walls and cost",
      columns: Self.countryColumns)
    var years = DataTable(
      name: "years", rowMeaning: "one row per country and year: demand, supply, served shares, gaps, shadow prices",
      columns: ["country"] + Self.yearColumns)
    var purchases = DataTable(
      name: "purchases", rowMeaning: "one row per country and accelerator bought over the horizon",
      columns: ["country", "accelerator", "units"])
    for country in result.countries {
      countries.append(Self.countryRecord(country))
      for year in country.years { years.append([("country", .string(country.country))] + Self.yearRecord(year)) }
      for (kind, units) in country.purchases.sorted(by: { $0.key < $1.key }) {
        purchases.append([
          ("country", .string(country.country)), ("accelerator", .string(kind)), ("units", .number(units.rounded())),
        ])
      }
    }
    return yearsFirst ? [years, countries, purchases] : [countries, years, purchases]
  }

  static let countryColumns = [
    "country", "powerWallYear", "chipWallYear", "firstShortYear", "bindingWall", "costUSD", "onSiteCapexUSD",
  ]

  static let yearColumns = [
    "year", "demandH100e", "trainingDemandH100e", "inferenceDemandH100e", "demandGW", "powerAvailableGW",
    "powerUsedGW", "chipsObtainableH100e", "fleetH100e", "runningH100e", "acceleratorsBought", "trainingServedShare",
    "inferenceServedShare", "servedShare", "gapH100e", "powerGapGW", "chipGapH100e", "binding",
    "powerShadowH100ePerMW", "chipShadowH100ePer1000Units", "chipShadowKind", "onSitePowerGW", "onSiteEmissionsT",
  ]
}

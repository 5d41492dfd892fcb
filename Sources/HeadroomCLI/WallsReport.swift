import Foundation
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

/// The walls result as tables for people and JSON for programs.
struct WallsReport {
  var result: WallsResult
  var scenario: Scenario
  var overrides: [String]

  static func year(_ year: Int?) -> String { year.map(String.init) ?? "none" }

  static func percent(_ share: Double) -> String { "\(NumberText.plain(share * 100, 3)) %" }

  /// A round step near 1 % of a quantity: 1, 2 or 5 times a power of ten.
  static func step(near value: Double) -> Double {
    let target = max(value * 0.01, 1e-9)
    let power = pow(10, floor(log10(target)))
    return [1.0, 2, 5, 10].map { $0 * power }.min { abs($0 - target) < abs($1 - target) } ?? power
  }

  /// One sentence of shadow prices for a country's first short year, in planner terms: what about 1 %
  /// more AI power, and about 1 % more of the best obtainable accelerator, would serve.
  static func shadowText(_ country: WallsResult.Country) -> String {
    guard let short = country.firstShortYear, let year = country.years.first(where: { $0.year == short }) else {
      return "demand met every year"
    }
    var parts: [String] = []
    let megawatts = step(near: year.powerAvailableMW)
    let powerGain = year.powerShadowPrice * megawatts / 2
    parts.append(
      powerGain > 1e-9
        ? "+\(Power(megawatts: megawatts).formatted()) in \(short) serves \(percent(powerGain)) more of demand"
        : "+MW in \(short) are worth 0 (power does not bind)")
    if let kind = year.chipShadowKind {
      let units = step(near: year.acceleratorsAvailable)
      let chipGain = year.chipShadowPrice * units / 10_000 / 2
      parts.append(
        chipGain > 1e-9
          ? "+\(Cells.grouped(units)) \(kind) serve \(percent(chipGain)) more"
          : "+\(Cells.grouped(units)) \(kind) are worth 0 (chips do not bind)")
    } else {
      parts.append("no accelerator obtainable in \(short)")
    }
    return parts.joined(separator: "; ")
  }

  func report(yearByYear: Bool) -> Report {
    var summary = Table(
      title: "Walls: \(scenario.name) (\(scenario.id)), \(scenario.firstYear)-\(scenario.lastYear)"
        + (overrides.isEmpty ? "" : "; --set \(overrides.joined(separator: " "))"),
      columns: [
        .init("country"), .init("power wall", .right), .init("chip wall", .right), .init("binds"),
        .init("first short", .right), .init("served 2030", .right), .init("served \(scenario.lastYear)", .right),
        .init("AI power 2030 used/avail"), .init("shadow prices in the first short year"),
      ])
    for country in result.countries {
      let y2030 = country.years.first { $0.year == 2030 } ?? country.years.last!
      let last = country.years.last!
      summary.append([
        country.country, Self.year(country.powerWallYear), Self.year(country.chipWallYear),
        country.bindingWall.rawValue, Self.year(country.firstShortYear), Self.percent(1 - y2030.unmetShare),
        Self.percent(1 - last.unmetShare),
        "\(Power(megawatts: y2030.powerUsedMW).formatted()) / \(Power(megawatts: y2030.powerAvailableMW).formatted())",
        Self.shadowText(country),
      ])
    }
    summary.notes =
      [
        "power wall = first year demand goes unmet with chips unlimited; chip wall = first year with power unlimited; none = not within the horizon.",
        "binds = which limit the joint model's duals show in its first short year (power, chip, both, none).",
        "shadow prices: what about 1 % more AI power, or 1 % more of the best obtainable accelerator, would serve that year (from the duals; linear, so small steps only).",
        "served = share of demand met, averaged over training (PFLOP/s) and inference (reference-model tokens/s).",
        "Demand starts at what each 2025 fleet serves and grows by the scenario's demand_growth; AI power starts at what that fleet draws (see Scenarios/\(scenario.id).yaml).",
        "Solver: \(result.solverName) \(LiveSolver.version); cost-phase objective \(Money(dollars: result.objective * 1e6).formatted()) (present value of capex + energy at \(NumberText.plain(scenario.discountRate * 100, 3)) %).",
      ] + result.notes
    var tables = [summary]
    if yearByYear {
      for country in result.countries {
        var table = Table(
          title: "\(country.country): year by year",
          columns: [
            .init("year", .right), .init("training demand", .right), .init("inference demand", .right),
            .init("served", .right), .init("AI power used", .right), .init("available", .right),
            .init("accelerators running", .right), .init("owned", .right), .init("bought", .right),
            .init("MW shadow", .right), .init("chip shadow", .right),
          ])
        for year in country.years {
          table.append([
            "\(year.year)", "\(NumberText.plain(year.trainingDemand / 1000, 3)) EFLOP/s",
            "\(NumberText.plain(year.inferenceDemand, 3)) Mtok/s", Self.percent(1 - year.unmetShare),
            Power(megawatts: year.powerUsedMW).formatted(), Power(megawatts: year.powerAvailableMW).formatted(),
            Cells.grouped(year.acceleratorsRunning), Cells.grouped(year.acceleratorsAvailable),
            Cells.grouped(year.acceleratorsBought), NumberText.plain(year.powerShadowPrice, 3),
            NumberText.plain(year.chipShadowPrice, 3),
          ])
        }
        table.notes = [
          "MW shadow: demand share (training + inference, as fractions) one more MW would serve; chip shadow: share 10,000 more \(country.years.compactMap(\.chipShadowKind).last ?? "units") would serve."
        ]
        tables.append(table)
      }
    }
    return Report(tables: tables, json: json())
  }

  func json() -> JSONValue {
    .object([
      ("scenario", .string(scenario.id)), ("scenarioName", .string(scenario.name)),
      ("overrides", .array(overrides.map { .string($0) })),
      (
        "horizon", .object([("from", .number(Double(scenario.firstYear))), ("to", .number(Double(scenario.lastYear)))])
      ),
      (
        "units",
        .object([
          ("trainingDemand", "PFLOP/s sustained"), ("inferenceDemand", "million reference-model tokens/s"),
          ("powerShadowPrice", "demand share served per MW"),
          ("chipShadowPrice", "demand share served per 10,000 units"),
          ("objective", "million USD"),
        ])
      ),
      ("countries", .array(result.countries.map(Self.countryJSON))),
      ("objective", .number(result.objective)),
      ("solver", .object([("name", .string(result.solverName)), ("version", .string(LiveSolver.version))])),
      ("notes", .array(result.notes.map { .string($0) })),
    ])
  }

  static func countryJSON(_ country: WallsResult.Country) -> JSONValue {
    .object([
      ("country", .string(country.country)),
      ("powerWallYear", country.powerWallYear.map { .number(Double($0)) } ?? .null),
      ("chipWallYear", country.chipWallYear.map { .number(Double($0)) } ?? .null),
      ("bindingWall", .string(country.bindingWall.rawValue)),
      ("firstShortYear", country.firstShortYear.map { .number(Double($0)) } ?? .null),
      ("costMillionUSD", .number(country.costMillions)),
      ("purchases", .object(country.purchases.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) })),
      (
        "years",
        .array(
          country.years.map { year in
            .object([
              ("year", .number(Double(year.year))), ("trainingDemand", .number(year.trainingDemand)),
              ("inferenceDemand", .number(year.inferenceDemand)), ("trainingServed", .number(year.trainingServed)),
              ("inferenceServed", .number(year.inferenceServed)), ("served", .number(1 - year.unmetShare)),
              ("unmetShare", .number(year.unmetShare)), ("powerUsedMW", .number(year.powerUsedMW)),
              ("powerAvailableMW", .number(year.powerAvailableMW)),
              ("acceleratorsRunning", .number(year.acceleratorsRunning)),
              ("acceleratorsAvailable", .number(year.acceleratorsAvailable)),
              ("acceleratorsBought", .number(year.acceleratorsBought)),
              ("powerShadowPrice", .number(year.powerShadowPrice)), ("chipShadowPrice", .number(year.chipShadowPrice)),
              ("chipShadowKind", .string(year.chipShadowKind)),
            ])
          })
      ),
    ])
  }
}

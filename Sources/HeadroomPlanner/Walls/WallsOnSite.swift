import HeadroomModel

/// One behind-the-meter generation option a country's walls LP may build, in the model's units.
///
/// Units: MW of nameplate, millions of USD, tonnes of CO2; a MW-year is one MW for 8,766 hours.
public struct WallsOnSite: Sendable, Hashable {
  /// The generation option's id (`Grids/generation/<id>.yaml`).
  public var id: String
  /// Share of nameplate counted as firm power (the option's availability).
  public var firmShare: Double
  /// [year index] MW of nameplate that can be in service by that year (cumulative, never falling).
  public var buildable: [Double]
  /// Millions of USD per MW of nameplate (overnight capital cost).
  public var capexMillionsPerMegawatt: Double
  /// Millions of USD per MW-year of firm output (fuel and variable operating cost).
  public var operatingMillionsPerMegawattYear: Double
  /// Tonnes of CO2 per MW-year of firm output (at the stack).
  public var tonnesPerMegawattYear: Double

  public init(
    id: String, firmShare: Double, buildable: [Double], capexMillionsPerMegawatt: Double,
    operatingMillionsPerMegawattYear: Double, tonnesPerMegawattYear: Double
  ) {
    self.id = id
    self.firmShare = firmShare
    self.buildable = buildable
    self.capexMillionsPerMegawatt = capexMillionsPerMegawatt
    self.operatingMillionsPerMegawattYear = operatingMillionsPerMegawattYear
    self.tonnesPerMegawattYear = tonnesPerMegawattYear
  }
}

extension WallsOnSite {
  /// The options a country may build under a scenario's `behind_the_meter` settings, over its years.
  ///
  /// Decisions start on the first day after the base year (the horizon's first year): an option
  /// ordered then is in service from ``GenerationOption/firstYear(orderedOn:)``, and each year from
  /// then on adds its supply limit for that year × the country's share of a global limit (all of a
  /// national limit in this country) × the option's scale. Options with no supply limit, none for this
  /// country, or nothing in service by the horizon's end are left out.
  public static func options(catalog: Catalog, scenario: Scenario, country: String) -> [WallsOnSite] {
    let settings = scenario.behindTheMeter
    guard settings.allowed else { return [] }
    let years = Array(scenario.years)
    let ordered = Day(year: scenario.firstYear + 1)
    let megawattYear = Power(megawatts: 1) * TimeSpan(years: 1)
    return catalog.generation.sorted { $0.id < $1.id }.compactMap { option in
      guard option.isAvailable(in: country), let limit = option.supplyLimit else { return nil }
      let share: Double
      switch limit.scope {
      case .global: share = settings.shares[country] ?? 0
      case .national(let code): share = code == country ? 1 : 0
      }
      let scale = settings.scales[option.id] ?? 1
      let arrival = option.firstYear(orderedOn: ordered)
      var total = 0.0
      let buildable = years.map { year in
        if year >= arrival { total += limit.capacity(in: year).megawatts * share * scale }
        return total
      }
      guard total > 0 else { return nil }
      return WallsOnSite(
        id: option.id, firmShare: option.availability, buildable: buildable,
        capexMillionsPerMegawatt: (Power(megawatts: 1) * option.capex).dollars / 1e6,
        operatingMillionsPerMegawattYear: (megawattYear * option.operatingCost).dollars / 1e6,
        tonnesPerMegawattYear: (megawattYear * option.emissions).in("t"))
    }
  }
}

/// What data centres in a country (or one of its regions) can get, year by year: grid power after the queue
/// and limits, and the behind-the-meter options they may build with their per-year limits, lead times, costs
/// and emissions. Build it with ``Catalog/powerSupply(country:region:from:to:)``.
///
/// Grid figures are average load for a country (as the walls model reads `Grids/countries`) and connected
/// capacity for a region (as sites are written); ``basis`` says which. Behind-the-meter capacity is nameplate;
/// its firm contribution is nameplate × ``Option/availability``.
///
/// For the walls model: a build decided in year y (ordered on 1 January) counts from
/// ``Option/firstYear(orderedIn:)``; per year at most ``Year/options``' `newCapacityLimit` may be added
/// (nil: no published limit). A `global` limit is shared by every country: the walls must hold the sum over
/// countries under it (one row per option and year), or give each country a share; a `national` limit is the
/// owner's alone (other countries see zero).
public struct PowerSupply: Sendable, Hashable {
  /// What the grid figures measure.
  public enum Basis: String, Sendable, Hashable {
    /// Average data-centre load (country series).
    case averageLoad = "average load"
    /// Connected data-centre capacity (region series).
    case connectedCapacity = "connected capacity"
  }

  /// A behind-the-meter option as the walls or a site plan price it.
  public struct Option: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var technology: GenerationOption.Technology
    public var combustion: Bool
    public var capex: PowerCost
    public var operatingCost: EnergyPrice
    public var emissions: CarbonIntensity
    public var leadTime: TimeSpan
    public var availability: Double
    public var earliestYear: Int?
    /// `global`, `national (US)`, or nil when no limit is published.
    public var limitScope: GenerationOption.SupplyLimit.Scope?

    /// The first year a build ordered on 1 January of `year` counts.
    public func firstYear(orderedIn year: Int) -> Int {
      max(Day(year: year).adding(leadTime).firstWholeYear, earliestYear ?? Int.min)
    }
  }

  /// One option's limit in one year.
  public struct OptionYear: Sendable, Hashable {
    public var option: String
    /// New nameplate capacity that may be added that year (nil: no published limit).
    public var newCapacityLimit: Power?
  }

  /// One year of supply.
  public struct Year: Sendable, Hashable {
    public var year: Int
    /// Grid power available to data centres after the queue and limits.
    public var grid: Power
    /// What the grid added that year (after moratoria, before caps).
    public var gridAdded: Power
    /// Lost to moratoria that year.
    public var gridBlocked: Power
    public var limitsInForce: [String]
    public var cappedBy: String?
    /// Per option the country may build: its limit that year.
    public var options: [OptionYear]
  }

  public var country: String
  /// The region, when the series is a region's.
  public var region: String?
  public var basis: Basis
  /// Time to energise a new large load, when the area publishes one.
  public var timeToEnergise: TimeSpan?
  public var years: [Year]
  /// The options the country may build, in catalog order.
  public var options: [Option]
}

extension Catalog {
  /// The power supply of a country (or one of its regions) from `first` to `last`: grid series after queue
  /// lag and limits, and the behind-the-meter options the country may build with their per-year limits.
  ///
  /// - Throws: ``CatalogError`` for an unknown country or region (naming the nearest ids), or `first > last`.
  public func powerSupply(country id: String, region regionID: String? = nil, from first: Int, to last: Int)
    throws(CatalogError) -> PowerSupply
  {
    guard first <= last else {
      throw CatalogError(value: "\(first)-\(last)", expected: "the series must start before it ends")
    }
    let country = try country(id)
    var series: [Country.SupplyYear]
    var basis = PowerSupply.Basis.averageLoad
    var region: Country.Region?
    if let regionID {
      guard let found = country.region(regionID) else {
        throw CatalogError(
          value: regionID,
          expected: "unknown grid region of \(country.id)"
            + NearestNames.suggestion(for: regionID, among: country.regions.map(\.id))
            + (country.regions.isEmpty ? " (\(country.id) has no regions)" : ""))
      }
      region = found
      series = found.dataCentreCapacity(from: first, to: last)
      basis = .connectedCapacity
    } else {
      series = country.dataCentrePower(from: first, to: last)
    }
    let allowed = generation.filter { $0.isAvailable(in: country.id) }
    let options = allowed.map { option in
      PowerSupply.Option(
        id: option.id, name: option.name, technology: option.technology, combustion: option.combustion,
        capex: option.capex, operatingCost: option.operatingCost, emissions: option.emissions,
        leadTime: option.leadTime, availability: option.availability, earliestYear: option.earliestYear,
        limitScope: option.supplyLimit?.scope)
    }
    let years = series.map { entry in
      PowerSupply.Year(
        year: entry.year, grid: entry.available, gridAdded: entry.added, gridBlocked: entry.blocked,
        limitsInForce: entry.limitsInForce, cappedBy: entry.cappedBy,
        options: allowed.map {
          .init(option: $0.id, newCapacityLimit: $0.newCapacityLimit(in: entry.year, country: country.id))
        })
    }
    return PowerSupply(
      country: country.id, region: region?.id, basis: basis,
      timeToEnergise: (region?.interconnection ?? country.interconnection)?.timeToEnergise, years: years,
      options: options)
  }
}

import HeadroomModel

/// Where a workload runs, as far as its energy is concerned: the PUE, the price of electricity and the
/// carbon intensity of the grid.
public struct Facility: Sendable, Hashable {
  /// What the figures come from, e.g. "country US", "site abilene-campus (US)", "--pue 1.2".
  public var name: String
  /// Facility power / IT power.
  public var pue: Double
  /// Industrial electricity price, when known.
  public var electricityPrice: EnergyPrice?
  /// Grid carbon intensity, when known.
  public var carbonIntensity: CarbonIntensity?

  public init(name: String, pue: Double, electricityPrice: EnergyPrice? = nil, carbonIntensity: CarbonIntensity? = nil)
  {
    self.name = name
    self.pue = pue
    self.electricityPrice = electricityPrice
    self.carbonIntensity = carbonIntensity
  }

  /// A country's typical PUE, industrial price and grid intensity (a given PUE overrides the country's).
  public init(country: Country, pue: Double? = nil) {
    self.init(
      name: "country \(country.id)", pue: pue ?? country.pue, electricityPrice: country.electricityPrice,
      carbonIntensity: country.carbonIntensity)
  }

  /// A site's PUE with its country's price and intensity (a given PUE overrides the site's).
  public init(site: Site, country: Country?, pue: Double? = nil) {
    self.init(
      name: "site \(site.id) (\(site.country))", pue: pue ?? site.pue, electricityPrice: country?.electricityPrice,
      carbonIntensity: country?.carbonIntensity)
  }
}

import HeadroomModel

/// One country's power outlook for data centres: the national series after the queue and limits, each
/// region's series, and the behind-the-meter options the country may build (what `headroom grid show` reports).
public struct GridOutlook: Sendable {
  /// One region's outlook.
  public struct RegionOutlook: Sendable {
    public var region: Country.Region
    public var supply: PowerSupply
  }

  public var country: Country
  public var national: PowerSupply
  public var regions: [RegionOutlook]
  /// The options the country may build, with their provenance.
  public var options: [GenerationOption]
  public var from: Int
  public var to: Int

  /// Builds the outlook from the catalog.
  ///
  /// - Throws: ``CatalogError`` for an unknown country or `from > to`.
  public init(catalog: Catalog, country id: String, from: Int, to: Int) throws(CatalogError) {
    let country = try catalog.country(id)
    self.country = country
    self.national = try catalog.powerSupply(country: country.id, from: from, to: to)
    var regions: [RegionOutlook] = []
    for region in country.regions {
      regions.append(
        .init(
          region: region, supply: try catalog.powerSupply(country: country.id, region: region.id, from: from, to: to)))
    }
    self.regions = regions
    self.options = catalog.generation.filter { $0.isAvailable(in: country.id) }
    self.from = from
    self.to = to
  }
}

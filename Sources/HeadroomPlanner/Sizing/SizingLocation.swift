import HeadroomModel

/// Where a sized workload runs, as a request gives it: a PUE, a country or a site (default: the US).
public struct SizingLocation: Sendable, Hashable, Codable {
  /// Facility power / IT power, overriding the site's or country's.
  public var pue: Double?
  /// Country ISO code, for PUE, electricity price and carbon intensity.
  public var country: String?
  /// Site id, for PUE; price and intensity come from its country.
  public var site: String?

  /// The country used when neither a country nor a site is given.
  public static let defaultCountry = "US"

  public init(pue: Double? = nil, country: String? = nil, site: String? = nil) {
    self.pue = pue
    self.country = country
    self.site = site
  }

  /// The facility: the site's (with its country's price and intensity), else the country's, else the
  /// US's, else the PUE alone.
  ///
  /// - Throws: ``SizingError/invalidInput(field:value:expected:)`` for a PUE below 1 or both a site and a
  ///   country; a ``CatalogError`` for an unknown site or country.
  public func facility(_ catalog: Catalog) throws -> Facility {
    if let pue, !(pue >= 1 && pue.isFinite) {
      throw SizingError.invalidInput(
        field: "pue", value: NumberText.plain(pue, 4), expected: "a number of at least 1 (facility power / IT power)")
    }
    if let site, let country {
      throw SizingError.invalidInput(
        field: "site and country", value: "\(site), \(country)", expected: "one of them (a site's country is known)")
    }
    if let site {
      let found = try catalog.site(site)
      return Facility(site: found, country: try? catalog.country(found.country), pue: pue)
    }
    if let country { return Facility(country: try catalog.country(country), pue: pue) }
    if let home = try? catalog.country(Self.defaultCountry) { return Facility(country: home, pue: pue) }
    if let pue { return Facility(name: "pue \(NumberText.plain(pue, 4))", pue: pue) }
    throw SizingError.invalidInput(
      field: "location", value: "none", expected: "a PUE, a country or a site (the data has no US country file)")
  }
}

import HeadroomModel

/// The export terms for every country, year and produced kind of a scenario, computed once.
///
/// Classifying a part and matching the destination rules is the costly part of building walls
/// inputs; a sweep varies numbers, never the rules or the countries, so its samples share one table.
public struct ExportDecisionTable: Sendable {
  /// The country whose export rules the catalog holds: its merchant parts go by the global allocation.
  public static let controllingCountry = "US"

  /// country → year → accelerator id → terms.
  let terms: [String: [Int: [String: ExportTerms]]]

  /// The terms for the scenario's countries, years (after the base year) and the kinds in `kinds`.
  public init(catalog: Catalog, scenario: Scenario, kinds: [String]) throws(CatalogError) {
    var terms: [String: [Int: [String: ExportTerms]]] = [:]
    let parts = try kinds.map { id throws(CatalogError) in try catalog.accelerator(id) }
    for year in scenario.years where year > scenario.firstYear {
      let rules = try catalog.ruleSet(scenario.rules, year: year)
      for settings in scenario.countries {
        let country = try catalog.country(settings.country)
        for part in parts {
          terms[country.id, default: [:]][year, default: [:]][part.id] = rules.terms(
            for: ExportItem(part), to: country.destination)
        }
      }
    }
    self.terms = terms
  }

  /// The terms, when the table holds them.
  public func terms(country: String, year: Int, accelerator: String) -> ExportTerms? {
    terms[country]?[year]?[accelerator]
  }
}

import HeadroomModel

/// The export terms for every country, year and produced kind of a scenario, computed once.
///
/// Classifying a part and matching the destination rules is the costly part of building walls
/// inputs; a sweep varies numbers, never the rules or the countries, so its samples share one table.
public struct ExportDecisionTable: Sendable {
  /// The country whose export rules the catalog holds: its merchant parts go by the global allocation.
  public static let controllingCountry = "US"

  /// What building walls inputs reads of a part's terms (the whole terms carry text, costly to copy
  /// by the thousand).
  struct Entry: Sendable {
    var access: ExportTerms.Access
    var volumeCap: ExportPolicy.VolumeCap?
    var cumulativeCap: ExportPolicy.Cap?
  }

  /// accelerator id → its column in ``rows``.
  let columns: [String: Int]
  /// country → year → terms by column (an array, so that building inputs looks each up without hashing).
  let rows: [String: [Int: [Entry]]]

  /// The terms for the scenario's countries, years (after the base year) and the kinds in `kinds`.
  public init(catalog: Catalog, scenario: Scenario, kinds: [String]) throws(CatalogError) {
    var rows: [String: [Int: [Entry]]] = [:]
    let parts = try kinds.map { id throws(CatalogError) in try catalog.accelerator(id) }
    for year in scenario.years where year > scenario.firstYear {
      let rules = try catalog.ruleSet(scenario.rules, year: year)
      for settings in scenario.countries {
        let country = try catalog.country(settings.country)
        rows[country.id, default: [:]][year] = parts.map { part in
          let terms = rules.terms(for: ExportItem(part), to: country.destination)
          return Entry(access: terms.access, volumeCap: terms.volumeCap, cumulativeCap: terms.cumulativeCap)
        }
      }
    }
    self.columns = Dictionary(uniqueKeysWithValues: parts.enumerated().map { ($1.id, $0) })
    self.rows = rows
  }

  /// An accelerator's column in ``terms(of:)``'s rows, when the table holds it.
  func column(of accelerator: String) -> Int? { columns[accelerator] }

  /// A country's terms: year → terms by column (``column(of:)``).
  func terms(of country: String) -> [Int: [Entry]] { rows[country] ?? [:] }
}

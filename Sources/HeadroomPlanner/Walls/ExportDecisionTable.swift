import HeadroomModel

/// The export decision for every country, year and produced kind of a scenario, computed once.
///
/// Classifying a part and matching the destination rules is the costly part of building walls
/// inputs; a sweep varies numbers, never the rules or the countries, so its samples share one table.
public struct ExportDecisionTable: Sendable {
  /// country → year → accelerator id → decision.
  let decisions: [String: [Int: [String: ExportDecision]]]

  /// The decisions for the scenario's countries, years (after the base year) and produced kinds.
  public init(catalog: Catalog, scenario: Scenario) throws(CatalogError) {
    var decisions: [String: [Int: [String: ExportDecision]]] = [:]
    let parts = try scenario.production.map { production throws(CatalogError) in
      try catalog.accelerator(production.accelerator)
    }
    for year in scenario.years where year > scenario.firstYear {
      let rules = try catalog.ruleSet(for: scenario.rules, in: year)
      for settings in scenario.countries {
        let country = try catalog.country(settings.country)
        for part in parts {
          decisions[country.id, default: [:]][year, default: [:]][part.id] = catalog.exportDecision(
            for: part, to: country, under: rules)
        }
      }
    }
    self.decisions = decisions
  }

  /// The decision, when the table holds it.
  public func decision(country: String, year: Int, accelerator: String) -> ExportDecision? {
    decisions[country]?[year]?[accelerator]
  }
}

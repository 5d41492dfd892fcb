extension Catalog {
  /// The rule set that applies in a year of a scenario: the one in force on 1 July, or a fixed one.
  public func ruleSet(_ rules: Scenario.Rules, year: Int) throws(CatalogError) -> ExportRuleSet {
    switch rules {
    case .inForce: return try ruleSet(inForceOn: Scenario.ruleDay(in: year))
    case .fixed(let id): return try ruleSet(id)
    }
  }

  /// The terms on which a country obtains a catalog part on a day (rules in force that day).
  ///
  /// For example `try catalog.exportTerms(for: "h20", to: "CN", on: Day(year: 2025, month: 5, day: 1))`
  /// is `denied` (the April 2025 letter, before the August licences).
  public func exportTerms(for part: String, to country: String, on day: Day) throws(CatalogError) -> ExportTerms {
    try ruleSet(inForceOn: day).terms(for: ExportItem(accelerator(part)), to: self.country(country).destination)
  }

  /// The terms on which a country obtains a part in a year of a scenario (``ruleSet(_:year:)``): what
  /// the walls model needs per destination, year and part — access, route, fee and supply caps.
  public func exportTerms(
    for part: Accelerator, to country: Country, year: Int, rules: Scenario.Rules = .inForce
  ) throws(CatalogError) -> ExportTerms {
    try ruleSet(rules, year: year).terms(for: ExportItem(part), to: country.destination)
  }
}

import HeadroomModel
import Yams

extension GenerationOption {
  static let yamlKeys = [
    "id", "name", "technology", "combustion", "capex", "operating_cost", "emissions", "lead_time", "availability",
    "earliest_year", "countries", "supply_limit", "sources",
  ]

  /// Reads a behind-the-meter generation option from its YAML file (see `Grids/README.md`).
  static func read(_ node: Node, file: String) throws(CatalogError) -> GenerationOption {
    var item = try YAMLMapping(node, file: file, log: FieldLog())
    let id = try item.string("id")
    let name = try item.string("name")
    guard let technology = try item.choice("technology", Technology.self) else {
      let allowed = Technology.allCases.map(\.rawValue).joined(separator: " | ")
      throw item.error("technology", nil, "missing field: \(allowed)")
    }
    guard let combustion = try item.bool("combustion") else {
      throw item.error("combustion", nil, "missing field: true when it burns fuel on site (counts against air permits)")
    }
    let capex = try item.requiredQuantity("capex", PowerCost.self, in: Ranges.capex)
    guard
      let operating = try item.quantity("operating_cost", EnergyPrice.self, positive: false, in: Ranges.operatingCost)
    else {
      throw item.error("operating_cost", nil, "missing field (fuel plus O&M per MWh, e.g. '45 USD/MWh')")
    }
    guard let emissions = try item.quantity("emissions", CarbonIntensity.self, positive: false, in: Ranges.emissions)
    else {
      throw item.error("emissions", nil, "missing field (CO2 per kWh made, e.g. '500 g/kWh'; '0 g/kWh' for nuclear)")
    }
    let leadNode = item.node("lead_time")
    guard let lead = try item.quantity("lead_time", TimeSpan.self, positive: false) else {
      throw item.error("lead_time", nil, "missing field (from order to power, e.g. '2 years')")
    }
    guard lead.seconds >= 0 else {
      throw item.error(
        "lead_time", leadNode, "expected a lead time of zero or more (from order to power, e.g. '2 years')")
    }
    try item.check("lead_time", lead, in: Ranges.leadTime)
    guard let availability = try item.number("availability", in: 0.01...1, what: "a share of nameplate") else {
      throw item.error("availability", nil, "missing field (share of nameplate that is firm supply, e.g. 0.93)")
    }
    let earliest = try item.int("earliest_year", in: 1990...2100)
    let countries = try item.strings("countries")
    var limit: SupplyLimit?
    if var block = try item.mapping("supply_limit") {
      guard let scopeText = try block.optionalString("scope") else {
        throw block.error("scope", nil, "missing field: 'global' or the ISO code of the country it belongs to")
      }
      let scope: SupplyLimit.Scope = scopeText == "global" ? .global : .national(scopeText)
      guard let perYear = try block.yearSeries("per_year", Power.self, positive: false), !perYear.isEmpty else {
        throw block.error("per_year", nil, "missing field: new capacity by year, e.g. {2026: 20 GW}")
      }
      _ = try block.optionalString("note")
      try block.rejectUnknownKeys(allowed: ["scope", "per_year", "note"])
      limit = SupplyLimit(scope: scope, byYear: perYear)
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: yamlKeys)
    return GenerationOption(
      id: id, name: name, technology: technology, combustion: combustion, capex: capex, operatingCost: operating,
      emissions: emissions, leadTime: lead, availability: availability, earliestYear: earliest, countries: countries,
      supplyLimit: limit, provenance: provenance)
  }
}

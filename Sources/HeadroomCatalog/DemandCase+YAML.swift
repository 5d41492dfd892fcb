import Foundation
import HeadroomModel
import Yams

/// Reads demand cases (`Scenarios/demand/<id>.yaml`) and the partial demand blocks of scenarios.
extension DemandCase {
  static let keys = [
    "id", "name", "description", "basis", "growth", "training_share", "efficiency", "power_per_h100e", "countries",
    "sources",
  ]
  static let countryKeys = ["growth", "training_share", "efficiency", "additions", "power_additions"]

  /// Reads a whole case file.
  static func read(_ item: inout YAMLMapping) throws(CatalogError) -> DemandCase {
    let id = try item.string("id")
    let name = try item.string("name")
    _ = try item.optionalString("description")
    _ = try item.optionalString("basis")
    guard var growthBlock = try item.mapping("growth") else {
      throw item.error("growth", nil, "missing field: {start: 2.3, long_run: 1.3, half_life: 3}")
    }
    let override = try GrowthPath.Override.read(&growthBlock)
    guard let start = override.start, let longRun = override.longRun, let halfLife = override.halfLife else {
      throw growthBlock.error("start", nil, "a case's growth needs start, long_run and half_life")
    }
    let growth = GrowthPath(start: start, longRun: longRun, halfLife: halfLife, byYear: override.byYear)
    let trainingShare = try item.yearNumbers("training_share", Scenario.Ranges.share).map(YearShares.init)
    var efficiency = DemandCase.Efficiency()
    if var block = try item.mapping("efficiency") {
      efficiency.training = try block.number("training", Scenario.Ranges.efficiency) ?? 1
      efficiency.inference = try block.number("inference", Scenario.Ranges.efficiency) ?? 1
      try block.rejectUnknownKeys(allowed: ["training", "inference"])
    }
    var powerPerH100e: [Int: Power] = [:]
    if var block = try item.mapping("power_per_h100e") {
      for key in block.keys {
        guard let year = Int(key), (2000...2100).contains(year) else {
          throw block.error(key, nil, "expected a year (2000-2100) as the key")
        }
        powerPerH100e[year] = try block.quantity(key, Power.self)
      }
    }
    var countries: [String: CountryDemand] = [:]
    if var block = try item.mapping("countries") {
      for code in block.keys {
        guard var entry = try block.mapping(code) else { continue }
        countries[code] = try CountryDemand.read(&entry)
      }
    }
    let provenance = try Provenance.read(from: &item)
    try item.rejectUnknownKeys(allowed: keys)
    return DemandCase(
      id: id, name: name, growth: growth, trainingShare: trainingShare ?? YearShares([:]), efficiency: efficiency,
      powerPerH100e: powerPerH100e, countries: countries, provenance: provenance)
  }

  /// Applies a scenario's `demand:` block (everything but `case`) to the case it names.
  mutating func apply(scenarioBlock block: inout YAMLMapping) throws(CatalogError) {
    if var growthBlock = try block.mapping("growth") {
      growth = growth.applying(try GrowthPath.Override.read(&growthBlock))
    }
    if let shares = try block.yearNumbers("training_share", Scenario.Ranges.share) {
      trainingShare = YearShares(shares)
    }
    if var efficiencyBlock = try block.mapping("efficiency") {
      efficiency.training = try efficiencyBlock.number("training", Scenario.Ranges.efficiency) ?? efficiency.training
      efficiency.inference =
        try efficiencyBlock.number("inference", Scenario.Ranges.efficiency) ?? efficiency.inference
      try efficiencyBlock.rejectUnknownKeys(allowed: ["training", "inference"])
    }
  }
}

extension DemandCase.CountryDemand {
  /// Reads a country's departures from its case (in a case file or a scenario's country block),
  /// laid over what the case already says for the country.
  static func read(_ entry: inout YAMLMapping, over base: Self = .init()) throws(CatalogError) -> Self {
    var result = base
    if var block = try entry.mapping("growth") {
      let override = try GrowthPath.Override.read(&block)
      var merged = result.growth ?? .init()
      merged.start = override.start ?? merged.start
      merged.longRun = override.longRun ?? merged.longRun
      merged.halfLife = override.halfLife ?? merged.halfLife
      merged.byYear.merge(override.byYear) { _, new in new }
      result.growth = merged
    }
    if let shares = try entry.yearNumbers("training_share", Scenario.Ranges.share) {
      result.trainingShare = YearShares(shares)
    }
    if var block = try entry.mapping("efficiency") {
      result.efficiencyTraining = try block.number("training", Scenario.Ranges.efficiency) ?? result.efficiencyTraining
      result.efficiencyInference =
        try block.number("inference", Scenario.Ranges.efficiency) ?? result.efficiencyInference
      try block.rejectUnknownKeys(allowed: ["training", "inference"])
    }
    if let additions = try entry.yearNumbers("additions", Scenario.Ranges.h100e) {
      for (year, value) in additions { result.additions[year] = H100Equivalents(value) }
    }
    if var block = try entry.mapping("power_additions") {
      for key in block.keys {
        guard let year = Int(key), (2000...2100).contains(year) else {
          throw block.error(key, nil, "expected a year (2000-2100) as the key")
        }
        result.powerAdditions[year] = try block.quantity(key, Power.self)
      }
    }
    try entry.rejectUnknownKeys(allowed: DemandCase.countryKeys)
    return result
  }
}

extension GrowthPath.Override {
  /// Reads `{start: 2.3, long_run: 1.3, half_life: 3, by_year: {2026: 2.5}}`, every field optional.
  static func read(_ block: inout YAMLMapping) throws(CatalogError) -> Self {
    let result = Self(
      start: try block.number("start", Scenario.Ranges.growth),
      longRun: try block.number("long_run", Scenario.Ranges.growth),
      halfLife: try block.number("half_life", Scenario.Ranges.halfLife),
      byYear: try block.yearNumbers("by_year", Scenario.Ranges.growth) ?? [:])
    try block.rejectUnknownKeys(allowed: ["start", "long_run", "half_life", "by_year"])
    return result
  }
}

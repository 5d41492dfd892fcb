/// Numeric scenario fields as typed setters, so a sweep can vary a loaded ``Scenario`` directly instead
/// of re-reading its file for every sample.
///
/// Each path is the one `--set` uses (`countries.US.power_scale`, `demand.growth.start`); a test checks
/// that setting a value through a parameter gives the same scenario as setting it in the file.
extension Scenario {
  /// One numeric field a sweep may vary.
  public struct Parameter: Sendable {
    /// The dotted path, as `--set` writes it.
    public var path: String
    /// The accepted range.
    public var range: FieldRange
    let setter: @Sendable (inout Scenario, Double) -> Void

    /// Sets the field to `value` (checked against ``range`` by ``check(_:)``, not here).
    public func apply(_ value: Double, to scenario: inout Scenario) { setter(&scenario, value) }

    /// Throws when `value` is outside the field's range or not whole where it must be.
    public func check(_ value: Double) throws(CatalogError) {
      guard value.isFinite, range.range.contains(value), !range.whole || value == value.rounded() else {
        throw CatalogError(
          field: path, value: "\(value)",
          expected: "\(range.what) in \(range.range.lowerBound)...\(range.range.upperBound)")
      }
    }
  }

  /// Every numeric path of this scenario a sweep can vary.
  public var parameterPaths: [String] {
    var paths = [
      "lifetime", "wall_threshold", "ai_share_of_dc_growth", "dc_load_factor", "discount_rate",
      "licence_uptake", "demand.growth.start", "demand.growth.long_run", "demand.growth.half_life",
      "demand.efficiency.training", "demand.efficiency.inference",
    ]
    for country in countries.map(\.country) {
      paths += ["licence_uptake", "power_scale", "domestic_scale"].map { "countries.\(country).\($0)" }
      paths += ["growth.start", "growth.long_run", "growth.half_life", "efficiency.training", "efficiency.inference"]
        .map { "countries.\(country).demand.\($0)" }
      paths.append("allocation.\(country)")
    }
    for production in production {
      paths += production.unitsByYear.keys.sorted().map { "production.\(production.accelerator).units.\($0)" }
    }
    paths += supplyScales.keys.sorted().map { "supply_scales.\($0)" }
    paths += behindTheMeter.shares.keys.sorted().map { "behind_the_meter.shares.\($0)" }
    paths += behindTheMeter.scales.keys.sorted().map { "behind_the_meter.scales.\($0)" }
    return paths
  }

  /// The typed setter of a numeric path; an unknown path is an error naming the nearest valid ones.
  public func parameter(_ path: String) throws(CatalogError) -> Parameter {
    let segments = path.split(separator: ".").map(String.init)
    func parameter(_ range: FieldRange, _ setter: @escaping @Sendable (inout Scenario, Double) -> Void) -> Parameter {
      Parameter(path: path, range: range, setter: setter)
    }
    switch segments {
    case ["lifetime"]: return parameter(Ranges.lifetime) { $0.lifetime = Int($1.rounded()) }
    case ["wall_threshold"]: return parameter(Ranges.threshold) { $0.wallThreshold = $1 }
    case ["ai_share_of_dc_growth"]: return parameter(Ranges.share) { $0.aiShareOfGrowth = $1 }
    case ["dc_load_factor"]: return parameter(Ranges.loadFactor) { $0.dcLoadFactor = $1 }
    case ["discount_rate"]: return parameter(Ranges.discountRate) { $0.discountRate = $1 }
    case ["licence_uptake"]: return parameter(Ranges.share) { $0.licenceUptake = $1 }
    case ["demand", "growth", "start"]: return parameter(Ranges.growth) { $0.demand.growth.start = $1 }
    case ["demand", "growth", "long_run"]: return parameter(Ranges.growth) { $0.demand.growth.longRun = $1 }
    case ["demand", "growth", "half_life"]: return parameter(Ranges.halfLife) { $0.demand.growth.halfLife = $1 }
    case ["demand", "efficiency", "training"]:
      return parameter(Ranges.efficiency) { $0.demand.efficiency.training = $1 }
    case ["demand", "efficiency", "inference"]:
      return parameter(Ranges.efficiency) { $0.demand.efficiency.inference = $1 }
    case let s where s.count == 2 && s[0] == "allocation" && countries.contains(where: { $0.country == s[1] }):
      let code = s[1]
      return parameter(Ranges.share) { $0.allocation[code] = $1 }
    case let s where s.count == 2 && s[0] == "supply_scales":
      let id = s[1]
      return parameter(Ranges.supplyScale) { $0.supplyScales[id] = $1 }
    case let s where s.count == 3 && s[0] == "behind_the_meter" && s[1] == "shares":
      let code = s[2]
      return parameter(Ranges.share) { $0.behindTheMeter.shares[code] = $1 }
    case let s where s.count == 3 && s[0] == "behind_the_meter" && s[1] == "scales":
      let id = s[2]
      return parameter(Ranges.supplyScale) { $0.behindTheMeter.scales[id] = $1 }
    case let s where s.count == 4 && s[0] == "production" && s[2] == "units":
      if let index = production.firstIndex(where: { $0.accelerator == s[1] }), let year = Int(s[3]) {
        return parameter(Ranges.units) { $0.production[index].unitsByYear[year] = $1 }
      }
    case let s where s.count >= 3 && s[0] == "countries":
      guard let index = countries.firstIndex(where: { $0.country == s[1] }) else { break }
      let code = s[1]
      switch Array(s[2...]) {
      case ["licence_uptake"]: return parameter(Ranges.share) { $0.countries[index].licenceUptake = $1 }
      case ["power_scale"]: return parameter(Ranges.powerScale) { $0.countries[index].powerScale = $1 }
      case ["domestic_scale"]: return parameter(Ranges.domesticScale) { $0.countries[index].domesticScale = $1 }
      case ["demand", "growth", "start"]:
        return parameter(Ranges.growth) { $0.demand.countries[code, default: .init()].growth(\.start, $1) }
      case ["demand", "growth", "long_run"]:
        return parameter(Ranges.growth) { $0.demand.countries[code, default: .init()].growth(\.longRun, $1) }
      case ["demand", "growth", "half_life"]:
        return parameter(Ranges.halfLife) { $0.demand.countries[code, default: .init()].growth(\.halfLife, $1) }
      case ["demand", "efficiency", "training"]:
        return parameter(Ranges.efficiency) { $0.demand.countries[code, default: .init()].efficiencyTraining = $1 }
      case ["demand", "efficiency", "inference"]:
        return parameter(Ranges.efficiency) { $0.demand.countries[code, default: .init()].efficiencyInference = $1 }
      default: break
      }
    default: break
    }
    let nearest = NearestNames.nearest(to: path, among: parameterPaths, limit: 3)
    throw CatalogError(
      field: "--vary", value: path,
      expected: "not a numeric scenario path a sweep can vary"
        + (nearest.isEmpty ? "" : "; nearest valid: \(nearest.joined(separator: ", "))"))
  }
}

extension DemandCase.CountryDemand {
  /// Sets one field of the country's growth-path override.
  mutating func growth(_ field: WritableKeyPath<GrowthPath.Override, Double?>, _ value: Double) {
    var override = growth ?? .init()
    override[keyPath: field] = value
    growth = override
  }
}

import HeadroomModel

/// Accelerator production as the walls see it: the catalog's outlooks (`Hardware/production/`) with
/// the scenario's own units in the years it lists, checked against the supply limits
/// (`Hardware/supply/`, scaled by the scenario's `supply_scales`) and clipped where they do not fit;
/// and which countries receive each kind.
///
/// Who receives a kind, in this order: the scenario's per-part allocation; the outlook's deployment
/// shares (captive parts such as TPUs and Trainium, placed where their owners run them); the
/// designer's country for parts designed outside the US (Huawei, Cambricon: domestic supply); else
/// the scenario's global allocation (US merchant parts).
public struct WallsSupply: Sendable {
  /// Production after clipping: accelerator id → year → units.
  public var plan: ProductionPlan
  /// The check against the limits (violations, use of every limit in every year).
  public var check: SupplyCheck
  /// accelerator id → country → share.
  public var shares: [String: [String: Double]]

  /// Builds the supply of a scenario; an unknown supply limit in the scenario's scales is an error.
  public init(catalog: Catalog, scenario: Scenario) throws(CatalogError) {
    var plan = try catalog.productionPlan(through: scenario.lastYear)
    for line in scenario.production {
      for (year, units) in line.unitsByYear { plan[line.accelerator, year] = units }
    }
    check = try plan.checked(against: catalog.supplyLimits, scales: scenario.supplyScales)
    self.plan = check.clipped
    var shares: [String: [String: Double]] = [:]
    for kind in self.plan.units.keys {
      shares[kind] =
        scenario.production.first(where: { $0.accelerator == kind })?.allocation ?? catalog.placement(of: kind)
        ?? scenario.allocation
    }
    self.shares = shares
  }

  /// Units of a kind produced in a year, after clipping.
  public func units(_ kind: String, in year: Int) -> Double { plan[kind, year] }

  /// A country's share of a kind.
  public func share(of kind: String, to country: String) -> Double { shares[kind]?[country] ?? 0 }

  /// The limits the plan exceeded, in words, for notes.
  public var violations: [String] {
    check.violations.map {
      "Production clipped to fit \($0.limit) in \($0.year): the plan needs \(NumberText.plain($0.required, 4)) \($0.unit), the limit allows \(NumberText.plain($0.available, 4)) (\($0.kinds.joined(separator: ", ")) scaled down)."
    }
  }
}

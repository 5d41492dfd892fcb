import Foundation
import HeadroomModel

/// The walls model's inputs: the catalog and scenario turned into one ``CountryProblem`` per country,
/// with the assumptions that shaped each (so reports can say them).
///
/// - Kinds: every catalog accelerator that has a power figure. Power per unit comes from
///   ``PowerModel`` (a catalog system's wall power, else TDP × 1.53) × 1.14 × the country's PUE;
///   capability in H100e: training at the nominal 8-bit basis, inference from the reference model's
///   tokens/s (``WallsKindTable``).
/// - Base-year stock: the scenario's installed units (and unlicensed arrivals up to the base year) by
///   kind and year installed, in service for `lifetime` years from the year installed. The stock
///   already contains the base year's production, so production is added from the year after the base
///   year only.
/// - Supply of kind k to country c in year y (after the base year): production(k, y) × c's share (a
///   part made for listed countries goes to those only) × the export decision (allowed 1, licensed =
///   licence uptake, denied 0) + c's own domestic production × its domestic scale + units arriving
///   outside licences.
/// - Demand: in the base year, what the stock serves (training share on training, the rest on
///   inference); then the scenario's demand case (``DemandCase/demand(for:base:years:)``).
/// - Power for AI: in the base year, what the stock draws; then + the AI share of the country's
///   data-centre power growth (× its power scale), turned from average load into connected capacity by
///   dividing by the load factor.
public struct WallsInput: Sendable {
  public var scenario: Scenario
  public var problems: [CountryProblem]
  /// Kinds that cannot run, with the reason.
  public var excludedKinds: [String: String]
  /// Kinds whose price was imputed (no catalog price).
  public var imputedPrices: [String]
  /// Where production was clipped to fit a supply limit.
  public var productionNotes: [String]

  /// Builds the inputs; throws for a scenario that references data the catalog lacks.
  ///
  /// - Parameters:
  ///   - kinds: the catalog's per-kind figures, computed once and shared across many scenarios
  ///     (sweeps); computed here when nil or built for another reference model.
  ///   - decisions: export decisions computed once for scenarios that share rules and countries.
  public init(
    catalog: Catalog, scenario: Scenario, kinds table: WallsKindTable? = nil,
    decisions given: ExportDecisionTable? = nil
  ) throws(CatalogError) {
    self.scenario = scenario
    let table =
      table.flatMap { $0.referenceModel == scenario.referenceModel ? $0 : nil }
      ?? WallsKindTable(catalog: catalog, referenceModel: scenario.referenceModel)
    let bases = table.bases
    let years = Array(scenario.years)
    let first = scenario.firstYear
    let production = try WallsSupply(catalog: catalog, scenario: scenario)
    let produced = production.plan.units.keys.sorted()
    let decisions: ExportDecisionTable
    if let given {
      decisions = given
    } else {
      decisions = try ExportDecisionTable(catalog: catalog, scenario: scenario, kinds: produced)
    }
    // What every country shares, looked up once: each produced kind's index among the kinds and its
    // units in each year.
    let kindIndex = Dictionary(uniqueKeysWithValues: bases.enumerated().map { ($1.accelerator.id, $0) })
    let producedKinds = produced.compactMap { id in kindIndex[id].map { (id: id, k: $0) } }
    let made = producedKinds.map { kind in years.map { production.units(kind.id, in: $0) } }
    let columns = producedKinds.map { decisions.column(of: $0.id) }
    // Each kind's figures apart from the country's PUE (copying the catalog's parts per country costs).
    let figures = bases.map { base in
      (
        id: base.accelerator.id, kilowatts: base.itPower.map { $0.watts / 1000 } ?? 0,
        capability: [base.nominal, base.inference], nominal: base.nominal,
        price: base.price.dollars / 1000, imputed: base.priceImputed
      )
    }
    var problems: [CountryProblem] = []
    for settings in scenario.countries {
      let country = try catalog.country(settings.country)
      let kinds = figures.map { kind in
        // MW per thousand units = kW per unit.
        WallsKind(
          id: kind.id, megawattsPerThousand: kind.kilowatts * country.pue, capability: kind.capability,
          nominalH100e: kind.nominal, priceMillionsPerThousand: kind.price, priceImputed: kind.imputed)
      }
      let termsByYear = decisions.terms(of: country.id)
      let termsInYear = years.map { termsByYear[$0] }
      var supply = Array(repeating: Array(repeating: 0.0, count: kinds.count), count: years.count)
      var caps: [WallsCap] = []
      let uptake = scenario.licenceUptake(for: settings)
      for (p, (kind, k)) in producedKinds.enumerated() {
        let share = production.share(of: kind, to: country.id)
        guard share > 0, let column = columns[p] else { continue }
        let policy = settings.policy[kind]
        for (y, year) in years.enumerated() where year > first && made[p][y] > 0 {
          var units = made[p][y] * share
          guard let terms = termsInYear[y]?[column] else { continue }
          var factor: Double
          switch terms.access {
          case .domestic: factor = settings.domesticScale
          case .allowed: factor = 1
          case .licensed: factor = uptake
          case .denied: factor = 0
          }
          var capped = terms.access == .licensed
          if let override = policy, year >= (settings.policyFrom ?? Int.min) {
            capped = false
            switch override {
            case .allowed: factor = bases[k].accelerator.origin == country.id ? settings.domesticScale : 1
            case .licensed: factor = uptake
            case .denied: factor = 0
            }
          }
          // A cap relative to another market's shipments (Jan 2026: China at most 50 % of the units
          // shipped to US customers) bounds this year's supply of the part.
          if capped, let volume = terms.volumeCap {
            units = min(
              units, volume.bound(referenceUnits: made[p][y] * production.share(of: kind, to: volume.reference)))
          }
          supply[y][k] += units * factor / 1000
          if capped, let cap = terms.cumulativeCap, !caps.contains(where: { $0.fromYear == cap.fromYear }) {
            caps.append(WallsCap(fromYear: cap.fromYear, toYear: cap.toYear, h100Equivalents: cap.h100Equivalents))
          }
        }
      }
      // In the order of the years they start (as a year-by-year pass finds them).
      caps.sort { $0.fromYear < $1.fromYear }
      for (kind, byYear) in settings.unlicensed {
        guard let k = kindIndex[kind] else { continue }
        for (y, year) in years.enumerated() where year > first { supply[y][k] += (byYear[year] ?? 0) / 1000 }
      }
      // Only the kinds the country owns or receives outside licences have a surviving stock.
      var surviving = Array(repeating: Array(repeating: 0.0, count: kinds.count), count: years.count)
      for kind in Set(settings.installed.keys).union(settings.unlicensed.keys) {
        guard let k = kindIndex[kind] else { continue }
        let units = settings.surviving(kind, in: years, lifetime: scenario.lifetime, baseYear: first)
        for y in years.indices { surviving[y][k] = units[y] / 1000 }
      }
      // Base year: what the stock serves and draws.
      let trainingShare = scenario.demand.trainingShare(for: country.id, in: first)
      let running = kinds.indices.filter { kinds[$0].runs }
      let baseDemand = Self.servedByStock(
        running.map { (stock: surviving[0][$0], capability: kinds[$0].capability) }, trainingShare: trainingShare)
      let basePower = running.map { surviving[0][$0] * kinds[$0].megawattsPerThousand }.reduce(0, +)
      // The demand case works in H100e; the problem in thousands.
      let demand = scenario.demand.demand(
        for: country.id,
        base: [.training: H100Equivalents(baseDemand[0] * 1000), .inference: H100Equivalents(baseDemand[1] * 1000)],
        years: scenario.years
      ).map { row in Workload.allCases.map { (row[$0]?.value ?? 0) / 1000 } }
      let grid = country.dataCentrePower(from: first, to: scenario.lastYear)
      let gridBase = grid[0].available.megawatts
      let power = grid.map { entry in
        basePower + scenario.aiShareOfGrowth * settings.powerScale * (entry.available.megawatts - gridBase)
          / scenario.dcLoadFactor
      }
      let price = (country.electricityPrice ?? EnergyPrice(100, "USD/MWh"))
      let energyCostPerMegawattYear = (price * (Power(megawatts: 1) * TimeSpan(years: 1))).dollars / 1e6
      // Keep only the kinds this country can ever obtain or owns; the others would be variables fixed at zero.
      let kept = kinds.indices.filter { k in
        kinds[k].runs && (years.indices.contains { supply[$0][k] > 0 } || surviving[0][k] > 0)
      }
      problems.append(
        CountryProblem(
          country: country.id, years: years, kinds: kept.map { kinds[$0] },
          supply: supply.map { row in kept.map { row[$0] } }, surviving: surviving.map { row in kept.map { row[$0] } },
          lifetime: scenario.lifetime, demand: demand, powerAvailable: power,
          energyCostPerMegawattYear: energyCostPerMegawattYear, discountRate: scenario.discountRate,
          split: scenario.split, caps: caps,
          tppH100Equivalents: kept.map { bases[$0].tppH100Equivalents },
          onSite: WallsOnSite.options(catalog: catalog, scenario: scenario, country: country.id)))
    }
    self.problems = problems
    self.excludedKinds = table.excluded
    self.imputedPrices = table.imputedPrices
    self.productionNotes = production.violations
  }
}

extension WallsInput {
  /// The most a stock serves when it all runs and training takes `trainingShare` of the demand:
  /// [training, inference], in the stock's units × capability.
  ///
  /// Each kind works where its comparative advantage lies (highest training-to-inference capability
  /// first on training), and one kind is split so that training / inference = share / (1 − share).
  /// For example, 10 units worth [1, 1] and 10 worth [0.15, 1.2] at a share of 0.5 put all of the
  /// first kind and 1.48 of the second on training: 10.22 each.
  public static func servedByStock(_ stock: [(stock: Double, capability: [Double])], trainingShare: Double) -> [Double]
  {
    let ordered = stock.filter { $0.stock > 0 }.sorted { a, b in
      a.capability[0] * b.capability[1] > b.capability[0] * a.capability[1]
    }
    var training = 0.0
    var inference = ordered.map { $0.stock * $0.capability[1] }.reduce(0, +)
    // Move kinds to training in order until training / share reaches inference / (1 − share).
    for item in ordered {
      let gainT = item.stock * item.capability[0]
      let lossI = item.stock * item.capability[1]
      let gap = (1 - trainingShare) * training - trainingShare * inference
      let step = (1 - trainingShare) * gainT + trainingShare * lossI
      if gap >= 0 { break }
      if step <= 0 { continue }
      let fraction = min(1, -gap / step)
      training += fraction * gainT
      inference -= fraction * lossI
    }
    return [training, inference]
  }
}

/// A cumulative cap on what a country may buy over a span of years, in H100-equivalents (TPP / 15,832).
public struct WallsCap: Sendable, Hashable {
  public var fromYear: Int
  public var toYear: Int
  public var h100Equivalents: Double
}

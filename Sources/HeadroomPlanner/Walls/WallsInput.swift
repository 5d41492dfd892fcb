import Foundation
import HeadroomModel

/// The walls model's inputs: the catalog and scenario turned into one ``CountryProblem`` per country,
/// with the assumptions that shaped each (so reports can say them).
///
/// - Kinds: every catalog accelerator. Power per unit comes from ``PowerModel`` (a catalog system's
///   wall power, else TDP × 1.53) × 1.14 × the country's PUE; training capability from the
///   part's 16-bit peak × default MFU and inference from reference-model tokens/s, both from
///   ``WorkloadEquivalence``. A kind with no power figure cannot run (reported).
/// - Supply of kind k to country c in year y: production(k, y) × c's share × the policy factor
///   (allowed 1, licensed = the country's licence uptake, denied 0; the US and non-US-origin parts
///   are not US exports) + c's own domestic production × its domestic scale.
/// - Starting fleet: the scenario's installed units, retiring evenly over `lifetime` years.
/// - Demand: in the first year, what the starting fleet serves (training share on training, the
///   rest on inference); then × demand growth per year.
/// - Power for AI: in the first year, what the starting fleet draws; then + the AI share of the
///   country's data-centre power growth (× its power scale), turned from average load into connected
///   capacity by dividing by the load factor.
public struct WallsInput: Sendable {
  public var scenario: Scenario
  public var problems: [CountryProblem]
  /// Cumulative H100e caps per country (AI Diffusion counterfactual): country → (year range, H100e).
  public var caps: [String: [WallsCap]]
  /// Kinds that cannot run, with the reason.
  public var excludedKinds: [String: String]
  /// Kinds whose price was imputed (no catalog price).
  public var imputedPrices: [String]

  /// Builds the inputs; throws for a scenario that references data the catalog lacks.
  ///
  /// - Parameter kinds: the catalog's kinds, computed once and shared across many scenarios (sweeps);
  ///   computed here when nil.
  public init(catalog: Catalog, scenario: Scenario, kinds table: WallsKindTable? = nil) throws(CatalogError) {
    self.scenario = scenario
    let table = table ?? WallsKindTable(catalog: catalog)
    let bases = table.bases
    let years = Array(scenario.years)
    let first = scenario.firstYear
    var problems: [CountryProblem] = []
    var caps: [String: [WallsCap]] = [:]
    for settings in scenario.countries {
      let country = try catalog.country(settings.country)
      let kinds = bases.map { base in
        WallsKind(
          id: base.accelerator.id,
          // MW per thousand units = kW per unit.
          megawattsPerThousand: (base.itPower.map { $0.watts / 1000 } ?? 0) * country.pue,
          trainingPetaflopsPerThousand: base.training,  // TFLOP/s per unit = PFLOP/s per thousand
          inferenceMillionTokensPerThousand: base.inference / 1000,  // tokens/s per unit → M tokens/s per thousand
          priceMillionsPerThousand: base.price / 1000, priceImputed: base.priceImputed)
      }
      var supply = Array(repeating: Array(repeating: 0.0, count: kinds.count), count: years.count)
      var countryCaps: [WallsCap] = []
      for (y, year) in years.enumerated() {
        let rules = try Self.rules(catalog: catalog, scenario: scenario, year: year)
        for production in scenario.production {
          guard let k = kinds.firstIndex(where: { $0.id == production.accelerator }) else { continue }
          let share = production.allocation?[country.id] ?? scenario.allocation[country.id] ?? 0
          let units = scenario.units(production.unitsByYear, in: year) * share
          guard units > 0 else { continue }
          let part = bases[k].accelerator
          var decision = ExportPolicy.Decision.allowed
          var cap: ExportPolicy.Cap?
          if country.id != "US" && part.origin == "US" {
            let item = ExportItem(part)
            let policy = rules.policy(for: item, classifiedAs: rules.classify(item).eccn, to: country.destination)
              .policy
            decision = policy.decision
            cap = policy.cap
          }
          if let override = settings.policy[part.id], year >= (settings.policyFrom ?? Int.min) {
            decision = override
            cap = nil
          }
          let factor: Double
          switch decision {
          case .allowed: factor = 1
          case .licensed: factor = settings.licenceUptake
          case .denied: factor = 0
          }
          supply[y][k] += units * factor / 1000
          if let cap, decision == .licensed, !countryCaps.contains(where: { $0.fromYear == cap.fromYear }) {
            countryCaps.append(
              WallsCap(fromYear: cap.fromYear, toYear: cap.toYear, h100Equivalents: cap.h100Equivalents))
          }
        }
        for production in country.domesticProduction {
          guard let k = kinds.firstIndex(where: { $0.id == production.accelerator }) else { continue }
          supply[y][k] += scenario.units(production.unitsByYear, in: year) * settings.domesticScale / 1000
        }
      }
      let surviving = years.map { year in
        kinds.map { kind in
          let installed = (settings.installed[kind.id] ?? 0) / 1000
          return installed * max(0, 1 - Double(year - first) / Double(scenario.lifetime))
        }
      }
      var baseTraining = 0.0
      var baseInference = 0.0
      var basePower = 0.0
      for kind in kinds {
        let installed = (settings.installed[kind.id] ?? 0) / 1000
        guard installed > 0, kind.megawattsPerThousand > 0 else { continue }
        baseTraining += installed * settings.trainingShare * kind.trainingPetaflopsPerThousand
        baseInference += installed * (1 - settings.trainingShare) * kind.inferenceMillionTokensPerThousand
        basePower += installed * kind.megawattsPerThousand
      }
      let grid = country.dataCentrePower(from: first, to: scenario.lastYear)
      let gridBase = grid[0].available.megawatts
      let demand = years.map { year -> [Workload: Double] in
        let factor = pow(settings.demandGrowth, Double(year - first))
        return [.training: baseTraining * factor, .inference: baseInference * factor]
      }
      let power = grid.map { entry in
        basePower + scenario.aiShareOfGrowth * settings.powerScale * (entry.available.megawatts - gridBase)
          / scenario.dcLoadFactor
      }
      let price = country.electricityPrice?.baseValue ?? 100
      // Presolve: keep only the kinds this country can ever obtain or already owns; the others would be
      // variables fixed at zero (every catalog kind is still considered, and counted in `consideredKinds`).
      let kept = kinds.indices.filter { k in
        years.indices.contains { supply[$0][k] > 0 } || surviving[0][k] > 0
      }
      problems.append(
        CountryProblem(
          country: country.id, years: years, kinds: kept.map { kinds[$0] },
          supply: supply.map { row in kept.map { row[$0] } }, surviving: surviving.map { row in kept.map { row[$0] } },
          lifetime: scenario.lifetime, demand: demand, powerAvailable: power,
          energyCostPerMegawattYear: price * 8766 / 1e6, caps: countryCaps,
          h100Equivalents: kept.map { bases[$0].accelerator.h100Equivalents }, discountRate: scenario.discountRate))
      if !countryCaps.isEmpty { caps[country.id] = countryCaps }
    }
    self.problems = problems
    self.caps = caps
    self.excludedKinds = table.excluded
    self.imputedPrices = table.imputedPrices
  }

  /// The resolved rule set that applies in a year.
  static func rules(catalog: Catalog, scenario: Scenario, year: Int) throws(CatalogError) -> ExportRuleSet {
    switch scenario.rules {
    case .inForce: return try catalog.ruleSet(inForceOn: Day(year: year, month: 7, day: 1))
    case .fixed(let id): return try catalog.ruleSet(id)
    }
  }
}

/// Per-kind figures the walls model needs from the catalog (power per unit, capabilities, price),
/// computed once: sizing every accelerator on the reference model is the costly part of building inputs.
public struct WallsKindTable: Sendable {
  /// One accelerator's figures.
  public struct Base: Sendable {
    public var accelerator: Accelerator
    /// IT power per unit (server power x 1.14), nil when the catalog has no figure.
    public var itPower: Power?
    /// Sustained training TFLOP/s per unit.
    public var training: Double
    /// Reference-model tokens/s per unit.
    public var inference: Double
    /// USD per unit.
    public var price: Double
    public var priceImputed: Bool
  }

  public var bases: [Base]
  public var excluded: [String: String]
  public var imputedPrices: [String]

  public init(catalog: Catalog) {
    let equivalence = WorkloadEquivalence(catalog: catalog)
    let h100 = catalog.accelerators.first { $0.id == "h100-sxm" }
    let h100Price = h100?.unitPrice(systems: catalog.systems)?.dollars ?? 31_250
    let h100Training = equivalence.entry("h100-sxm")?.trainingRate?.teraflops ?? 1
    var excluded: [String: String] = [:]
    var imputed: [String] = []
    var bases: [Base] = []
    for part in catalog.accelerators {
      let power = PowerModel(accelerator: part, systems: catalog.systems)
      if power == nil { excluded[part.id] = "no TDP and no system power in the catalog" }
      let entry = equivalence.entry(part.id)
      let trainingTF = entry?.trainingRate?.teraflops ?? 0
      let tokens = entry?.inferenceTokensPerSecond ?? 0
      if trainingTF == 0 && tokens == 0 && excluded[part.id] == nil {
        excluded[part.id] = "no training or inference capability could be computed"
      }
      var price = part.unitPrice(systems: catalog.systems)?.dollars
      var wasImputed = false
      if price == nil {
        price = h100Price * max(trainingTF, 1e-9) / h100Training
        wasImputed = true
        imputed.append(part.id)
      }
      bases.append(
        Base(
          accelerator: part, itPower: power?.itPower, training: trainingTF, inference: tokens, price: price ?? 0,
          priceImputed: wasImputed))
    }
    self.bases = bases
    self.excluded = excluded
    self.imputedPrices = imputed.sorted()
  }
}

/// A cumulative cap on what a country may buy over a span of years, in H100-equivalents (TPP / 15,832).
public struct WallsCap: Sendable, Hashable {
  public var fromYear: Int
  public var toYear: Int
  public var h100Equivalents: Double
}

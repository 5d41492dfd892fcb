/// Everything in the data folders: accelerators, systems, export rules, countries and sites.
public struct Catalog: Sendable {
  public var accelerators: [Accelerator]
  public var systems: [AcceleratorSystem]
  public var exportRules: ExportRules
  public var countries: [Country]
  public var sites: [Site]
  /// Reference model shapes for sizing (`Scenarios/models/`).
  public var models: [ReferenceModel]
  /// Sourced default MFU per accelerator and precision (`Scenarios/mfu.yaml`).
  public var mfu: DefaultMFU
  /// Production outlooks per vendor (`Hardware/production/`).
  public var production: [ProductionOutlook]
  /// Supply limits on production: packaging, memory, foundry capacity (`Hardware/supply/`).
  public var supplyLimits: [SupplyLimit]
  /// Behind-the-meter generation options (`Grids/generation/`).
  public var generation: [GenerationOption]
  /// Long-lead electrical equipment for grid connections (`Grids/equipment/`).
  public var equipment: [Equipment]
  /// Inference request profiles (`Scenarios/inference-profiles.yaml`).
  public var profiles: InferenceProfiles
  /// Published inference results to fit and check serving efficiency (`Scenarios/calibration.yaml`).
  public var measurements: InferenceMeasurements
  /// Item id → data file (relative to the data folder), for messages and provenance.
  public var files: [String: String]
  /// The data folders read and the items that folders above the first added or replaced.
  public var layering = DataLayering()

  public init(
    accelerators: [Accelerator] = [], systems: [AcceleratorSystem] = [],
    exportRules: ExportRules = .init([]), countries: [Country] = [], sites: [Site] = [],
    models: [ReferenceModel] = [], mfu: DefaultMFU = .init(), profiles: InferenceProfiles = .init(),
    measurements: InferenceMeasurements = .init(), production: [ProductionOutlook] = [],
    supplyLimits: [SupplyLimit] = [], generation: [GenerationOption] = [], equipment: [Equipment] = [],
    files: [String: String] = [:]
  ) {
    self.accelerators = accelerators
    self.systems = systems
    self.exportRules = exportRules
    self.countries = countries
    self.sites = sites
    self.models = models
    self.mfu = mfu
    self.production = production
    self.supplyLimits = supplyLimits
    self.generation = generation
    self.equipment = equipment
    self.profiles = profiles
    self.measurements = measurements
    self.files = files
  }

  /// An accelerator by id; an unknown id is an error that suggests the nearest known ids.
  public func accelerator(_ id: String) throws(CatalogError) -> Accelerator {
    if let found = accelerators.first(where: { $0.id == id }) { return found }
    throw Self.unknown("accelerator", id, among: accelerators.map(\.id))
  }

  /// A system by id, or an error suggesting the nearest ids.
  public func system(_ id: String) throws(CatalogError) -> AcceleratorSystem {
    if let found = systems.first(where: { $0.id == id }) { return found }
    throw Self.unknown("system", id, among: systems.map(\.id))
  }

  /// A country by ISO code (case-insensitive), or an error suggesting the nearest codes.
  public func country(_ id: String) throws(CatalogError) -> Country {
    if let found = countries.first(where: { $0.id.uppercased() == id.uppercased() }) { return found }
    throw Self.unknown("country", id, among: countries.map(\.id))
  }

  /// A site by id, or an error suggesting the nearest ids.
  public func site(_ id: String) throws(CatalogError) -> Site {
    if let found = sites.first(where: { $0.id == id }) { return found }
    throw Self.unknown("site", id, among: sites.map(\.id))
  }

  /// A behind-the-meter generation option by id, or an error suggesting the nearest ids.
  public func generationOption(_ id: String) throws(CatalogError) -> GenerationOption {
    if let found = generation.first(where: { $0.id == id }) { return found }
    throw Self.unknown("generation option", id, among: generation.map(\.id))
  }

  /// A reference model by id, or an error suggesting the nearest ids.
  public func model(_ id: String) throws(CatalogError) -> ReferenceModel {
    if let found = models.first(where: { $0.id == id }) { return found }
    throw Self.unknown("model", id, among: models.map(\.id))
  }

  /// A supply limit by id, or an error suggesting the nearest ids.
  public func supplyLimit(_ id: String) throws(CatalogError) -> SupplyLimit {
    if let found = supplyLimits.first(where: { $0.id == id }) { return found }
    throw Self.unknown("supply limit", id, among: supplyLimits.map(\.id))
  }

  /// The production the catalog's outlooks give through `last` (stated years, then each outlook's rule).
  public func productionPlan(through last: Int) throws(CatalogError) -> ProductionPlan {
    try ProductionPlan(outlooks: production, limits: supplyLimits, through: last)
  }

  /// An inference request profile by id, or an error suggesting the nearest ids.
  public func profile(_ id: String) throws(CatalogError) -> InferenceProfile {
    if let found = profiles.profile(id) { return found }
    throw Self.unknown("inference profile", id, among: profiles.all.map(\.id))
  }

  /// A resolved export rule set by id, or an error suggesting the nearest ids.
  public func ruleSet(_ id: String) throws(CatalogError) -> ExportRuleSet {
    if let found = exportRules.resolved(id) { return found }
    throw Self.unknown("export rule set", id, among: exportRules.all.map(\.id))
  }

  /// The resolved rule set in force on a day, or an error when none was.
  public func ruleSet(inForceOn day: Day) throws(CatalogError) -> ExportRuleSet {
    guard let set = exportRules.inForce(on: day), let resolved = exportRules.resolved(set.id) else {
      throw CatalogError(value: day.description, expected: "no export rule set was in force on that day")
    }
    return resolved
  }

  static func unknown(_ kind: String, _ id: String, among known: [String]) -> CatalogError {
    let nearest = NearestNames.nearest(to: id, among: known)
    let hint = nearest.isEmpty ? "" : "; nearest known: \(nearest.joined(separator: ", "))"
    return CatalogError(value: id, expected: "unknown \(kind) id\(hint)")
  }
}

/// The policies a rule set applies to a group of destinations.
public struct DestinationRule: Sendable, Hashable {
  /// One policy line: which items it covers and what it decides.
  public struct Line: Sendable, Hashable {
    /// Control classes covered (`3A090.a`, `3A090.b`, `none`), or `*` for every item.
    public var classes: [String]
    /// Extra thresholds an item must meet for the line to apply.
    public var criteria: ItemCriteria
    /// The shipments covered; by default (``ExportRoute/usOrigin``) exports and re-exports of
    /// US-designed parts, not parts designed abroad by non-US firms.
    public var routes: [ExportRoute]
    public var policy: ExportPolicy

    public init(
      classes: [String], criteria: ItemCriteria = .init(), routes: [ExportRoute] = ExportRoute.usOrigin,
      policy: ExportPolicy
    ) {
      self.classes = classes
      self.criteria = criteria
      self.routes = routes
      self.policy = policy
    }

    /// Whether the line covers an item of a class shipped by a route.
    public func covers(_ item: ExportItem, eccn: String, route: ExportRoute = .export) -> Bool {
      routes.contains(route) && (classes.contains("*") || classes.contains(eccn))
        && criteria.evaluate(item) == .holds
    }
  }

  /// How the rule names the destinations, e.g. "D:5 and Macau".
  public var name: String
  /// Country groups covered (`D:1`, `D:4`, `D:5`…); a country in any of them matches.
  public var groups: [String]
  /// Countries covered by ISO code, besides the groups.
  public var countries: [String]
  /// AI Diffusion tiers covered.
  public var tiers: [Int]
  /// Groups carved out: a country in any of them does not match (e.g. `A:5`, `A:6`).
  public var exceptGroups: [String]
  /// When true, every destination matches (before the carve-outs).
  public var everywhere: Bool
  /// The policy lines, first match wins.
  public var lines: [Line]

  public init(
    name: String, groups: [String] = [], countries: [String] = [], tiers: [Int] = [],
    exceptGroups: [String] = [], everywhere: Bool = false, lines: [Line]
  ) {
    self.name = name
    self.groups = groups
    self.countries = countries
    self.tiers = tiers
    self.exceptGroups = exceptGroups
    self.everywhere = everywhere
    self.lines = lines
  }

  /// Whether the rule covers a destination.
  public func matches(_ destination: Destination) -> Bool {
    if destination.groups.contains(where: exceptGroups.contains) { return false }
    if everywhere || countries.contains(destination.iso) { return true }
    if destination.groups.contains(where: groups.contains) { return true }
    if let tier = destination.diffusionTier, tiers.contains(tier) { return true }
    return false
  }
}

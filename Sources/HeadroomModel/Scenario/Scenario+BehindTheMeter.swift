extension Scenario {
  /// Whether, and how much, behind-the-meter generation the walls may build (`behind_the_meter:`).
  ///
  /// The options are the catalog's `Grids/generation/` entries that have a yearly supply limit: an
  /// option ordered on the first day of the horizon is in service after its lead time, and from then on
  /// each year adds its supply limit for that year × the country's share (global limits) or all of it
  /// (a national limit in that country) × the option's scale. Options without a supply limit are not
  /// built by the walls (nothing bounds them).
  public struct BehindTheMeter: Sendable, Hashable, Codable {
    /// Whether the walls may build on-site generation at all.
    public var allowed: Bool
    /// Country → share (0–1) of a global option's yearly supply that the country's data centres can
    /// buy; a country not listed gets none of a global option.
    public var shares: [String: Double]
    /// Option id → factor on its yearly supply limit (1 = as the data says).
    public var scales: [String: Double]

    public init(allowed: Bool = false, shares: [String: Double] = [:], scales: [String: Double] = [:]) {
      self.allowed = allowed
      self.shares = shares
      self.scales = scales
    }
  }
}

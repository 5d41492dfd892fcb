extension Country {
  /// A sub-national grid area (an ISO, a utility zone) that sites can name, e.g. `US-ERCOT`.
  ///
  /// Its figures are in connected data-centre capacity (what a site's interconnect is written in), not the
  /// average load of the country's series: ``dcCapacity`` in a base year plus ``dcAdditions`` per year from the
  /// operator's or utility's published forecasts (already dated by energisation, so no queue lag is applied to
  /// them); its ``interconnection`` sets when a new site's grid phases can energise.
  public struct Region: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// Connected data-centre (or large-load) capacity in a base year.
    public var dcCapacity: YearPower
    /// Connected data-centre capacity added per year (a year after the last stated keeps its value, a year
    /// before the first takes the first).
    public var dcAdditions: [Int: Power]
    public var interconnection: Interconnection?
    public var limits: [Limit]

    public init(
      id: String, name: String, dcCapacity: YearPower, dcAdditions: [Int: Power],
      interconnection: Interconnection? = nil, limits: [Limit] = []
    ) {
      self.id = id
      self.name = name
      self.dcCapacity = dcCapacity
      self.dcAdditions = dcAdditions
      self.interconnection = interconnection
      self.limits = limits
    }
  }
}

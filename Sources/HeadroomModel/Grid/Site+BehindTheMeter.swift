extension Site {
  /// What a site plan may build behind the meter at the site, and the permit that bounds combustion.
  public struct BehindTheMeter: Sendable, Hashable {
    /// Generation option ids the site may build, or nil for every option its country may build.
    public var options: [String]?
    /// The most combustion generation (gas turbines, engines, fuel cells burning gas) the site's air permit
    /// allows, nameplate; nil when the file states none (then combustion is not limited by a permit).
    public var airPermit: Power?
    /// The earliest day generation can be ordered; nil for 1 January of the plan's first year.
    public var ordered: Day?

    public init(options: [String]? = nil, airPermit: Power? = nil, ordered: Day? = nil) {
      self.options = options
      self.airPermit = airPermit
      self.ordered = ordered
    }
  }
}

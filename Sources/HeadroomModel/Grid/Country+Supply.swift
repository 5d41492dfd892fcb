/// The power a country (or one of its regions) can give data centres, year by year.
///
/// For a country: growth requested in year t is the year's generation additions × the share data centres can
/// get, `additions(t) × dc_share`; it reaches data centres in year t + L + d(t), where L is the
/// interconnection's time to energise in whole years (0 without an `interconnection`) and d(t) the extra years
/// of the queue rules (limits with a `delay`) in force in t. Growth requested before the base year that arrives
/// after it is the queue already in the pipeline, at the additions of its own year (the first stated value
/// for years before the series starts). In the arrival year, moratoria in force block their share of it.
///
/// Available(y) = base-year load + Σ of what arrived in the years after the base and up to y, held at or below
/// any cap in force in y. Years before the base year return the base-year load. With no interconnection and
/// constant additions this is base + (y − base) × additions × share.
///
/// A region's series works the same way in connected capacity, with its `dc_additions` as the growth and no
/// lag: its additions are forecasts of energised load (the lag is already in them).
extension Country {
  /// One year of the supply series, with what shaped it.
  public struct SupplyYear: Sendable, Hashable {
    public var year: Int
    /// Power available to data centres: average load for a country, connected capacity for a region.
    public var available: Power
    /// What the year added (after blocked shares), before any cap.
    public var added: Power
    /// What moratoria in force blocked of the year's arrivals.
    public var blocked: Power
    /// Names of the limits in force that year.
    public var limitsInForce: [String]
    /// The cap that held the year down, if one did.
    public var cappedBy: String?

    public init(
      year: Int, available: Power, added: Power, blocked: Power = .zero, limitsInForce: [String] = [],
      cappedBy: String? = nil
    ) {
      self.year = year
      self.available = available
      self.added = added
      self.blocked = blocked
      self.limitsInForce = limitsInForce
      self.cappedBy = cappedBy
    }
  }

  /// Whole years of queue delay that the rules in force in a year add to a request made that year.
  static func delayYears(_ limits: [Limit], requestedIn year: Int) -> Int {
    limits.filter { $0.applies(in: year) }.compactMap(\.delay).map { max(0, Int($0.years.rounded())) }.reduce(0, +)
  }

  /// The supply series of any area: a base, growth by request year, a lag and limits.
  ///
  /// - Precondition: `first <= last`.
  static func series(
    base: YearPower, growth: (Int) -> Power, lag: Int, limits: [Limit], from first: Int, to last: Int
  ) -> [SupplyYear] {
    precondition(first <= last, "the series must start before it ends")
    // Arrivals after the base year, by arrival year, from every request year that lands there.
    let longestDelay = limits.compactMap(\.delay).map { max(0, Int($0.years.rounded())) }.reduce(0, +)
    var arrivals: [Int: Power] = [:]
    if last > base.year {
      for requested in (base.year - lag - longestDelay)...last {
        let arrival = requested + lag + delayYears(limits, requestedIn: requested)
        guard arrival > base.year, arrival <= last, requested >= base.year - lag - longestDelay else { continue }
        // A request made in or before the base year that arrived by then is already in the base load.
        arrivals[arrival, default: .zero] += growth(requested)
      }
    }
    var result: [SupplyYear] = []
    var level = base.power
    for year in min(first, base.year)...last {
      let inForce = limits.filter { $0.applies(in: year) }
      var added = Power.zero
      var blocked = Power.zero
      if year > base.year {
        let arriving = arrivals[year] ?? .zero
        let share = min(1, inForce.compactMap(\.blockedShare).reduce(0, +))
        blocked = arriving * share
        added = arriving - blocked
        level += added
      }
      var cappedBy: String?
      for limit in inForce {
        if let cap = limit.cap, level > cap {
          level = cap
          cappedBy = limit.name
        }
      }
      if year >= first {
        result.append(
          SupplyYear(
            year: year, available: level, added: added, blocked: blocked, limitsInForce: inForce.map(\.name),
            cappedBy: cappedBy))
      }
    }
    return result
  }

  /// The country's supply series (average data-centre load) from `first` to `last` inclusive.
  ///
  /// - Precondition: `first <= last`.
  public func dataCentrePower(from first: Int, to last: Int) -> [SupplyYear] {
    Self.series(
      base: dcLoad, growth: { additions(in: $0) * dcShareOfAdditions }, lag: interconnection?.wholeYears ?? 0,
      limits: limits, from: first, to: last)
  }

  /// Average power available to data centres in one year.
  public func dataCentrePower(in year: Int) -> Power {
    dataCentrePower(from: year, to: year)[0].available
  }
}

extension Country.Region {
  /// The region's supply series in connected data-centre capacity, from `first` to `last` inclusive.
  ///
  /// - Precondition: `first <= last`.
  public func dataCentreCapacity(from first: Int, to last: Int) -> [Country.SupplyYear] {
    Country.series(
      base: dcCapacity, growth: { Country.value(of: dcAdditions, in: $0) ?? .zero }, lag: 0, limits: limits,
      from: first, to: last)
  }
}

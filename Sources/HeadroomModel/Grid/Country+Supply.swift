/// The power a country can give data centres, year by year.
///
/// Available(y) = base-year load + Σ over the years after the base of
/// additions × share for data centres × (1 − share blocked by moratoria in force that year),
/// held at or below any cap in force. Years before the base year return the base-year load.
extension Country {
  /// One year of the supply series, with what shaped it.
  public struct SupplyYear: Sendable, Hashable {
    public var year: Int
    /// Average power available to data centres.
    public var available: Power
    /// What the year added (after blocked shares), before any cap.
    public var added: Power
    /// Names of the limits in force that year.
    public var limitsInForce: [String]
    /// The cap that held the year down, if one did.
    public var cappedBy: String?
  }

  /// The supply series from `first` to `last` inclusive.
  ///
  /// - Precondition: `first <= last`.
  public func dataCentrePower(from first: Int, to last: Int) -> [SupplyYear] {
    precondition(first <= last, "the series must start before it ends")
    var result: [SupplyYear] = []
    var level = dcLoad.power
    for year in min(first, dcLoad.year)...last {
      let inForce = limits.filter { $0.applies(in: year) }
      var added = Power.zero
      if year > dcLoad.year {
        let blocked = min(1, inForce.compactMap(\.blockedShare).reduce(0, +))
        added = additions * dcShareOfAdditions * (1 - blocked)
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
            year: year, available: level, added: added, limitsInForce: inForce.map(\.name),
            cappedBy: cappedBy))
      }
    }
    return result
  }

  /// Average power available to data centres in one year.
  public func dataCentrePower(in year: Int) -> Power {
    dataCentrePower(from: year, to: year)[0].available
  }
}

/// Capacity per year, continued past the stated years by the limit's rule.
extension SupplyLimit {
  /// The annual capacity (for a stock: the addition) in a year, in `unit`.
  ///
  /// Before the first stated year the limit is unknown and this returns nil (such years are not
  /// checked); after the last stated year the continuation rule applies (`followLimit` is not allowed
  /// for limits and holds). A stock limit with no stated additions adds nothing in any year.
  public func capacity(in year: Int) -> Double? {
    guard let first = capacity.keys.min(), let last = capacity.keys.max() else {
      return kind == .stock ? 0 : nil
    }
    if year < first { return kind == .stock ? 0 : nil }
    if year <= last { return capacity[year] ?? 0 }
    let base = capacity[last] ?? 0
    switch continuation {
    case .hold, .followLimit: return base
    case .growth(let factor): return base * SeriesContinuation.compounded(factor, years: year - last)
    }
  }

  /// What is available in a year: the annual capacity, or for a stock the initial stock plus every
  /// addition up to and including the year (from `from`, the first checked year). Nil when unknown.
  public func available(in year: Int, from first: Int) -> Double? {
    switch kind {
    case .annual:
      return capacity(in: year)
    case .stock:
      guard year >= first else { return nil }
      let additions = (first...year).map { capacity(in: $0) ?? 0 }.reduce(0, +)
      return (stock ?? 0) + additions
    }
  }
}

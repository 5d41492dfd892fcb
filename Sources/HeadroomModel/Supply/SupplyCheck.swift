/// A production plan checked against supply limits, year by year: where it asks for more than a limit
/// allows, and the plan clipped to fit.
///
/// Clipping is proportional: in a year where a limit is exceeded, every kind that uses the limit is
/// scaled by the same factor (available / required) until no limit is exceeded; kinds that use no
/// exceeded limit keep their units. Years are taken in order, so a stock drawn down by clipped earlier
/// years is what later years see.
public struct SupplyCheck: Sendable, Hashable {
  /// A limit a plan exceeds in a year.
  public struct Violation: Sendable, Hashable, CustomStringConvertible {
    public var limit: String
    public var year: Int
    /// What the plan needs, in the limit's unit (for a stock: cumulative use through the year).
    public var required: Double
    /// What the limit allows after its scale factor (for a stock: the stock plus additions so far).
    public var available: Double
    public var unit: String
    /// The kinds that use the limit and have units that year, which clipping scales down.
    public var kinds: [String]

    public var description: String {
      "\(limit) \(year): plan needs \(NumberText.plain(required, 4)) \(unit), limit allows \(NumberText.plain(available, 4)) (kinds \(kinds.joined(separator: ", ")))"
    }
  }

  /// One limit in one year after clipping.
  public struct LimitYear: Sendable, Hashable {
    public var limit: String
    public var year: Int
    /// Use by the clipped plan (for a stock: cumulative).
    public var used: Double
    public var available: Double
    /// Whether the clipped plan uses the whole limit (within 1e-6).
    public var binds: Bool { used >= available * (1 - 1e-6) && available >= 0 && used > 0 }
  }

  public var violations: [Violation]
  /// The plan after proportional clipping; equal to the input when there are no violations.
  public var clipped: ProductionPlan
  /// Use and availability of every limit in every checked year.
  public var limitYears: [LimitYear]
}

extension ProductionPlan {
  /// Checks the plan against limits in each of its years and clips it where it does not fit.
  ///
  /// - Parameters:
  ///   - limits: the supply limits; a year before a limit's first stated capacity is not checked.
  ///   - scales: limit id → factor on its capacity (a scenario's what-if; 1 when absent).
  /// - Throws: a ``CatalogError`` for a scale naming an unknown limit, or one that is negative or not finite.
  public func checked(against limits: [SupplyLimit], scales: [String: Double] = [:]) throws(CatalogError)
    -> SupplyCheck
  {
    let ids = limits.map(\.id)
    for (id, scale) in scales.sorted(by: { $0.key < $1.key }) {
      guard ids.contains(id) else {
        throw CatalogError(
          field: "supply_scales.\(id)", value: id,
          expected: "unknown supply limit id" + NearestNames.suggestion(for: id, among: ids))
      }
      guard scale.isFinite, scale >= 0 else {
        throw CatalogError(
          field: "supply_scales.\(id)", value: "\(scale)", expected: "a scale factor of 0 or more")
      }
    }
    var clipped = self
    var violations: [SupplyCheck.Violation] = []
    var limitYears: [SupplyCheck.LimitYear] = []
    let years = self.years
    guard let first = years.first else {
      return SupplyCheck(violations: [], clipped: clipped, limitYears: [])
    }
    var usedBefore: [String: Double] = [:]  // stock limits: use in earlier (clipped) years
    for year in years {
      func use(_ limit: SupplyLimit) -> Double {
        limit.usage.reduce(0) { $0 + $1.value * clipped[$1.key, year] }
      }
      func available(_ limit: SupplyLimit) -> Double? {
        limit.available(in: year, from: first).map { $0 * (scales[limit.id] ?? 1) }
      }
      var reported: Set<String> = []
      // Each pass settles the most exceeded limit; use only falls, so at most one pass per limit.
      for _ in 0...limits.count {
        var worst: (limit: SupplyLimit, factor: Double, required: Double, available: Double)?
        for limit in limits {
          guard let allowed = available(limit) else { continue }
          let thisYear = use(limit)
          let before = limit.kind == .stock ? usedBefore[limit.id, default: 0] : 0
          let required = before + thisYear
          guard thisYear > 0, required > allowed * (1 + 1e-9) else { continue }
          let factor = max(0, allowed - before) / thisYear
          if worst == nil || factor < worst!.factor {
            worst = (limit, factor, required, allowed)
          }
        }
        guard let worst else { break }
        let kinds = worst.limit.usage.keys.filter { worst.limit.usage[$0, default: 0] > 0 && clipped[$0, year] > 0 }
          .sorted()
        if !reported.contains(worst.limit.id) {
          reported.insert(worst.limit.id)
          violations.append(
            .init(
              limit: worst.limit.id, year: year, required: worst.required, available: worst.available,
              unit: worst.limit.unit, kinds: kinds))
        }
        for kind in kinds { clipped[kind, year] *= worst.factor }
      }
      for limit in limits {
        guard let allowed = available(limit) else { continue }
        let before = limit.kind == .stock ? usedBefore[limit.id, default: 0] : 0
        let used = before + use(limit)
        limitYears.append(.init(limit: limit.id, year: year, used: used, available: allowed))
        if limit.kind == .stock { usedBefore[limit.id] = used }
      }
    }
    return SupplyCheck(violations: violations, clipped: clipped, limitYears: limitYears)
  }
}

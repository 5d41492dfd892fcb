/// Accelerator packages produced per kind and year: what a set of outlooks states, continued by their
/// rules, or a scenario's own plan.
public struct ProductionPlan: Sendable, Hashable {
  /// Accelerator id → year → packages.
  public var units: [String: [Int: Double]]

  public init(units: [String: [Int: Double]] = [:]) {
    self.units = units
  }

  /// Packages of one kind in one year (0 when the plan has none).
  public subscript(accelerator: String, year: Int) -> Double {
    get { units[accelerator]?[year] ?? 0 }
    set { units[accelerator, default: [:]][year] = newValue }
  }

  /// Every year any kind has units for, ascending.
  public var years: [Int] { Set(units.values.flatMap(\.keys)).sorted() }

  /// The plan the outlooks give from their first stated year through `last`: stated years as written
  /// (a missing year within the stated range is zero), later years continued by each outlook's rule.
  ///
  /// - Parameter limits: the supply limits, for outlooks that follow a limit's capacity.
  /// - Throws: a ``CatalogError`` when an outlook follows a limit that is not given.
  public init(outlooks: [ProductionOutlook], limits: [SupplyLimit], through last: Int) throws(CatalogError) {
    var plan = ProductionPlan()
    for outlook in outlooks {
      guard let stated = outlook.statedYears, last >= stated.lowerBound else { continue }
      var followed: SupplyLimit?
      if case .followLimit(let id) = outlook.continuation {
        guard let limit = limits.first(where: { $0.id == id }) else {
          throw CatalogError(
            file: outlook.provenance.file, field: "after_last_year.limit", value: id,
            expected: "unknown supply limit id" + NearestNames.suggestion(for: id, among: limits.map(\.id)))
        }
        followed = limit
      }
      for line in outlook.lines {
        for year in stated.lowerBound...min(stated.upperBound, last) {
          plan[line.accelerator, year] += line.units[year] ?? 0
        }
        guard last > stated.upperBound else { continue }
        let base = line.units[stated.upperBound] ?? 0
        for year in (stated.upperBound + 1)...last {
          let factor: Double
          switch outlook.continuation {
          case .hold: factor = 1
          case .growth(let rate): factor = SeriesContinuation.compounded(rate, years: year - stated.upperBound)
          case .followLimit:
            let from = followed?.capacity(in: stated.upperBound) ?? 0
            let to = followed?.capacity(in: year) ?? 0
            factor = from > 0 ? to / from : 1
          }
          plan[line.accelerator, year] += base * factor
        }
      }
    }
    self = plan
  }
}

import HeadroomModel
import HeadroomSolver

/// A what-if beside its baseline: both scenarios solved by one ``WallsStudy`` (sharing its per-kind
/// figures), compared over the years they have in common.
public struct WhatIfResult: Sendable, Hashable, Codable {
  /// A value in the baseline and in the what-if.
  public struct Change<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    public var baseline: Value
    public var whatIf: Value
    public var changed: Bool { baseline != whatIf }
  }

  /// One country's comparison.
  public struct Country: Sendable, Hashable, Codable {
    public var country: String
    public var powerWallYear: Change<Int?>
    public var chipWallYear: Change<Int?>
    public var firstShortYear: Change<Int?>
    public var bindingWall: Change<WallsResult.Binding>
    /// Served share of demand in ``WhatIfResult/comparisonYear``.
    public var servedShare: Change<Double>
    public var powerUsed: Change<Power>
    public var gap: Change<H100Equivalents>
    /// Whether a wall year or the binding wall moved.
    public var wallsMoved: Bool {
      powerWallYear.changed || chipWallYear.changed || firstShortYear.changed || bindingWall.changed
    }
  }

  public var baseline: WallsResult
  public var whatIf: WallsResult
  /// The years both results cover; nil when they share none.
  public var commonYears: ClosedRange<Int>?
  /// The year served shares and power are compared in: 2030 when common, else the last common year.
  public var comparisonYear: Int?
  /// Countries in both results, those whose walls moved first.
  public var countries: [Country]
  /// Countries in only one of the two.
  public var onlyInBaseline: [String]
  public var onlyInWhatIf: [String]
  /// What the comparison leaves out (different horizons), in words.
  public var notes: [String]
}

/// Runs a what-if and its baseline and compares them.
public struct WhatIfStudy: Sendable {
  public var walls: WallsStudy

  public init(walls: WallsStudy) { self.walls = walls }

  /// Solves both scenarios and compares them over their common years (wall years beyond a shorter
  /// horizon are not compared as changes: a wall after the common years reads as "none" in both).
  public func run(baseline: Scenario, whatIf: Scenario) throws -> WhatIfResult {
    let shared =
      walls.kinds == nil && baseline.referenceModel == whatIf.referenceModel
      ? walls.preparingKinds(for: baseline.referenceModel) : walls
    let base = try shared.run(baseline)
    let other = try shared.preparingKinds(for: whatIf.referenceModel).run(whatIf)
    return Self.compare(base, other)
  }

  /// Compares two results.
  public static func compare(_ base: WallsResult, _ other: WallsResult) -> WhatIfResult {
    let from = max(base.firstYear, other.firstYear)
    let to = min(base.lastYear, other.lastYear)
    let common = from <= to ? from...to : nil
    var notes: [String] = []
    if base.firstYear != other.firstYear || base.lastYear != other.lastYear {
      notes.append(
        common.map {
          "The horizons differ (\(base.firstYear)-\(base.lastYear) and \(other.firstYear)-\(other.lastYear)): only \($0.lowerBound)-\($0.upperBound) is compared; walls outside it count as none."
        }
          ?? "The horizons share no year: nothing is compared.")
    }
    let comparison = common.map { min(max(2030, $0.lowerBound), $0.upperBound) }
    func within(_ year: Int?) -> Int? { year.flatMap { common?.contains($0) == true ? $0 : nil } }
    var rows: [WhatIfResult.Country] = []
    for a in base.countries {
      guard let b = other.countries.first(where: { $0.country == a.country }) else { continue }
      let yearA = comparison.flatMap { year in a.years.first { $0.year == year } }
      let yearB = comparison.flatMap { year in b.years.first { $0.year == year } }
      let bindingA = within(a.firstShortYear) == nil ? .none : a.bindingWall
      let bindingB = within(b.firstShortYear) == nil ? .none : b.bindingWall
      rows.append(
        WhatIfResult.Country(
          country: a.country, powerWallYear: .init(baseline: within(a.powerWallYear), whatIf: within(b.powerWallYear)),
          chipWallYear: .init(baseline: within(a.chipWallYear), whatIf: within(b.chipWallYear)),
          firstShortYear: .init(baseline: within(a.firstShortYear), whatIf: within(b.firstShortYear)),
          bindingWall: .init(baseline: bindingA, whatIf: bindingB),
          servedShare: .init(baseline: yearA?.servedShare ?? 0, whatIf: yearB?.servedShare ?? 0),
          powerUsed: .init(baseline: yearA?.powerUsed ?? .zero, whatIf: yearB?.powerUsed ?? .zero),
          gap: .init(baseline: yearA?.gap ?? .zero, whatIf: yearB?.gap ?? .zero)))
    }
    let ordered = rows.filter(\.wallsMoved) + rows.filter { !$0.wallsMoved }
    let codesA = Set(base.countries.map(\.country))
    let codesB = Set(other.countries.map(\.country))
    return WhatIfResult(
      baseline: base, whatIf: other, commonYears: common, comparisonYear: comparison, countries: ordered,
      onlyInBaseline: codesA.subtracting(codesB).sorted(), onlyInWhatIf: codesB.subtracting(codesA).sorted(),
      notes: notes)
  }
}

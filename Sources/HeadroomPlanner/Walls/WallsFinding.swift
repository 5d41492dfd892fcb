/// What a sweep keeps of one country's walls (``WallsRunner/findWalls(_:summaryYear:)``): the wall
/// years, the first year over the threshold, what binds in it and the gap of one summary year.
public struct WallsFinding: Sendable, Hashable {
  /// First year whose gap with chips unlimited exceeds the threshold; nil within the horizon.
  public var powerWallYear: Int?
  /// First year whose gap with power unlimited exceeds the threshold; nil within the horizon.
  public var chipWallYear: Int?
  /// First year whose gap in the joint model exceeds the threshold; nil within the horizon.
  public var firstShortYear: Int?
  /// Which limit binds in ``firstShortYear`` (none without one).
  public var bindingWall: WallsResult.Binding
  /// Share of total demand unmet in the summary year asked for, 0…1 (0 when none was asked for or it is
  /// outside the horizon).
  public var summaryGapShare: Double

  public init(
    powerWallYear: Int?, chipWallYear: Int?, firstShortYear: Int?, bindingWall: WallsResult.Binding,
    summaryGapShare: Double
  ) {
    self.powerWallYear = powerWallYear
    self.chipWallYear = chipWallYear
    self.firstShortYear = firstShortYear
    self.bindingWall = bindingWall
    self.summaryGapShare = summaryGapShare
  }

  /// The finding of a fully solved country (its summary year's gap read from its records).
  public init(_ country: WallsResult.Country, summaryYear: Int?) {
    self.init(
      powerWallYear: country.powerWallYear, chipWallYear: country.chipWallYear, firstShortYear: country.firstShortYear,
      bindingWall: country.bindingWall,
      summaryGapShare: country.years.first { $0.year == summaryYear }?.gapShare ?? 0)
  }
}

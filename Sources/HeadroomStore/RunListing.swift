/// A saved run as `headroom runs list` shows it: its row, with counts and its earliest walls.
public struct RunListing: Sendable, Hashable {
  public var run: RunRecord
  /// `--set` overrides saved with the run.
  public var overrideCount: Int
  /// Countries with results.
  public var countryCount: Int
  /// The earliest power-wall year of any country, nil when none hits the wall.
  public var firstPowerWallYear: Int?
  /// The earliest chip-wall year of any country, nil when none hits the wall.
  public var firstChipWallYear: Int?

  public init(
    run: RunRecord, overrideCount: Int, countryCount: Int, firstPowerWallYear: Int?,
    firstChipWallYear: Int?
  ) {
    self.run = run
    self.overrideCount = overrideCount
    self.countryCount = countryCount
    self.firstPowerWallYear = firstPowerWallYear
    self.firstChipWallYear = firstChipWallYear
  }
}

/// One sweep sample: the drawn inputs and each country's walls.
public struct SweepSample: Sendable, Hashable, Codable {
  /// Walls of one country in one sample (nil years: no wall within the horizon).
  public struct Walls: Sendable, Hashable, Codable {
    public var powerWall: Int?
    public var chipWall: Int?
    public var firstShort: Int?
    public var binding: String
    /// Share of demand unmet in the sweep's summary year (``SweepSamples/summaryYear``), 0…1.
    public var gapShare: Double

    public init(powerWall: Int?, chipWall: Int?, firstShort: Int?, binding: String, gapShare: Double = 0) {
      self.powerWall = powerWall
      self.chipWall = chipWall
      self.firstShort = firstShort
      self.binding = binding
      self.gapShare = gapShare
    }

    /// A country's walls as ``WallsRunner/findWalls(_:summaryYear:)`` found them.
    public init(_ found: WallsFinding) {
      self.init(
        powerWall: found.powerWallYear, chipWall: found.chipWallYear, firstShort: found.firstShortYear,
        binding: found.bindingWall.rawValue, gapShare: found.summaryGapShare)
    }
  }

  public var index: Int
  /// The drawn value of each input, in the order of the ranges.
  public var inputs: [Double]
  /// Country → walls.
  public var walls: [String: Walls]

  public init(index: Int, inputs: [Double], walls: [String: Walls]) {
    self.index = index
    self.inputs = inputs
    self.walls = walls
  }
}

/// One sweep sample: the drawn inputs and each country's walls.
public struct SweepSample: Sendable, Hashable, Codable {
  /// Walls of one country in one sample (nil years: no wall within the horizon).
  public struct Walls: Sendable, Hashable, Codable {
    public var powerWall: Int?
    public var chipWall: Int?
    public var firstShort: Int?
    public var binding: String

    public init(powerWall: Int?, chipWall: Int?, firstShort: Int?, binding: String) {
      self.powerWall = powerWall
      self.chipWall = chipWall
      self.firstShort = firstShort
      self.binding = binding
    }
  }

  public var index: Int
  /// Input path → drawn value, in the order of the ranges.
  public var inputs: [Double]
  /// Country → walls.
  public var walls: [String: Walls]

  public init(index: Int, inputs: [Double], walls: [String: Walls]) {
    self.index = index
    self.inputs = inputs
    self.walls = walls
  }
}

/// One scenario of a batch, solved: each country's walls.
public struct BatchEntry: Sendable, Hashable, Codable {
  /// Position of the scenario in the batch (0-based; shard i of n runs the positions i − 1 modulo n).
  public var index: Int
  /// The scenario's id and name, as its file gives them.
  public var scenario: String
  public var name: String
  public var firstYear: Int
  public var lastYear: Int
  /// The year each country's gap share is taken in (2030 when in the horizon, else the last year).
  public var summaryYear: Int
  /// Country → walls (nil years: no wall within the horizon).
  public var walls: [String: SweepSample.Walls]

  public init(
    index: Int, scenario: String, name: String, firstYear: Int, lastYear: Int, summaryYear: Int,
    walls: [String: SweepSample.Walls]
  ) {
    self.index = index
    self.scenario = scenario
    self.name = name
    self.firstYear = firstYear
    self.lastYear = lastYear
    self.summaryYear = summaryYear
    self.walls = walls
  }
}

/// Settings for one solve.
public struct SolveOptions: Hashable, Sendable {
  /// The longest the solver may run, or `nil` for no limit.
  ///
  /// A solver that reaches it returns ``TerminationStatus/timeLimit``, with its best solution
  /// so far if it has one.
  public var timeLimit: Duration?
  /// For mixed-integer programs, the relative gap |incumbent − bound| / |incumbent| at which the
  /// solver may stop and report the incumbent as optimal; `nil` for the solver's default.
  public var relativeGap: Double?

  /// For LPs, a basis from an earlier solve (``Solution/basis``) of a program with the same variables
  /// and constraints (bounds and costs may differ) to start from; ignored when its size does not match.
  public var warmStart: [UInt8]?

  /// Creates options; the defaults set no time limit, keep the solver's own gap and start cold.
  public init(timeLimit: Duration? = nil, relativeGap: Double? = nil, warmStart: [UInt8]? = nil) {
    self.timeLimit = timeLimit
    self.relativeGap = relativeGap
    self.warmStart = warmStart
  }

  /// No time limit and the solver's own settings.
  public static let `default` = SolveOptions()

  /// The time limit in seconds, or `nil`.
  public var timeLimitSeconds: Double? {
    timeLimit.map { Double($0.components.seconds) + Double($0.components.attoseconds) * 1e-18 }
  }
}

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

  /// For LPs solved cold, whether the solver first presolves (simplifies) the program. Presolve
  /// pays on large programs; on small ones (a few hundred rows) it costs more than the solve itself.
  public var presolve: Bool

  /// Creates options; the defaults set no time limit, keep the solver's own gap and presolve.
  public init(timeLimit: Duration? = nil, relativeGap: Double? = nil, presolve: Bool = true) {
    self.timeLimit = timeLimit
    self.relativeGap = relativeGap
    self.presolve = presolve
  }

  /// No time limit and the solver's own settings.
  public static let `default` = SolveOptions()

  /// The time limit in seconds, or `nil`.
  public var timeLimitSeconds: Double? {
    timeLimit.map { Double($0.components.seconds) + Double($0.components.attoseconds) * 1e-18 }
  }
}

extension LinearProgram {
  /// The direction of optimisation: whether the objective is minimised or maximised.
  public enum Sense: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Minimise the objective (costs).
    case minimize
    /// Maximise the objective (values served, profits).
    case maximize

    /// The sign that turns this sense's objective into one to minimise: +1 or -1.
    public var minimizationSign: Double {
      switch self {
      case .minimize: 1
      case .maximize: -1
      }
    }

    public var description: String { rawValue }
  }
}

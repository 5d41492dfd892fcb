/// Where a related LP solve may start: an earlier solve's final basis and values.
///
/// Taken from ``Solution/warmStart`` and passed as ``SolveOptions/warmStart`` to a program with the
/// same variables and constraints, whose costs and bounds may differ. A variable that the earlier
/// program fixed (equal bounds) and the new one frees starts at whichever new bound is nearer its value.
public struct WarmStart: Hashable, Sendable {
  /// One status per variable, then one per constraint, in the solver's own encoding.
  public var basis: [UInt8]
  /// The earlier solve's variable values, indexed by ``Variable/index``.
  public var values: [Double]

  public init(basis: [UInt8], values: [Double]) {
    self.basis = basis
    self.values = values
  }
}

extension Solution {
  /// This solve as the start of a related one; nil without a basis or values.
  public var warmStart: WarmStart? {
    guard let basis, hasPrimalSolution else { return nil }
    return WarmStart(basis: basis, values: primal)
  }
}

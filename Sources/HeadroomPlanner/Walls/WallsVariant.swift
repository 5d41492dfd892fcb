/// Which limits a walls solve keeps.
public enum WallsVariant: String, Sendable, Hashable, CaseIterable {
  /// Power and chips both limited: the joint model.
  case joint
  /// Chips unlimited (any obtainable kind in any quantity): finds the power wall.
  case chipsUnlimited = "chips-unlimited"
  /// Power unlimited: finds the chip wall.
  case powerUnlimited = "power-unlimited"
}

/// What one first-phase LP optimises (phase 1 may take two, one after the other).
public enum WallsStage: Sendable, Hashable {
  /// Maximise the smallest served share of the two workloads (max-min and proportional splits).
  case fairShare
  /// Minimise the total unmet demand in H100e (the relaxations, and max-min's second stage).
  case totalServed
  /// Minimise one workload's unmet share (priority splits), by workload index.
  case workload(Int)
}

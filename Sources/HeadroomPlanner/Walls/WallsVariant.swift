/// Which limits a walls solve keeps.
public enum WallsVariant: String, Sendable, Hashable, CaseIterable {
  /// Power and chips both limited: the joint model.
  case joint
  /// Chips unlimited (any obtainable kind in any quantity): finds the power wall.
  case chipsUnlimited = "chips-unlimited"
  /// Power unlimited: finds the chip wall.
  case powerUnlimited = "power-unlimited"
}

import HeadroomModel

/// One accelerator kind as the walls model sees it, in the model's scaled units (per thousand units).
public struct WallsKind: Sendable, Hashable {
  public var id: String
  /// Facility power of a thousand units at the country's PUE, in MW.
  public var megawattsPerThousand: Double
  /// Sustained training rate of a thousand units (peak x MFU), in PFLOP/s.
  public var trainingPetaflopsPerThousand: Double
  /// Reference-model output of a thousand units, in millions of tokens/s.
  public var inferenceMillionTokensPerThousand: Double
  /// Price of a thousand units, in millions of USD (imputed when the catalog has none; see ``priceImputed``).
  public var priceMillionsPerThousand: Double
  public var priceImputed: Bool

  public init(
    id: String, megawattsPerThousand: Double, trainingPetaflopsPerThousand: Double,
    inferenceMillionTokensPerThousand: Double, priceMillionsPerThousand: Double, priceImputed: Bool
  ) {
    self.id = id
    self.megawattsPerThousand = megawattsPerThousand
    self.trainingPetaflopsPerThousand = trainingPetaflopsPerThousand
    self.inferenceMillionTokensPerThousand = inferenceMillionTokensPerThousand
    self.priceMillionsPerThousand = priceMillionsPerThousand
    self.priceImputed = priceImputed
  }

  /// Capability of a thousand units for a workload.
  public func capability(_ workload: Workload) -> Double {
    workload == .training ? trainingPetaflopsPerThousand : inferenceMillionTokensPerThousand
  }
}

/// The two workloads the walls model serves.
public enum Workload: String, Sendable, Hashable, CaseIterable {
  /// Training compute, in effective PFLOP/s.
  case training
  /// Inference, in millions of reference-model tokens/s.
  case inference
}

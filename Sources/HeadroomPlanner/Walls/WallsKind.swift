import HeadroomModel

/// One accelerator kind as the walls model sees it, in the model's scaled units (per thousand units).
public struct WallsKind: Sendable, Hashable {
  public var id: String
  /// Facility power of a thousand units at the country's PUE, in MW.
  public var megawattsPerThousand: Double
  /// [workload index] thousands of H100e of work a thousand units do (= H100e per unit): training at
  /// the nominal 8-bit basis, inference at the reference model's tokens/s relative to the H100's.
  public var capability: [Double]
  /// Nominal H100e per unit (dense 8-bit peak over the H100's), the basis supply is reported in.
  public var nominalH100e: Double
  /// Price of a thousand units, in millions of USD (imputed when the catalog has none; see ``priceImputed``).
  public var priceMillionsPerThousand: Double
  public var priceImputed: Bool

  public init(
    id: String, megawattsPerThousand: Double, capability: [Double], nominalH100e: Double,
    priceMillionsPerThousand: Double, priceImputed: Bool = false
  ) {
    precondition(capability.count == Workload.allCases.count, "one capability per workload")
    self.id = id
    self.megawattsPerThousand = megawattsPerThousand
    self.capability = capability
    self.nominalH100e = nominalH100e
    self.priceMillionsPerThousand = priceMillionsPerThousand
    self.priceImputed = priceImputed
  }

  /// Capability of a thousand units for a workload, in thousands of H100e.
  public func capability(_ workload: Workload) -> Double { capability[WallsProgram.index(of: workload)] }

  /// Whether the kind can run at all (it has a power figure).
  public var runs: Bool { megawattsPerThousand > 0 }
}

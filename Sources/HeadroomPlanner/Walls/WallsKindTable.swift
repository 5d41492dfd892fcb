import HeadroomModel

/// Per-kind figures the walls model needs from the catalog (power per unit, capabilities, price),
/// computed once: sizing every accelerator on the reference model is the costly part of building
/// inputs, so sweeps share one table across their samples.
public struct WallsKindTable: Sendable {
  /// One accelerator's figures.
  public struct Base: Sendable {
    public var accelerator: Accelerator
    /// IT power per unit (server power × 1.14); nil when the catalog has no figure.
    public var itPower: Power?
    /// Nominal H100e per unit (dense 8-bit peak over the H100's), also its training capability.
    public var nominal: Double
    /// Reference-model tokens/s per unit over the H100's (0 when the model cannot be served on it).
    public var inference: Double
    /// USD per unit.
    public var price: Money
    public var priceImputed: Bool
    /// H100-equivalents per unit by the TPP convention (TPP / 15,832), for purchase caps.
    public var tppH100Equivalents: Double
  }

  /// The reference model the inference equivalences serve.
  public var referenceModel: String
  public var bases: [Base]
  /// Kind → why it cannot run in the walls.
  public var excluded: [String: String]
  /// Kinds whose price was imputed.
  public var imputedPrices: [String]

  public init(catalog: Catalog, referenceModel: String) {
    self.referenceModel = referenceModel
    let equivalence = WorkloadEquivalence(catalog: catalog, referenceModel: referenceModel)
    var excluded: [String: String] = [:]
    var imputed: [String] = []
    var bases: [Base] = []
    for part in catalog.accelerators {
      let power = PowerModel(accelerator: part, systems: catalog.systems)
      let inference = equivalence.entry(part.id)?.inference ?? 0
      let nominal = part.nominalH100Equivalents
      if power == nil {
        excluded[part.id] = "no TDP and no system power in the catalog"
      } else if nominal == 0 && inference == 0 {
        excluded[part.id] = "no 8-bit or 16-bit rate and no inference figure"
      }
      let price = catalog.price(of: part)
      if price?.imputed ?? true { imputed.append(part.id) }
      bases.append(
        Base(
          accelerator: part, itPower: power?.itPower, nominal: nominal, inference: inference,
          price: price?.price ?? .zero, priceImputed: price?.imputed ?? true,
          tppH100Equivalents: part.h100Equivalents))
    }
    self.bases = bases
    self.excluded = excluded
    self.imputedPrices = imputed.sorted()
  }
}

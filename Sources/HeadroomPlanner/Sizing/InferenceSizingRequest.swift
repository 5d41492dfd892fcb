import HeadroomModel

/// What `headroom size inference` asks: a model served on one or more kinds of accelerator at a rate,
/// for a request profile, with any field of the profile or of the roofline overridden.
public struct InferenceSizingRequest: Sendable, Hashable {
  /// Reference model id (`Scenarios/models`), or nil for the profile's own model.
  public var model: String?
  /// Accelerator ids; several are sized side by side.
  public var accelerators: [String]
  /// Request profile id, or nil for the catalog's default.
  public var profile: String?
  /// Demanded output tokens per second, or nil for one replica's worth.
  public var rate: Double?
  public var promptTokens: Int?
  public var outputTokens: Int?
  /// Tokens per sequence the KV cache is reserved at (default: prompt + output).
  public var context: Int?
  public var timePerOutputToken: TimeSpan?
  public var timeToFirstToken: TimeSpan?
  public var precision: Precision?
  public var replica: Int?
  /// Overrides of the calibrated efficiencies (basis: given).
  public var bandwidthEfficiency: Double?
  public var computeEfficiency: Double?
  public var usableMemory: Double?
  /// Straight-line amortisation of accelerator capex.
  public var lifetime: TimeSpan?
  public var location: SizingLocation

  public init(
    model: String?, accelerators: [String], profile: String? = nil, rate: Double? = nil, promptTokens: Int? = nil,
    outputTokens: Int? = nil, context: Int? = nil, timePerOutputToken: TimeSpan? = nil,
    timeToFirstToken: TimeSpan? = nil, precision: Precision? = nil, replica: Int? = nil,
    bandwidthEfficiency: Double? = nil, computeEfficiency: Double? = nil, usableMemory: Double? = nil,
    lifetime: TimeSpan? = nil, location: SizingLocation = .init()
  ) {
    self.model = model
    self.accelerators = accelerators
    self.profile = profile
    self.rate = rate
    self.promptTokens = promptTokens
    self.outputTokens = outputTokens
    self.context = context
    self.timePerOutputToken = timePerOutputToken
    self.timeToFirstToken = timeToFirstToken
    self.precision = precision
    self.replica = replica
    self.bandwidthEfficiency = bandwidthEfficiency
    self.computeEfficiency = computeEfficiency
    self.usableMemory = usableMemory
    self.lifetime = lifetime
    self.location = location
  }

  /// The profile the request resolves to: the named (or default) profile with the request's overrides.
  ///
  /// - Throws: a ``CatalogError`` for an unknown profile, ``SizingError`` when the catalog has no profile
  ///   and the request gives no shape.
  public func resolvedProfile(_ catalog: Catalog) throws -> InferenceProfile {
    var base: InferenceProfile
    if let profile {
      base = try catalog.profile(profile)
    } else if let found = catalog.profiles.defaultProfile {
      base = found
    } else {
      base = InferenceProfile(
        id: "custom", name: "given shape", promptTokens: 0, outputTokens: 1, timeToFirstToken: nil,
        timePerOutputToken: TimeSpan(seconds: 0.05))
    }
    let overridden =
      promptTokens != nil || outputTokens != nil || timePerOutputToken != nil || timeToFirstToken != nil
    if let promptTokens { base.promptTokens = promptTokens }
    if let outputTokens { base.outputTokens = outputTokens }
    if let timePerOutputToken { base.timePerOutputToken = timePerOutputToken }
    if let timeToFirstToken { base.timeToFirstToken = timeToFirstToken }
    if overridden { base.id += " (overridden)" }
    return base
  }
}

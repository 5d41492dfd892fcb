import HeadroomModel

/// The result of `headroom size inference`: one sized service per accelerator (or why it could not be
/// sized), with typed quantities and the basis of every efficiency.
public struct InferenceSizing: Sendable, Codable {
  /// The request shape used, after overrides.
  public struct Profile: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var promptTokens: Int
    public var outputTokens: Int
    public var context: Int
    public var timeToFirstToken: TimeSpan?
    public var timePerOutputToken: TimeSpan?
  }

  /// One accelerator's sized service.
  public struct Estimate: Sendable, Hashable, Codable {
    public var accelerator: String
    public var precision: Precision
    public var efficiency: ServingEfficiency
    public var usableMemory: Double
    public var lifetime: TimeSpan
    public var peak: ComputeRate
    public var bandwidth: Bandwidth
    public var memory: Bytes
    public var weights: Bytes
    public var kvCachePerSequence: Bytes
    public var minimumReplica: Int
    public var replica: Int
    public var replicaChoice: InferenceEstimate.ReplicaChoice
    public var batch: Int
    public var memoryBatchLimit: Int
    /// Decode step: bytes read and FLOP done, their times, the step time and its bound.
    public var stepBytes: Bytes
    public var stepCompute: Compute
    public var stepMemoryTime: TimeSpan
    public var stepComputeTime: TimeSpan
    public var stepTime: TimeSpan
    public var decodeBound: InferenceEstimate.Bound
    /// Prefill interleaved per decode cycle.
    public var prefillTimePerCycle: TimeSpan
    public var timePerOutputToken: TimeSpan
    public var prefillTokensPerSecondPerReplica: Double
    public var prefillBound: InferenceEstimate.Bound
    public var timeToFirstToken: TimeSpan
    public var tokensPerSecondPerReplica: Double
    public var tokensPerSecondPerAccelerator: Double
    /// The output tokens per second the fleet serves.
    public var rate: Double
    public var replicas: Int
    public var accelerators: Int
    public var powerBasis: String?
    public var serverPowerPerAccelerator: Power?
    public var itPower: Power?
    public var facilityPower: Power?
    public var capex: Money?
    public var capexPerMillionTokens: Money?
    public var energyCostPerMillionTokens: Money?
    public var costPerMillionTokens: Money?
    public var notes: [String]

    /// The flattened figures of a sized service.
    public init(_ estimate: InferenceEstimate) {
      let service = estimate.service
      accelerator = service.accelerator.id
      precision = estimate.precision
      efficiency = estimate.efficiency
      usableMemory = service.assumptions.usableMemory
      lifetime = service.assumptions.lifetime
      peak = estimate.peak
      bandwidth = estimate.bandwidth
      memory = service.accelerator.memory ?? .zero
      weights = service.weights
      kvCachePerSequence = service.kvPerSequence
      minimumReplica = estimate.minimumReplica
      replica = estimate.replicaAccelerators
      replicaChoice = estimate.replicaChoice
      batch = estimate.batch
      memoryBatchLimit = estimate.memoryBatchLimit
      stepBytes = estimate.step.bytes
      stepCompute = estimate.step.flop
      stepMemoryTime = estimate.step.memoryTime
      stepComputeTime = estimate.step.computeTime
      stepTime = estimate.step.time
      decodeBound = estimate.decodeBound
      prefillTimePerCycle = estimate.step.prefillTime
      timePerOutputToken = estimate.timePerOutputToken
      prefillTokensPerSecondPerReplica = estimate.prefillTokensPerSecondPerReplica
      prefillBound = estimate.prefillBound
      timeToFirstToken = estimate.timeToFirstToken
      tokensPerSecondPerReplica = estimate.tokensPerSecondPerReplica
      tokensPerSecondPerAccelerator = estimate.tokensPerSecondPerAccelerator
      rate = service.rate
      replicas = estimate.replicas
      accelerators = estimate.accelerators
      powerBasis = estimate.power?.basis.kind
      serverPowerPerAccelerator = estimate.power?.serverPower
      itPower = estimate.itPower
      facilityPower = estimate.facilityPower
      capex = estimate.capex
      capexPerMillionTokens = estimate.capexPerMillionTokens
      energyCostPerMillionTokens = estimate.energyCostPerMillionTokens
      costPerMillionTokens = estimate.costPerMillionTokens
      notes = estimate.notes
    }
  }

  /// An accelerator's estimate, or why it could not be sized.
  public struct Outcome: Sendable, Hashable, Codable {
    public var accelerator: String
    public var estimate: Estimate?
    public var error: String?
  }

  public var model: String
  public var modelName: String
  public var parameters: Double
  public var activeParameters: Double
  public var profile: Profile
  /// Demanded output tokens per second; nil when the request gave none (each fleet is one replica).
  public var rate: Double?
  /// The facility's name and PUE.
  public var location: String
  public var pue: Double
  public var outcomes: [Outcome]

  /// Sizes a request.
  ///
  /// Each accelerator is served at the request's precision, else the first of the profile's precisions
  /// it has a rate for, with its serving efficiency fitted to MLPerf Inference (else the stated
  /// fallback) unless the request gives one.
  ///
  /// - Parameter calibration: fitted efficiencies, when already computed (else fitted here).
  /// - Throws: a ``CatalogError`` for an unknown model, profile, accelerator or location; a
  ///   ``SizingError`` when the profile's request does not fit the model's context, an input is out of
  ///   range, or the calibration cannot be fitted. Per-accelerator sizing errors are kept in
  ///   ``outcomes``.
  public init(_ request: InferenceSizingRequest, catalog: Catalog, calibration: ServingCalibration? = nil) throws {
    let profile = try request.resolvedProfile(catalog)
    guard let modelID = request.model ?? profile.model else {
      throw SizingError.invalidInput(
        field: "model", value: "none", expected: "a model id (profile \(profile.id) names none)")
    }
    let model = try catalog.model(modelID)
    let context = request.context ?? profile.context
    guard profile.promptTokens + profile.outputTokens <= context else {
      throw SizingError.promptExceedsContext(
        model: model.id, profile: profile.id, prompt: profile.promptTokens, output: profile.outputTokens,
        context: context, limit: "the KV-cache context given")
    }
    if let maxContext = model.maxContext, context > maxContext {
      if profile.context > maxContext {
        throw SizingError.promptExceedsContext(
          model: model.id, profile: profile.id, prompt: profile.promptTokens, output: profile.outputTokens,
          context: maxContext, limit: "\(model.id)'s maximum context")
      }
      throw SizingError.contextTooLong(model: model.id, context: context, maxContext: maxContext)
    }
    for (what, value) in [
      ("bandwidth efficiency", request.bandwidthEfficiency), ("compute efficiency", request.computeEfficiency),
    ] {
      if let value, !(value > 0 && value <= 1) {
        throw SizingError.efficiencyOutOfRange(what: what, value: value, location: "the request")
      }
    }
    let parts = try request.accelerators.map { id throws(CatalogError) in try catalog.accelerator(id) }
    let facility = try request.location.facility(catalog)
    let fitted: ServingCalibration
    if let calibration { fitted = calibration } else { fitted = try ServingCalibration(catalog: catalog) }
    var outcomes: [Outcome] = []
    for part in parts {
      var service = InferenceService(
        model: model, accelerator: part, profile: profile, precision: request.precision, context: context,
        rate: request.rate ?? 1, replica: request.replica)
      var assumptions = InferenceService.Assumptions(
        efficiency: fitted.efficiency(accelerator: part.id, precision: service.precision))
      if let value = request.bandwidthEfficiency {
        assumptions.bandwidthEfficiency = value
        assumptions.bandwidthBasis = .given
      }
      if let value = request.computeEfficiency {
        assumptions.computeEfficiency = value
        assumptions.efficiencyBasis = .given
      }
      if let value = request.usableMemory { assumptions.usableMemory = value }
      if let value = request.lifetime { assumptions.lifetime = value }
      service.assumptions = assumptions
      do throws(SizingError) {
        var estimate = try service.estimate(
          power: PowerModel(accelerator: part, systems: catalog.systems), facility: facility,
          unitPrice: part.unitPrice(systems: catalog.systems))
        if request.rate == nil {
          // No demanded rate: the fleet is one replica, at its own rate.
          estimate.service.rate = estimate.tokensPerSecondPerReplica
          estimate.replicas = 1
        }
        outcomes.append(Outcome(accelerator: part.id, estimate: Estimate(estimate), error: nil))
      } catch {
        // An input out of range is the request's problem, not the part's: stop.
        if case .invalidInput = error { throw error }
        outcomes.append(Outcome(accelerator: part.id, estimate: nil, error: error.description))
      }
    }
    self.model = model.id
    self.modelName = model.name
    self.parameters = model.parameters
    self.activeParameters = model.activeParameters
    self.profile = Profile(
      id: profile.id, name: profile.name, promptTokens: profile.promptTokens, outputTokens: profile.outputTokens,
      context: context, timeToFirstToken: profile.timeToFirstToken, timePerOutputToken: profile.timePerOutputToken)
    self.rate = request.rate
    self.location = facility.name
    self.pue = facility.pue
    self.outcomes = outcomes
  }
}

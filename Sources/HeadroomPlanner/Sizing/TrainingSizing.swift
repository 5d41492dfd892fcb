import HeadroomModel

/// The result of `headroom size training`: one sized run per accelerator (or why it could not be
/// sized), with typed quantities, the MFU and goodput used and where they come from.
public struct TrainingSizing: Sendable, Codable {
  /// What `headroom size training` asks.
  public struct Request: Sendable, Hashable {
    /// All parameters; or give ``model``.
    public var parameters: Double?
    /// Active parameters per token for a mixture of experts (default: all).
    public var activeParameters: Double?
    /// A reference model id for the parameters and shape.
    public var model: String?
    public var tokens: Double
    public var accelerators: [String]
    public var size: TrainingJob.Size
    public var precision: Precision
    /// Overrides of the defaults.
    public var mfu: Double?
    public var goodput: Double?
    public var location: SizingLocation

    public init(
      parameters: Double? = nil, activeParameters: Double? = nil, model: String? = nil, tokens: Double,
      accelerators: [String], size: TrainingJob.Size, precision: Precision = .bf16, mfu: Double? = nil,
      goodput: Double? = nil, location: SizingLocation = .init()
    ) {
      self.parameters = parameters
      self.activeParameters = activeParameters
      self.model = model
      self.tokens = tokens
      self.accelerators = accelerators
      self.size = size
      self.precision = precision
      self.mfu = mfu
      self.goodput = goodput
      self.location = location
    }
  }

  /// One accelerator's sized run.
  public struct Estimate: Sendable, Hashable, Codable {
    public var accelerator: String
    public var precision: Precision
    public var peak: ComputeRate
    public var mfu: ResolvedMFU
    public var mfuSource: String
    public var goodput: Double
    public var accelerators: Int
    public var countBasis: String
    public var duration: TimeSpan
    public var acceleratorHours: Double
    public var sustainedRate: ComputeRate
    public var stateMemory: Bytes
    public var activationsPerAccelerator: Bytes
    public var memoryFloor: Bytes
    public var memoryAvailable: Bytes
    public var minimumAccelerators: Int
    public var powerBasis: String?
    public var serverPowerPerAccelerator: Power?
    public var itPower: Power?
    public var facilityPower: Power?
    public var energy: Energy?
    public var energyCost: Money?
    public var capex: Money?
    public var totalCost: Money?
    public var co2: Mass?
    public var notes: [String]

    public init(_ estimate: TrainingEstimate, mfu: ResolvedMFU) {
      let job = estimate.job
      accelerator = job.accelerator.id
      precision = estimate.precision
      peak = estimate.peak
      self.mfu = mfu
      mfuSource = job.mfuSource
      goodput = job.goodput
      accelerators = estimate.accelerators
      countBasis = estimate.countBasis.rawValue
      duration = estimate.duration
      acceleratorHours = estimate.acceleratorHours
      sustainedRate = estimate.sustainedRate
      stateMemory = estimate.stateMemory
      activationsPerAccelerator = estimate.activationsPerAccelerator
      memoryFloor = estimate.memoryFloor
      memoryAvailable = estimate.memoryAvailable
      minimumAccelerators = estimate.minimumAccelerators
      powerBasis = estimate.power?.basis.kind
      serverPowerPerAccelerator = estimate.power?.serverPower
      itPower = estimate.itPower
      facilityPower = estimate.facilityPower
      energy = estimate.energy
      energyCost = estimate.energyCost
      capex = estimate.capex
      totalCost = estimate.totalCost
      co2 = estimate.co2
      notes = estimate.notes
    }
  }

  /// An accelerator's estimate, or why it could not be sized.
  public struct Outcome: Sendable, Hashable, Codable {
    public var accelerator: String
    public var estimate: Estimate?
    public var error: String?
  }

  /// "405B parameters x 15.6T tokens", or the model id.
  public var label: String
  public var parameters: Double
  public var activeParameters: Double
  public var tokens: Double
  /// Training compute, 6 x N_active x D.
  public var compute: Compute
  public var goodput: Double
  public var goodputSource: String
  public var location: String
  public var pue: Double
  public var outcomes: [Outcome]

  /// Sizes a request: each accelerator with the given MFU, else its default (median of published runs
  /// on its silicon, else the precision's fallback), and the given goodput, else the default.
  ///
  /// - Throws: a ``CatalogError`` for an unknown model, accelerator or location; a ``SizingError`` for a
  ///   missing or out-of-range input. Per-accelerator sizing errors are kept in ``outcomes``.
  public init(_ request: Request, catalog: Catalog) throws {
    var parameters: Double
    var active: Double
    var shape: TrainingJob.Shape?
    var label: String
    switch (request.parameters, request.model) {
    case (let count?, nil):
      parameters = count
      active = count
      label = "\(CountText.format(count)) parameters"
    case (nil, let id?):
      let reference = try catalog.model(id)
      parameters = reference.parameters
      active = reference.activeParameters
      shape = TrainingJob.Shape(model: reference)
      label = reference.id
    default:
      throw SizingError.invalidInput(
        field: "parameters", value: request.model == nil ? "none" : "both",
        expected: "either a parameter count or a model id")
    }
    if let given = request.activeParameters {
      guard given > 0 && given <= parameters else {
        throw SizingError.invalidInput(
          field: "active parameters", value: CountText.format(given),
          expected: "a positive count no larger than the parameters (\(CountText.format(parameters)))")
      }
      active = given
    }
    if active < parameters { label += " (\(CountText.format(active)) active)" }
    let (goodput, goodputSource) = try catalog.trainingGoodput(given: request.goodput)
    if let given = request.mfu, !(given > 0 && given <= 1) {
      throw SizingError.invalidInput(field: "mfu", value: NumberText.plain(given, 4), expected: "a number in (0, 1]")
    }
    let parts = try request.accelerators.map { id throws(CatalogError) in try catalog.accelerator(id) }
    let facility = try request.location.facility(catalog)
    var outcomes: [Outcome] = []
    for part in parts {
      do throws(SizingError) {
        let (used, _) = try part.peak(at: request.precision)
        let mfu = try catalog.trainingMFU(accelerator: part.id, precision: used, given: request.mfu)
        let job = TrainingJob(
          parameters: parameters, activeParameters: active, tokens: request.tokens, accelerator: part,
          precision: request.precision, mfu: mfu.mfu, mfuSource: mfu.source(accelerator: part.id), goodput: goodput,
          size: request.size, shape: shape)
        let estimate = try job.estimate(
          power: PowerModel(accelerator: part, systems: catalog.systems), facility: facility,
          unitPrice: part.unitPrice(systems: catalog.systems))
        outcomes.append(Outcome(accelerator: part.id, estimate: Estimate(estimate, mfu: mfu), error: nil))
      } catch {
        // An input out of range is the request's problem, not the part's: stop.
        if case .invalidInput = error { throw error }
        outcomes.append(Outcome(accelerator: part.id, estimate: nil, error: error.description))
      }
    }
    self.label = "\(label) x \(CountText.format(request.tokens)) tokens"
    self.parameters = parameters
    self.activeParameters = active
    self.tokens = request.tokens
    self.compute = Compute(flop: 6 * active * request.tokens)
    self.goodput = goodput
    self.goodputSource = goodputSource
    self.location = facility.name
    self.pue = facility.pue
    self.outcomes = outcomes
  }
}

import HeadroomModel

/// The sized inference service: replica, batch, roofline bounds, throughput, fleet, power and cost.
public struct InferenceEstimate: Sendable, Hashable {
  /// Which roof a phase hits.
  public enum Bound: String, Sendable, Hashable {
    case compute
    case bandwidth
  }

  /// One decode step of a replica at a batch.
  public struct Step: Sendable, Hashable {
    public var replica: Int
    public var batch: Int
    /// Bytes read: weights touched plus the batch's KV caches.
    public var bytes: Bytes
    public var flop: Compute
    /// Time the reads take at the replica's effective bandwidth.
    public var memoryTime: TimeSpan
    /// Time the FLOP take at the replica's effective compute.
    public var computeTime: TimeSpan

    /// The step time: the larger of the two.
    public var time: TimeSpan { max(memoryTime, computeTime) }
    public var bound: Bound { computeTime > memoryTime ? .compute : .bandwidth }
    /// Output tokens per second of the replica while decoding.
    public var tokensPerSecond: Double { Double(batch) / time.seconds }
  }

  /// How the replica size was chosen.
  public enum ReplicaChoice: String, Sendable, Hashable {
    /// The smallest that holds the model gives the most tokens/s per accelerator.
    case smallest
    /// A larger one within a server gives more tokens/s per accelerator.
    case throughput
    /// Enlarged beyond a server to meet the latency target.
    case latency
    /// Given by the caller.
    case given
  }

  public var service: InferenceService
  /// The precision whose peak was used (FP16 for a BF16 request on parts without BF16).
  public var precision: Precision
  public var peak: ComputeRate
  public var bandwidth: Bandwidth
  /// The smallest replica (a power of two) that holds the weights and one sequence's KV cache.
  public var minimumReplica: Int
  /// The decode step at the chosen replica and batch.
  public var step: Step
  /// The largest batch the replica's memory holds.
  public var memoryBatchLimit: Int
  /// Prompt tokens per second one replica prefills (compute-bound: 2 x N_active FLOP per token).
  public var prefillTokensPerSecondPerReplica: Double
  /// Time to first token for one prompt (``InferenceService/promptTokens``, or the full context when 0).
  public var timeToFirstToken: TimeSpan
  public var prefillBound: Bound
  /// Output tokens per second of one replica, prefill share included.
  public var tokensPerSecondPerReplica: Double
  public var replicas: Int
  public var power: PowerModel?
  public var facility: Facility
  public var unitPrice: Money?
  public var replicaChoice: ReplicaChoice

  /// How figures were reached and which are missing (built on demand: sizing itself formats no text).
  public var notes: [String] {
    let a = service.assumptions
    var notes = [
      "roofline assumptions: bandwidth efficiency \(NumberText.plain(a.bandwidthEfficiency, 3)), compute efficiency \(NumberText.plain(a.computeEfficiency, 3)), usable memory \(NumberText.plain(a.usableMemory, 3)); KV cache read at the full context of \(service.context) tokens"
    ]
    switch replicaChoice {
    case .smallest: break
    case .throughput:
      notes.append(
        "replica of \(step.replica) (smallest that holds the model: \(minimumReplica)) gives the most tokens/s per accelerator"
      )
    case .latency: notes.append("replica enlarged to \(step.replica) accelerators to meet the latency target")
    case .given:
      notes.append(
        "replica of \(step.replica) accelerators as given (the smallest that holds the model is \(minimumReplica))")
    }
    if service.model.isMixtureOfExperts {
      notes.append("mixture of experts: a decode step reads min(all, batch x active) parameters")
    }
    if service.promptTokens == 0 {
      notes.append(
        "decode only: pass --prompt-tokens to time-share prefill; time to first token is for a full-context prompt")
    }
    if let power {
      notes.append("power: \(power.explanation); x PUE \(NumberText.plain(facility.pue, 3)) (\(facility.name))")
    } else {
      notes.append("\(service.accelerator.id) has no TDP and no catalog system: power and cost per token left out")
    }
    if unitPrice == nil {
      notes.append("\(service.accelerator.id) has no published price: capex and cost per token left out")
    }
    if facility.electricityPrice == nil {
      notes.append("no electricity price for \(facility.name): cost per token left out")
    }
    notes.append("capex amortised over \(NumberText.plain(a.lifetime.days / 365.25, 3)) years (assumption)")
    return notes
  }

  /// Accelerators per replica.
  public var replicaAccelerators: Int { step.replica }
  public var batch: Int { step.batch }
  public var decodeBound: Bound { step.bound }
  public var tokensPerSecondPerAccelerator: Double { tokensPerSecondPerReplica / Double(step.replica) }
  /// Accelerators for the demanded rate.
  public var accelerators: Int { replicas * step.replica }
  public var itPower: Power? { power.map { $0.itPower * Double(accelerators) } }
  public var facilityPower: Power? { itPower.map { $0 * facility.pue } }
  public var capex: Money? { unitPrice.map { $0 * Double(accelerators) } }

  /// Capex per million output tokens, amortised straight-line over the service's lifetime assumption.
  public var capexPerMillionTokens: Money? {
    capex.map { $0 / service.assumptions.lifetime.seconds / service.rate * 1e6 }
  }

  /// Electricity per million output tokens at the facility's price.
  public var energyCostPerMillionTokens: Money? {
    guard let facilityPower, let price = facility.electricityPrice else { return nil }
    return facilityPower * TimeSpan(seconds: 1e6 / service.rate) * price
  }

  /// Capex plus electricity per million output tokens, when both are known.
  public var costPerMillionTokens: Money? {
    guard let capex = capexPerMillionTokens, let energy = energyCostPerMillionTokens else { return nil }
    return capex + energy
  }
}

extension InferenceService {
  /// The decode step of a k-accelerator replica at a batch.
  func step(replica: Int, batch: Int, peak: ComputeRate, bandwidth: Bandwidth) -> InferenceEstimate.Step {
    let touched =
      model.isMixtureOfExperts
      ? min(model.parameters, Double(batch) * model.activeParameters) : model.parameters
    let bytes = Bytes(baseValue: touched * precision.bytesPerValue) + kvPerSequence * Double(batch)
    let flop = Compute(flop: 2 * model.activeParameters * Double(batch))
    let k = Double(replica)
    return InferenceEstimate.Step(
      replica: replica, batch: batch, bytes: bytes, flop: flop,
      memoryTime: bytes / (bandwidth * (k * assumptions.bandwidthEfficiency)),
      computeTime: flop / (peak * (k * assumptions.computeEfficiency)))
  }

  /// The largest batch a replica's memory holds (0 when not even one sequence fits).
  func memoryBatchLimit(replica: Int, memory: Bytes) -> Int {
    let room = memory * (Double(replica) * assumptions.usableMemory) - weights
    guard room.baseValue > 0, kvPerSequence.baseValue > 0 else { return 0 }
    return Int((room / kvPerSequence).rounded(.down))
  }

  /// The largest batch up to `limit` whose step meets the latency target, or nil when batch 1 misses it.
  func latencyBatch(replica: Int, limit: Int, peak: ComputeRate, bandwidth: Bandwidth) -> InferenceEstimate.Step? {
    var best = step(replica: replica, batch: 1, peak: peak, bandwidth: bandwidth)
    guard limit >= 1, best.time <= latency else { return nil }
    var low = 1
    var high = limit
    while low < high {
      let middle = (low + high + 1) / 2
      let candidate = step(replica: replica, batch: middle, peak: peak, bandwidth: bandwidth)
      if candidate.time <= latency {
        low = middle
        best = candidate
      } else {
        high = middle - 1
      }
    }
    return best
  }

  /// Output tokens per second of a replica, with the prefill of each request's prompt time-shared in.
  func effectiveTokensPerSecond(_ step: InferenceEstimate.Step, prefillRate: Double) -> Double {
    let prefillShare = Double(promptTokens) / Double(max(outputTokens, 1)) / prefillRate
    return 1 / (step.time.seconds / Double(step.batch) + prefillShare)
  }

  /// The replica, its decode step and its output tokens/s: the given size, else the best tokens/s per
  /// accelerator among powers of two from the smallest up to one server, else the smallest larger one
  /// that meets the latency target.
  func chooseReplica(
    smallest: Int, sizes: [Int], memory: Bytes, peak: ComputeRate, bandwidth: Bandwidth, prefillPerAccelerator: Double
  ) throws(SizingError) -> (InferenceEstimate.Step, Double, InferenceEstimate.ReplicaChoice) {
    func sized(_ size: Int) -> (InferenceEstimate.Step, Double)? {
      let limit = memoryBatchLimit(replica: size, memory: memory)
      guard let found = latencyBatch(replica: size, limit: limit, peak: peak, bandwidth: bandwidth) else { return nil }
      return (found, effectiveTokensPerSecond(found, prefillRate: prefillPerAccelerator * Double(size)))
    }
    if let forced = replica {
      guard memoryBatchLimit(replica: forced, memory: memory) >= 1 else {
        throw .replicaTooSmall(
          model: model.id, accelerator: accelerator.id, replica: forced, needed: weights + kvPerSequence,
          available: memory * (Double(forced) * assumptions.usableMemory))
      }
      guard let (found, rate) = sized(forced) else {
        throw .latencyUnreachable(
          model: model.id, accelerator: accelerator.id, target: latency,
          best: step(replica: forced, batch: 1, peak: peak, bandwidth: bandwidth).time, replica: forced)
      }
      return (found, rate, .given)
    }
    let serverLimit = max(smallest, assumptions.serverSize)
    var best: (InferenceEstimate.Step, Double)?
    for size in sizes where size >= smallest && size <= serverLimit {
      guard let candidate = sized(size) else { continue }
      if let current = best, candidate.1 / Double(size) <= current.1 / Double(current.0.replica) * (1 + 1e-9) {
        continue
      }
      best = candidate
    }
    if let (found, rate) = best { return (found, rate, found.replica == smallest ? .smallest : .throughput) }
    for size in sizes where size > serverLimit {
      if let (found, rate) = sized(size) { return (found, rate, .latency) }
    }
    let largest = sizes.last ?? 1
    throw .latencyUnreachable(
      model: model.id, accelerator: accelerator.id, target: latency,
      best: step(replica: largest, batch: 1, peak: peak, bandwidth: bandwidth).time, replica: largest)
  }

  func validate() throws(SizingError) {
    func check(_ ok: Bool, _ field: String, _ value: String, _ expected: String) throws(SizingError) {
      if !ok { throw .invalidInput(field: field, value: value, expected: expected) }
    }
    try check(rate > 0 && rate.isFinite, "rate", NumberText.plain(rate, 4), "a positive number of tokens per second")
    try check(
      latency.seconds > 0 && latency.isFinite, "latency", latency.formatted(), "a positive time per output token")
    try check(context > 0, "context", "\(context)", "a positive number of tokens")
    try check(
      promptTokens >= 0 && promptTokens < context, "prompt tokens", "\(promptTokens)",
      "0 or more, and fewer than the context (\(context))")
    try check(
      outputTokens > 0 && promptTokens + outputTokens <= context, "output tokens", "\(outputTokens)",
      "at least 1, with the prompt within the context (\(context))")
    if let replica {
      try check(
        replica > 0 && replica <= assumptions.maxReplica, "replica", "\(replica)",
        "1 to \(assumptions.maxReplica) accelerators")
    }
    let a = assumptions
    try check(
      a.bandwidthEfficiency > 0 && a.bandwidthEfficiency <= 1, "bandwidth efficiency",
      NumberText.plain(a.bandwidthEfficiency, 3), "a number in (0, 1]")
    try check(
      a.computeEfficiency > 0 && a.computeEfficiency <= 1, "compute efficiency",
      NumberText.plain(a.computeEfficiency, 3), "a number in (0, 1]")
    try check(
      a.usableMemory > 0 && a.usableMemory <= 1, "usable memory", NumberText.plain(a.usableMemory, 3),
      "a number in (0, 1]")
    try check(a.lifetime.seconds > 0, "lifetime", a.lifetime.formatted(), "a positive duration")
    if let maxContext = model.maxContext, context > maxContext {
      throw .contextTooLong(model: model.id, context: context, maxContext: maxContext)
    }
  }

  /// Sizes the service.
  ///
  /// - Parameters:
  ///   - power: power per accelerator (nil leaves power and cost empty).
  ///   - facility: PUE, electricity price and grid intensity.
  ///   - unitPrice: price of one accelerator (nil leaves capex and cost per token empty).
  /// - Throws: ``SizingError`` when the model does not fit 64 accelerators, the latency target cannot be
  ///   met, the precision is unsupported or an input is out of range.
  public func estimate(power: PowerModel?, facility: Facility, unitPrice: Money?) throws(SizingError)
    -> InferenceEstimate
  {
    try validate()
    let (used, peak) = try accelerator.peak(at: precision)
    guard let memory = accelerator.memory else {
      throw .missingFigure(accelerator: accelerator.id, field: "memory", needed: "holding the weights and KV cache")
    }
    guard let bandwidth = accelerator.memoryBandwidth else {
      throw .missingFigure(accelerator: accelerator.id, field: "memory_bandwidth", needed: "the decode roofline")
    }
    let needed = weights + kvPerSequence
    // Replica sizes: powers of two up to the largest allowed.
    let sizes = Array(sequence(first: 1) { $0 * 2 }.prefix { $0 <= assumptions.maxReplica })
    guard let smallest = sizes.first(where: { memoryBatchLimit(replica: $0, memory: memory) >= 1 }) else {
      throw .modelDoesNotFit(
        model: model.id, accelerator: accelerator.id, needed: needed,
        available: memory * (Double(assumptions.maxReplica) * assumptions.usableMemory),
        maxReplica: assumptions.maxReplica)
    }
    let prefillPerAccelerator = (peak * assumptions.computeEfficiency).flopsPerSecond / (2 * model.activeParameters)

    let (decode, chosenRate, choice) = try chooseReplica(
      smallest: smallest, sizes: sizes, memory: memory, peak: peak, bandwidth: bandwidth,
      prefillPerAccelerator: prefillPerAccelerator)
    let k = Double(decode.replica)
    let prompt = promptTokens > 0 ? promptTokens : context
    let promptCompute = Compute(flop: 2 * model.activeParameters * Double(prompt))
    let promptTouched =
      model.isMixtureOfExperts
      ? min(model.parameters, Double(prompt) * model.activeParameters) : model.parameters
    let promptBytes =
      Bytes(baseValue: promptTouched * precision.bytesPerValue) + model.kvCache(tokens: prompt, at: precision)
    let prefillCompute = promptCompute / (peak * (k * assumptions.computeEfficiency))
    let prefillMemory = promptBytes / (bandwidth * (k * assumptions.bandwidthEfficiency))

    let replicas = max(1, Int((rate / chosenRate - 1e-9).rounded(.up)))
    let estimate = InferenceEstimate(
      service: self, precision: used, peak: peak, bandwidth: bandwidth, minimumReplica: smallest,
      step: decode, memoryBatchLimit: memoryBatchLimit(replica: decode.replica, memory: memory),
      prefillTokensPerSecondPerReplica: prefillPerAccelerator * k,
      timeToFirstToken: max(prefillCompute, prefillMemory),
      prefillBound: prefillCompute >= prefillMemory ? .compute : .bandwidth,
      tokensPerSecondPerReplica: chosenRate, replicas: replicas, power: power, facility: facility,
      unitPrice: unitPrice, replicaChoice: choice)
    return estimate
  }
}

import HeadroomModel

extension InferenceService {
  /// The figures every roofline evaluation needs, looked up once.
  struct Roof {
    var peak: ComputeRate
    var bandwidth: Bandwidth
    var memory: Bytes
    /// Prompt tokens per second one accelerator prefills.
    var prefillPerAccelerator: Double
  }

  /// The decode cycle of a k-accelerator replica at a batch.
  func step(replica: Int, batch: Int, roof: Roof) -> InferenceEstimate.Step {
    let touched =
      model.isMixtureOfExperts
      ? min(model.parameters, Double(batch) * model.activeParameters) : model.parameters
    let bytes = Bytes(baseValue: touched * precision.bytesPerValue) + kvReadPerSequence * Double(batch)
    let flop = Compute(flop: 2 * model.activeParameters * Double(batch))
    let k = Double(replica)
    let prefillTokens = Double(batch) * Double(promptTokens) / Double(max(outputTokens, 1))
    return InferenceEstimate.Step(
      replica: replica, batch: batch, bytes: bytes, flop: flop,
      memoryTime: bytes / (roof.bandwidth * (k * assumptions.bandwidthEfficiency)),
      computeTime: flop / (roof.peak * (k * assumptions.computeEfficiency)),
      prefillTime: TimeSpan(seconds: prefillTokens / (roof.prefillPerAccelerator * k)))
  }

  /// Prefill time of one prompt (the full context when there is none) on a replica, and its bound.
  func prefill(replica: Int, roof: Roof) -> (time: TimeSpan, bound: InferenceEstimate.Bound) {
    let prompt = promptTokens > 0 ? promptTokens : context
    let k = Double(replica)
    let compute =
      Compute(flop: 2 * model.activeParameters * Double(prompt)) / (roof.peak * (k * assumptions.computeEfficiency))
    let touched =
      model.isMixtureOfExperts
      ? min(model.parameters, Double(prompt) * model.activeParameters) : model.parameters
    let bytes = Bytes(baseValue: touched * precision.bytesPerValue) + model.kvCache(tokens: prompt, at: precision)
    let memory = bytes / (roof.bandwidth * (k * assumptions.bandwidthEfficiency))
    return (max(compute, memory), compute >= memory ? .compute : .bandwidth)
  }

  /// The largest batch a replica's memory holds (0 when not even one sequence fits).
  func memoryBatchLimit(replica: Int, memory: Bytes) -> Int {
    let room = memory * (Double(replica) * assumptions.usableMemory) - weights
    guard room.baseValue > 0, kvPerSequence.baseValue > 0 else { return 0 }
    return Int((room / kvPerSequence).rounded(.down))
  }

  /// Whether a cycle meets both latency limits, given the replica's prefill time for one prompt.
  func meetsLimits(_ step: InferenceEstimate.Step, prefillTime: TimeSpan) -> Bool {
    if let limit = timePerOutputToken, step.cycle > limit { return false }
    if let limit = timeToFirstToken, prefillTime + step.time > limit { return false }
    return true
  }

  /// The largest batch up to `limit` whose cycle meets the latency limits, or nil when batch 1 misses.
  func latencyBatch(replica: Int, limit: Int, roof: Roof) -> InferenceEstimate.Step? {
    guard limit >= 1 else { return nil }
    let prefillTime = prefill(replica: replica, roof: roof).time
    var best = step(replica: replica, batch: 1, roof: roof)
    guard meetsLimits(best, prefillTime: prefillTime) else { return nil }
    var low = 1
    var high = limit
    if meetsLimits(step(replica: replica, batch: limit, roof: roof), prefillTime: prefillTime) {
      return step(replica: replica, batch: limit, roof: roof)
    }
    while low < high {
      let middle = (low + high + 1) / 2
      let candidate = step(replica: replica, batch: middle, roof: roof)
      if meetsLimits(candidate, prefillTime: prefillTime) {
        low = middle
        best = candidate
      } else {
        high = middle - 1
      }
    }
    return best
  }

  /// The error for a replica on which batch 1 misses a latency limit: which limit, and by how much.
  func unreachable(replica: Int, roof: Roof) -> SizingError {
    let single = step(replica: replica, batch: 1, roof: roof)
    if let limit = timePerOutputToken, single.cycle > limit {
      return .latencyUnreachable(
        model: model.id, accelerator: accelerator.id, target: limit, best: single.cycle, replica: replica)
    }
    let first = prefill(replica: replica, roof: roof).time + single.time
    return .firstTokenUnreachable(
      model: model.id, accelerator: accelerator.id, target: timeToFirstToken ?? first, best: first, replica: replica)
  }

  /// The replica and its decode cycle: the given size, else the best tokens/s per accelerator among
  /// powers of two from the smallest up to one server, else the smallest larger one that meets the
  /// latency limits.
  func chooseReplica(smallest: Int, sizes: [Int], roof: Roof) throws(SizingError) -> (
    InferenceEstimate.Step, InferenceEstimate.ReplicaChoice
  ) {
    func sized(_ size: Int) -> InferenceEstimate.Step? {
      latencyBatch(replica: size, limit: memoryBatchLimit(replica: size, memory: roof.memory), roof: roof)
    }
    if let forced = replica {
      guard memoryBatchLimit(replica: forced, memory: roof.memory) >= 1 else {
        throw .replicaTooSmall(
          model: model.id, accelerator: accelerator.id, replica: forced, needed: weights + kvPerSequence,
          available: roof.memory * (Double(forced) * assumptions.usableMemory))
      }
      guard let found = sized(forced) else { throw unreachable(replica: forced, roof: roof) }
      return (found, .given)
    }
    let serverLimit = max(smallest, assumptions.serverSize)
    var best: InferenceEstimate.Step?
    for size in sizes where size >= smallest && size <= serverLimit {
      guard let candidate = sized(size) else { continue }
      if let current = best,
        candidate.tokensPerSecond / Double(size) <= current.tokensPerSecond / Double(current.replica) * (1 + 1e-9)
      {
        continue
      }
      best = candidate
    }
    if let found = best { return (found, found.replica == smallest ? .smallest : .throughput) }
    for size in sizes where size > serverLimit {
      if let found = sized(size) { return (found, .latency) }
    }
    throw unreachable(replica: sizes.last ?? 1, roof: roof)
  }

  func validate() throws(SizingError) {
    func check(_ ok: Bool, _ field: String, _ value: String, _ expected: String) throws(SizingError) {
      if !ok { throw .invalidInput(field: field, value: value, expected: expected) }
    }
    try check(rate > 0 && rate.isFinite, "rate", NumberText.plain(rate, 4), "a positive number of tokens per second")
    if let limit = timePerOutputToken {
      try check(
        limit.seconds > 0 && limit.isFinite, "time per output token", limit.formatted(), "a positive duration")
    }
    if let limit = timeToFirstToken {
      try check(limit.seconds > 0 && limit.isFinite, "time to first token", limit.formatted(), "a positive duration")
    }
    try check(context > 0, "context", "\(context)", "a positive number of tokens")
    try check(promptTokens >= 0, "prompt tokens", "\(promptTokens)", "0 or more")
    try check(outputTokens > 0, "output tokens", "\(outputTokens)", "at least 1")
    if promptTokens + outputTokens > context {
      throw .promptExceedsContext(
        model: model.id, profile: profile, prompt: promptTokens, output: outputTokens, context: context,
        limit: "the KV-cache context given")
    }
    if let replica {
      try check(
        replica > 0 && replica <= assumptions.maxReplica, "replica", "\(replica)",
        "1 to \(assumptions.maxReplica) accelerators")
    }
    let a = assumptions
    for (what, value) in [("bandwidth efficiency", a.bandwidthEfficiency), ("compute efficiency", a.computeEfficiency)]
    {
      guard value > 0 && value <= 1 else {
        throw .efficiencyOutOfRange(what: what, value: value, location: "serving \(accelerator.id)")
      }
    }
    try check(
      a.usableMemory > 0 && a.usableMemory <= 1, "usable memory", NumberText.plain(a.usableMemory, 3),
      "a number in (0, 1]")
    try check(a.lifetime.seconds > 0, "lifetime", a.lifetime.formatted(), "a positive duration")
    if let maxContext = model.maxContext, context > maxContext {
      if promptTokens + outputTokens > maxContext {
        throw .promptExceedsContext(
          model: model.id, profile: profile, prompt: promptTokens, output: outputTokens, context: maxContext,
          limit: "\(model.id)'s maximum context")
      }
      throw .contextTooLong(model: model.id, context: context, maxContext: maxContext)
    }
  }

  /// Sizes the service.
  ///
  /// - Parameters:
  ///   - power: power per accelerator (nil leaves power and cost empty).
  ///   - facility: PUE, electricity price and grid intensity.
  ///   - unitPrice: price of one accelerator (nil leaves capex and cost per token empty).
  /// - Throws: ``SizingError`` when the request does not fit the context, the model does not fit 64
  ///   accelerators, a latency limit cannot be met, the precision is unsupported or an input is out of
  ///   range.
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
    let roof = Roof(
      peak: peak, bandwidth: bandwidth, memory: memory,
      prefillPerAccelerator: (peak * assumptions.computeEfficiency).flopsPerSecond / (2 * model.activeParameters))
    // Replica sizes: powers of two up to the largest allowed.
    let sizes = Array(sequence(first: 1) { $0 * 2 }.prefix { $0 <= assumptions.maxReplica })
    guard let smallest = sizes.first(where: { memoryBatchLimit(replica: $0, memory: memory) >= 1 }) else {
      throw .modelDoesNotFit(
        model: model.id, accelerator: accelerator.id, needed: weights + kvPerSequence,
        available: memory * (Double(assumptions.maxReplica) * assumptions.usableMemory),
        maxReplica: assumptions.maxReplica)
    }
    let (decode, choice) = try chooseReplica(smallest: smallest, sizes: sizes, roof: roof)
    let (prefillTime, prefillBound) = prefill(replica: decode.replica, roof: roof)
    let replicas = max(1, Int((rate / decode.tokensPerSecond - 1e-9).rounded(.up)))
    return InferenceEstimate(
      service: self, precision: used, peak: peak, bandwidth: bandwidth, minimumReplica: smallest, step: decode,
      memoryBatchLimit: memoryBatchLimit(replica: decode.replica, memory: memory),
      prefillTokensPerSecondPerReplica: roof.prefillPerAccelerator * Double(decode.replica),
      prefillTime: prefillTime, prefillBound: prefillBound, timeToFirstToken: prefillTime + decode.time,
      replicas: replicas, power: power, facility: facility, unitPrice: unitPrice, replicaChoice: choice)
  }
}

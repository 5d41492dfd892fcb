import HeadroomModel

extension InferenceService {
  /// The figures every roofline evaluation needs, looked up and multiplied out once, in base units
  /// (bytes, FLOP, seconds): a sizing evaluates the roofline hundreds of times.
  struct Roof {
    var peak: ComputeRate
    var bandwidth: Bandwidth
    var memory: Bytes
    /// Dense peak x compute efficiency of one accelerator, in FLOP/s.
    var flopsPerSecond: Double
    /// Peak bandwidth x bandwidth efficiency of one accelerator, in B/s.
    var bytesPerSecond: Double
    /// Prompt tokens per second one accelerator prefills.
    var prefillPerAccelerator: Double
    /// Bytes per parameter at the serving precision.
    var bytesPerParameter: Double
    /// KV-cache bytes a decode step reads per sequence.
    var kvReadBytes: Double
    /// FLOP per token (2 x N_active).
    var flopPerToken: Double
    /// Prompt tokens prefilled per output token.
    var promptPerOutput: Double

    init(service: InferenceService, peak: ComputeRate, bandwidth: Bandwidth, memory: Bytes) {
      self.peak = peak
      self.bandwidth = bandwidth
      self.memory = memory
      flopsPerSecond = peak.flopsPerSecond * service.assumptions.computeEfficiency
      bytesPerSecond = bandwidth.baseValue * service.assumptions.bandwidthEfficiency
      flopPerToken = 2 * service.model.activeParameters
      prefillPerAccelerator = flopsPerSecond / flopPerToken
      bytesPerParameter = service.precision.bytesPerValue
      kvReadBytes = service.kvReadPerSequence.baseValue
      promptPerOutput = Double(service.promptTokens) / Double(max(service.outputTokens, 1))
    }
  }

  /// The decode cycle of a k-accelerator replica at a batch.
  func step(replica: Int, batch: Int, roof: Roof) -> InferenceEstimate.Step {
    let b = Double(batch)
    let touched = model.isMixtureOfExperts ? min(model.parameters, b * model.activeParameters) : model.parameters
    let bytes = touched * roof.bytesPerParameter + roof.kvReadBytes * b
    let flop = roof.flopPerToken * b
    let k = Double(replica)
    return InferenceEstimate.Step(
      replica: replica, batch: batch, bytes: Bytes(baseValue: bytes), flop: Compute(flop: flop),
      memoryTime: TimeSpan(seconds: bytes / (roof.bytesPerSecond * k)),
      computeTime: TimeSpan(seconds: flop / (roof.flopsPerSecond * k)),
      prefillTime: TimeSpan(seconds: b * roof.promptPerOutput / (roof.prefillPerAccelerator * k)))
  }

  /// Prefill time of one prompt (the full context when there is none) on a replica, and its bound.
  func prefill(replica: Int, roof: Roof) -> (time: TimeSpan, bound: InferenceEstimate.Bound) {
    let prompt = Double(promptTokens > 0 ? promptTokens : context)
    let k = Double(replica)
    let compute = roof.flopPerToken * prompt / (roof.flopsPerSecond * k)
    let touched =
      model.isMixtureOfExperts ? min(model.parameters, prompt * model.activeParameters) : model.parameters
    let bytes = touched * roof.bytesPerParameter + model.kvCachePerToken(at: precision).baseValue * prompt
    let memory = bytes / (roof.bytesPerSecond * k)
    return (TimeSpan(seconds: max(compute, memory)), compute >= memory ? .compute : .bandwidth)
  }

  /// The largest batch a replica's memory holds (0 when not even one sequence fits), at most 10^15
  /// sequences (beyond any real part; it keeps the batch search within whole numbers).
  func memoryBatchLimit(replica: Int, memory: Bytes) -> Int {
    let room = memory.baseValue * Double(replica) * assumptions.usableMemory - weights.baseValue
    let perSequence = kvPerSequence.baseValue
    guard room > 0, perSequence > 0 else { return 0 }
    return Int(representing: min(room / perSequence, 1e15), rounding: .down) ?? 0
  }

  /// Whether a cycle meets both latency limits, given the replica's prefill time for one prompt.
  func meetsLimits(_ step: InferenceEstimate.Step, prefillTime: TimeSpan) -> Bool {
    if let limit = timePerOutputToken, step.cycleSeconds > limit.seconds { return false }
    if let limit = timeToFirstToken, prefillTime.seconds + step.timeSeconds > limit.seconds { return false }
    return true
  }

  /// The largest batch up to `limit` whose cycle meets the latency limits, or nil when batch 1 misses.
  ///
  /// For a dense model every term of the cycle is linear in the batch B - memory a + b B, compute c B,
  /// interleaved prefill q B - so the limits give B in closed form: TPOT needs a + (b + q) B and
  /// (c + q) B within it, TTFT needs a + b B and c B within it less the prompt's prefill. The result is
  /// checked against ``step(replica:batch:roof:)`` and nudged by one for rounding. A mixture of experts
  /// (weights touched grow with B) is searched by bisection.
  func latencyBatch(replica: Int, limit: Int, roof: Roof) -> InferenceEstimate.Step? {
    guard limit >= 1 else { return nil }
    let prefillTime = prefill(replica: replica, roof: roof).time
    if !model.isMixtureOfExperts {
      return closedFormBatch(replica: replica, limit: limit, roof: roof, prefillTime: prefillTime)
    }
    return bisectedBatch(replica: replica, limit: limit, roof: roof, prefillTime: prefillTime)
  }

  /// The largest batch for a dense model from the linear cycle terms, checked by evaluation.
  func closedFormBatch(replica: Int, limit: Int, roof: Roof, prefillTime: TimeSpan) -> InferenceEstimate.Step? {
    let one = step(replica: replica, batch: 1, roof: roof)
    let zero = step(replica: replica, batch: 0, roof: roof)
    let a = zero.memoryTime.seconds
    let b = one.memoryTime.seconds - a
    let c = one.computeTime.seconds
    let q = one.prefillTime.seconds
    var bound = Double(limit)
    if let tpot = timePerOutputToken?.seconds {
      bound = min(bound, (tpot - a) / (b + q), tpot / (c + q))
    }
    if let ttft = timeToFirstToken?.seconds {
      let room = ttft - prefillTime.seconds
      bound = min(bound, b > 0 ? (room - a) / b : (room >= a ? Double(limit) : 0), c > 0 ? room / c : Double(limit))
    }
    guard bound.isFinite else {
      return bisectedBatch(replica: replica, limit: limit, roof: roof, prefillTime: prefillTime)
    }
    var batch = min(limit, Int(representing: max(0, bound), rounding: .down) ?? limit)
    while batch >= 1, !meetsLimits(step(replica: replica, batch: batch, roof: roof), prefillTime: prefillTime) {
      batch -= 1
    }
    guard batch >= 1 else { return nil }
    while batch < limit, meetsLimits(step(replica: replica, batch: batch + 1, roof: roof), prefillTime: prefillTime) {
      batch += 1
    }
    return step(replica: replica, batch: batch, roof: roof)
  }

  /// The largest batch up to `limit` meeting the limits, by bisection (the cycle grows with the batch).
  func bisectedBatch(replica: Int, limit: Int, roof: Roof, prefillTime: TimeSpan) -> InferenceEstimate.Step? {
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
    // The value and the expectation are only formatted for an error: sizing validates on every call.
    func check(
      _ ok: Bool, _ field: String, _ value: @autoclosure () -> String, _ expected: @autoclosure () -> String
    ) throws(SizingError) {
      if !ok { throw .invalidInput(field: field, value: value(), expected: expected()) }
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
    if !(a.bandwidthEfficiency > 0 && a.bandwidthEfficiency <= 1) {
      throw .efficiencyOutOfRange(
        what: "bandwidth efficiency", value: a.bandwidthEfficiency, location: "serving \(accelerator.id)")
    }
    if !(a.computeEfficiency > 0 && a.computeEfficiency <= 1) {
      throw .efficiencyOutOfRange(
        what: "compute efficiency", value: a.computeEfficiency, location: "serving \(accelerator.id)")
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
    let roof = Roof(service: self, peak: peak, bandwidth: bandwidth, memory: memory)
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
    let needed = rate / decode.tokensPerSecond
    guard let least = Int(representing: needed - 1e-9, rounding: .up) else {
      throw .invalidInput(
        field: "rate", value: NumberText.readable(rate),
        expected:
          "a rate a whole number of replicas can serve (\(NumberText.readable(needed)) replicas of \(decode.replica) x \(accelerator.id) would be needed)"
      )
    }
    let replicas = max(1, least)
    return InferenceEstimate(
      service: self, precision: used, peak: peak, bandwidth: bandwidth, minimumReplica: smallest, step: decode,
      memoryBatchLimit: memoryBatchLimit(replica: decode.replica, memory: memory),
      prefillTokensPerSecondPerReplica: roof.prefillPerAccelerator * Double(decode.replica),
      prefillTime: prefillTime, prefillBound: prefillBound, timeToFirstToken: prefillTime + decode.time,
      replicas: replicas, power: power, facility: facility, unitPrice: unitPrice, replicaChoice: choice)
  }
}

import HeadroomModel

/// The sized inference service: replica, batch, roofline bounds, latency, throughput, fleet, power and
/// cost.
public struct InferenceEstimate: Sendable, Hashable {
  /// Which roof a phase hits.
  public enum Bound: String, Sendable, Hashable, Codable {
    case compute
    case bandwidth
  }

  /// One decode cycle of a replica at a batch: a decode step plus the prefill it interleaves.
  public struct Step: Sendable, Hashable {
    public var replica: Int
    public var batch: Int
    /// Bytes a decode step reads: weights touched plus the batch's KV caches.
    public var bytes: Bytes
    /// FLOP of a decode step.
    public var flop: Compute
    /// Time the reads take at the replica's effective bandwidth.
    public var memoryTime: TimeSpan
    /// Time the FLOP take at the replica's effective compute.
    public var computeTime: TimeSpan
    /// Prefill time per cycle: the prompts of the B x prompt / output requests that start each cycle.
    public var prefillTime: TimeSpan

    /// The decode step time: the larger of the two roofs.
    public var time: TimeSpan { TimeSpan(seconds: timeSeconds) }
    /// Time per output token each user sees: the decode step plus the prefill interleaved with it.
    public var cycle: TimeSpan { TimeSpan(seconds: cycleSeconds) }
    public var bound: Bound { computeTime.seconds > memoryTime.seconds ? .compute : .bandwidth }
    /// Output tokens per second of the replica, prefill included.
    public var tokensPerSecond: Double { Double(batch) / cycleSeconds }
    /// ``time`` in seconds.
    var timeSeconds: Double { max(memoryTime.seconds, computeTime.seconds) }
    /// ``cycle`` in seconds.
    var cycleSeconds: Double { timeSeconds + prefillTime.seconds }
  }

  /// How the replica size was chosen.
  public enum ReplicaChoice: String, Sendable, Hashable, Codable {
    /// The smallest that holds the model gives the most tokens/s per accelerator.
    case smallest
    /// A larger one within a server gives more tokens/s per accelerator.
    case throughput
    /// Enlarged beyond a server to meet a latency limit.
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
  /// The decode cycle at the chosen replica and batch.
  public var step: Step
  /// The largest batch the replica's memory holds.
  public var memoryBatchLimit: Int
  /// Prompt tokens per second one replica prefills (compute-bound: 2 x N_active FLOP per token).
  public var prefillTokensPerSecondPerReplica: Double
  /// Prefill time of one prompt on the replica (the full context when the service has no prompt).
  public var prefillTime: TimeSpan
  public var prefillBound: Bound
  /// Time to first token: one prompt's prefill plus the decode step it waits for.
  public var timeToFirstToken: TimeSpan
  public var replicas: Int
  public var power: PowerModel?
  public var facility: Facility
  public var unitPrice: Money?
  public var replicaChoice: ReplicaChoice

  /// Output tokens per second of one replica, prefill included.
  public var tokensPerSecondPerReplica: Double { step.tokensPerSecond }
  /// Time between a user's output tokens (the decode cycle).
  public var timePerOutputToken: TimeSpan { step.cycle }
  /// The efficiencies used and their bases.
  public var efficiency: ServingEfficiency { service.assumptions.efficiency }

  /// How figures were reached and which are missing (built on demand: sizing itself formats no text).
  public var notes: [String] {
    let a = service.assumptions
    var notes = [
      "efficiency: \(efficiency.explanation); usable memory \(NumberText.plain(a.usableMemory, 3))",
      "request: \(service.promptTokens) prompt + \(service.outputTokens) output tokens (profile \(service.profile)); KV cache reserved at \(service.context) tokens, read at \(NumberText.plain(service.meanDecodeTokens, 4)) per decode step",
    ]
    switch replicaChoice {
    case .smallest: break
    case .throughput:
      notes.append(
        "replica of \(step.replica) (smallest that holds the model: \(minimumReplica)) gives the most tokens/s per accelerator"
      )
    case .latency: notes.append("replica enlarged to \(step.replica) accelerators to meet the latency limits")
    case .given:
      notes.append(
        "replica of \(step.replica) accelerators as given (the smallest that holds the model is \(minimumReplica))")
    }
    if service.model.isMixtureOfExperts {
      notes.append("mixture of experts: a decode step reads min(all, batch x active) parameters")
    }
    if service.promptTokens == 0 {
      notes.append("decode only: no prompt tokens; time to first token is for a full-context prompt")
    }
    if service.timePerOutputToken == nil && service.timeToFirstToken == nil {
      notes.append("no latency limits (offline): the batch is the largest that fits memory")
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
    notes.append("capex amortised over \(NumberText.plain(a.lifetime.years, 3)) years (assumption)")
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

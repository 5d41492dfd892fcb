import HeadroomModel

/// The sized training run: accelerators, time, memory, power, energy, cost and CO2.
///
/// Figures that need data the catalog lacks (a TDP for power, a price for capex, a grid intensity for
/// CO2) are nil, and ``notes`` says why.
public struct TrainingEstimate: Sendable, Hashable {
  /// What set the accelerator count.
  public enum CountBasis: String, Sendable, Hashable {
    /// The count was given.
    case given
    /// The least count that meets the deadline.
    case deadline
    /// The memory floor needs more accelerators than the deadline does.
    case memory
  }

  public var job: TrainingJob
  /// The precision whose peak was used (FP16 for a BF16 request on parts without BF16).
  public var precision: Precision
  /// Dense peak per accelerator at that precision.
  public var peak: ComputeRate
  /// Training compute, 6 x N_active x D.
  public var compute: Compute
  public var accelerators: Int
  public var countBasis: CountBasis
  /// Wall-clock time, goodput included.
  public var duration: TimeSpan
  /// Accelerator-hours (accelerators x wall-clock hours).
  public var acceleratorHours: Double
  /// Model FLOP/s the whole run sustains while it makes progress (n x peak x MFU).
  public var sustainedRate: ComputeRate
  /// 16 bytes per parameter of model and optimiser state.
  public var stateMemory: Bytes
  /// Activation memory per accelerator at this count.
  public var activationsPerAccelerator: Bytes
  /// States plus all activations: the least memory the run needs.
  public var memoryFloor: Bytes
  /// Memory of all the accelerators.
  public var memoryAvailable: Bytes
  /// The least count that holds the floor.
  public var minimumAccelerators: Int
  /// How power per accelerator was reached; nil without a TDP or a system.
  public var power: PowerModel?
  public var facility: Facility
  public var itPower: Power?
  public var facilityPower: Power?
  public var energy: Energy?
  public var energyCost: Money?
  /// Accelerator purchase (count x unit price); servers, network and buildings are not included.
  public var capex: Money?
  public var co2: Mass?

  /// Capex plus energy cost, when both are known.
  public var totalCost: Money? {
    guard let capex, let energyCost else { return nil }
    return capex + energyCost
  }

  /// How figures were reached and which are missing (built on demand: sizing itself formats no text).
  public var notes: [String] {
    var notes = [
      "compute = 6 x \(CountText.format(job.activeParameters)) active parameters x \(CountText.format(job.tokens)) tokens",
      "MFU \(NumberText.plain(job.mfu, 3)) (\(job.mfuSource)) of the \(precision.rawValue) dense peak \(peak.formatted()); goodput \(NumberText.plain(job.goodput, 3)) (wall-clock time = steps / goodput)",
      "memory floor: 16 B x \(CountText.format(job.parameters)) parameters + activations (2 x seq \(job.shape.sequenceLength) x hidden \(job.shape.hiddenSize) x \(job.shape.layers) layers per sequence, full recomputation, over min(n, 8) tensor-parallel accelerators)",
    ]
    if countBasis == .memory {
      notes.append(
        "the memory floor needs \(minimumAccelerators) accelerators, more than the deadline does; the run finishes early"
      )
    }
    if let power {
      notes.append(
        "power: \(power.explanation); x PUE \(NumberText.plain(facility.pue, 3)) (\(facility.name)); energy basis: that power drawn for the whole wall-clock time, goodput losses included (system wall power where the catalog has the system)"
      )
      if facility.electricityPrice == nil {
        notes.append("no electricity price for \(facility.name): energy cost left out")
      }
      if facility.carbonIntensity == nil { notes.append("no carbon intensity for \(facility.name): CO2 left out") }
    } else {
      notes.append(
        "\(job.accelerator.id) has no TDP and no catalog system: power, energy, energy cost and CO2 left out")
    }
    if capex == nil {
      notes.append("\(job.accelerator.id) has no published price: capex left out")
    } else {
      notes.append("capex: accelerators only, at the catalog price (servers, network and buildings excluded)")
    }
    return notes
  }
}

extension TrainingJob {
  /// Sizes the run.
  ///
  /// - Parameters:
  ///   - power: power per accelerator (nil leaves power, energy, cost and CO2 empty).
  ///   - facility: PUE, electricity price and grid intensity.
  ///   - unitPrice: price of one accelerator (nil leaves capex empty).
  /// - Throws: ``SizingError`` for an unsupported precision, a count below the memory floor or an
  ///   input out of range.
  public func estimate(power: PowerModel?, facility: Facility, unitPrice: Money?) throws(SizingError)
    -> TrainingEstimate
  {
    try validate()
    let (used, peak) = try accelerator.peak(at: precision)
    guard let memory = accelerator.memory else {
      throw .missingFigure(accelerator: accelerator.id, field: "memory", needed: "the training memory floor")
    }
    let perAccelerator = peak * mfu
    let statesShare = (stateMemory / memory).rounded(.up)
    guard Int(representing: statesShare) != nil else {
      throw .invalidInput(
        field: "parameters", value: NumberText.readable(parameters),
        expected:
          "a count whose model and optimiser state (16 B per parameter, \(stateMemory.formatted())) fits a whole number of \(accelerator.id) (\(NumberText.readable(statesShare)) needed)"
      )
    }
    let minimum = minimumAccelerators(memory: memory) ?? Int.max
    let count: Int
    let basis: TrainingEstimate.CountBasis
    switch size {
    case .accelerators(let given):
      guard given >= minimum else {
        throw .trainingMemory(
          accelerator: accelerator.id, count: given, needed: memoryFloor(onAccelerators: given),
          available: memory * Double(given), minimum: minimum == Int.max ? 0 : minimum)
      }
      count = given
      basis = .given
    case .deadline(let deadline):
      let needed = compute / (perAccelerator * (deadline * goodput))
      guard let least = Int(representing: needed - 1e-9, rounding: .up) else {
        throw .invalidInput(
          field: "days", value: NumberText.readable(deadline.days),
          expected:
            "a deadline a whole number of \(accelerator.id) can meet (\(NumberText.readable(needed)) would be needed)")
      }
      let byDeadline = max(1, least)
      guard minimum != Int.max else {
        throw .trainingMemory(
          accelerator: accelerator.id, count: byDeadline, needed: memoryFloor(onAccelerators: byDeadline),
          available: memory * Double(byDeadline), minimum: 0)
      }
      count = max(byDeadline, minimum)
      basis = count == byDeadline ? .deadline : .memory
    }
    let sustained = perAccelerator * Double(count)
    let duration = (compute / sustained) / goodput
    var estimate = TrainingEstimate(
      job: self, precision: used, peak: peak, compute: compute, accelerators: count, countBasis: basis,
      duration: duration, acceleratorHours: Double(count) * duration.hours, sustainedRate: sustained,
      stateMemory: stateMemory, activationsPerAccelerator: shape.activations(onAccelerators: count),
      memoryFloor: memoryFloor(onAccelerators: count), memoryAvailable: memory * Double(count),
      minimumAccelerators: minimum, power: power, facility: facility, itPower: nil, facilityPower: nil,
      energy: nil, energyCost: nil, capex: unitPrice.map { $0 * Double(count) }, co2: nil)
    if let power {
      let it = power.itPower * Double(count)
      let total = it * facility.pue
      let energy = total * duration
      estimate.itPower = it
      estimate.facilityPower = total
      estimate.energy = energy
      estimate.energyCost = facility.electricityPrice.map { energy * $0 }
      estimate.co2 = facility.carbonIntensity.map { energy * $0 }
    }
    return estimate
  }
}

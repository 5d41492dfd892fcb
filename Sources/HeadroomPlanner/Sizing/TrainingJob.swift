import Foundation
import HeadroomModel

/// A training run to size: a model of N active parameters trained on D tokens, on one kind of
/// accelerator, either on a given number of accelerators or by a deadline.
///
/// Compute C = 6 x N_active x D. Time = C / (n x peak(precision) x MFU) / goodput. The memory floor is
/// 16 bytes per parameter (BF16 weights and gradients, FP32 master weights and two Adam moments) plus
/// activations (see ``Shape``); the count must hold it.
///
/// For example:
/// ```swift
/// let job = TrainingJob(
///   parameters: 405e9, tokens: 15.6e12, accelerator: h100, precision: .bf16, mfu: 0.40,
///   mfuSource: "given", size: .accelerators(16_384))
/// let estimate = try job.estimate(power: PowerModel(tdp: h100.tdp!), facility: facility, unitPrice: nil)
/// estimate.duration.days    // about 70
/// ```
public struct TrainingJob: Sendable, Hashable {
  /// How the accelerator count is set.
  public enum Size: Sendable, Hashable {
    /// A given number of accelerators; the duration follows.
    case accelerators(Int)
    /// A deadline; the least count that meets it (and holds the memory floor) follows.
    case deadline(TimeSpan)
  }

  /// The transformer dimensions behind the activation estimate.
  ///
  /// With full activation recomputation a sequence keeps 2 x s x h bytes per layer (its 16-bit layer
  /// inputs; Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer
  /// Models"), so 2 x s x h x L per sequence in flight. Headroom assumes a micro-batch of one sequence
  /// and a 1F1B pipeline (each stage holds about one sequence's worth over its layers), split over up
  /// to 8 tensor-parallel accelerators: 2 x s x h x L / min(n, 8) bytes per accelerator.
  public struct Shape: Sendable, Hashable {
    public var hiddenSize: Int
    public var layers: Int
    public var sequenceLength: Int

    public init(hiddenSize: Int, layers: Int, sequenceLength: Int) {
      self.hiddenSize = hiddenSize
      self.layers = layers
      self.sequenceLength = sequenceLength
    }

    /// A model's own shape at its default context.
    public init(model: ReferenceModel) {
      self.init(hiddenSize: model.hiddenSize, layers: model.layers, sequenceLength: model.context)
    }

    /// A shape estimated from a dense parameter count: N = 12 x L x h^2 (attention and MLP weights)
    /// with L = h / 128, the aspect ratio of the Llama 3 family (4096/32, 16384/126). A count too large
    /// for a whole hidden size (beyond about 1e58) gives the largest one; sizing refuses such a count.
    public static func estimated(parameters: Double, sequenceLength: Int = 8192) -> Shape {
      let hidden = max(1, Int(representing: cbrt(max(parameters, 1) * 128 / 12)) ?? Int.max)
      let layers = max(1, Int(representing: Double(hidden) / 128) ?? Int.max)
      return Shape(hiddenSize: hidden, layers: layers, sequenceLength: sequenceLength)
    }

    /// Activation bytes per accelerator on `count` accelerators.
    public func activations(onAccelerators count: Int) -> Bytes {
      let perSequence = 2 * Double(sequenceLength) * Double(hiddenSize) * Double(layers)
      return Bytes(baseValue: perSequence / Double(min(max(count, 1), 8)))
    }
  }

  /// Bytes of model and optimiser state per parameter for mixed-precision Adam: BF16 weights (2) and
  /// gradients (2), FP32 master weights (4) and two FP32 moments (8).
  public static let stateBytesPerParameter = 16.0

  /// All parameters (they all sit in memory, experts included).
  public var parameters: Double
  /// Parameters one token runs through (N in 6ND).
  public var activeParameters: Double
  /// Training tokens (D).
  public var tokens: Double
  public var accelerator: Accelerator
  /// The requested precision (BF16 and FP16 stand in for each other).
  public var precision: Precision
  /// Model FLOPs utilisation in (0, 1].
  public var mfu: Double
  /// Where the MFU comes from, for the report.
  public var mfuSource: String
  /// Share of wall-clock time spent on useful steps, in (0, 1] (Meta reports about 0.9 for Llama 3).
  public var goodput: Double
  public var size: Size
  public var shape: Shape

  public init(
    parameters: Double, activeParameters: Double? = nil, tokens: Double, accelerator: Accelerator,
    precision: Precision = .bf16, mfu: Double, mfuSource: String = "given", goodput: Double = 1,
    size: Size, shape: Shape? = nil
  ) {
    self.parameters = parameters
    self.activeParameters = activeParameters ?? parameters
    self.tokens = tokens
    self.accelerator = accelerator
    self.precision = precision
    self.mfu = mfu
    self.mfuSource = mfuSource
    self.goodput = goodput
    self.size = size
    self.shape = shape ?? .estimated(parameters: activeParameters ?? parameters)
  }

  /// Training compute, C = 6 x N_active x D.
  public var compute: Compute { Compute(flop: 6 * activeParameters * tokens) }

  /// Model and optimiser state for the whole run (16 bytes per parameter).
  public var stateMemory: Bytes { Bytes(baseValue: Self.stateBytesPerParameter * parameters) }

  /// The memory floor on `count` accelerators: states plus every accelerator's activations.
  public func memoryFloor(onAccelerators count: Int) -> Bytes {
    stateMemory + shape.activations(onAccelerators: count) * Double(count)
  }

  /// The least accelerator count whose memory holds the floor, or nil when none does (activations fill
  /// each accelerator, or more are needed than a whole number counts).
  public func minimumAccelerators(memory: Bytes) -> Int? {
    for count in 1..<8 where memory * Double(count) >= memoryFloor(onAccelerators: count) { return count }
    let room = memory - shape.activations(onAccelerators: 8)
    guard room.baseValue > 0 else { return nil }
    return Int(representing: stateMemory / room, rounding: .up).map { max(8, $0) }
  }

  func validate() throws(SizingError) {
    func check(_ ok: Bool, _ field: String, _ value: Double, _ expected: String) throws(SizingError) {
      if !ok { throw .invalidInput(field: field, value: NumberText.plain(value, 4), expected: expected) }
    }
    try check(parameters > 0 && parameters.isFinite, "parameters", parameters, "a positive count")
    try check(
      activeParameters > 0 && activeParameters <= parameters, "active parameters", activeParameters,
      "a positive count no larger than the parameters")
    try check(tokens > 0 && tokens.isFinite, "tokens", tokens, "a positive count")
    if !compute.flop.isFinite {
      // 6 x N x D overflows: name the larger of the two counts.
      let (field, value) = tokens >= activeParameters ? ("tokens", tokens) : ("parameters", parameters)
      throw .invalidInput(
        field: field, value: NumberText.readable(value),
        expected: "a count whose training compute, 6 x active parameters x tokens, is a finite number of FLOP")
    }
    try check(mfu > 0 && mfu <= 1, "mfu", mfu, "a number in (0, 1]")
    try check(goodput > 0 && goodput <= 1, "goodput", goodput, "a number in (0, 1]")
    switch size {
    case .accelerators(let count): try check(count > 0, "count", Double(count), "a positive whole number")
    case .deadline(let deadline):
      try check(deadline.seconds > 0 && deadline.isFinite, "days", deadline.days, "a positive number of days")
    }
  }
}

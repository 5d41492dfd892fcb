import HeadroomModel

/// Why a workload cannot be sized on an accelerator, said with the figures that decide it.
public enum SizingError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The accelerator has no dense rate at the precision.
  case unsupportedPrecision(accelerator: String, precision: Precision, supported: [Precision])
  /// A figure the sizing needs is absent from the accelerator's data file.
  case missingFigure(accelerator: String, field: String, needed: String)
  /// No default MFU is recorded for the accelerator and precision, and none was given.
  case noDefaultMFU(accelerator: String, precision: Precision)
  /// A training count too small to hold the model states and activations.
  case trainingMemory(accelerator: String, count: Int, needed: Bytes, available: Bytes, minimum: Int)
  /// The weights and one sequence's KV cache do not fit any replica of up to `maxReplica` accelerators.
  case modelDoesNotFit(model: String, accelerator: String, needed: Bytes, available: Bytes, maxReplica: Int)
  /// A forced replica size too small for the weights and one sequence's KV cache.
  case replicaTooSmall(model: String, accelerator: String, replica: Int, needed: Bytes, available: Bytes)
  /// No replica of up to `maxReplica` accelerators meets the time-per-output-token target, even at batch 1.
  case latencyUnreachable(model: String, accelerator: String, target: TimeSpan, best: TimeSpan, replica: Int)
  /// A context longer than the model supports.
  case contextTooLong(model: String, context: Int, maxContext: Int)
  /// An input outside its range: the field, the value and what was expected.
  case invalidInput(field: String, value: String, expected: String)

  public var description: String {
    switch self {
    case .unsupportedPrecision(let accelerator, let precision, let supported):
      return
        "\(accelerator) has no \(precision.rawValue) rate; it supports \(supported.map(\.rawValue).joined(separator: ", "))"
    case .missingFigure(let accelerator, let field, let needed):
      return "\(accelerator) has no '\(field)' figure in its data file; it is needed for \(needed)"
    case .noDefaultMFU(let accelerator, let precision):
      return "no default MFU for \(accelerator) at \(precision.rawValue) in Scenarios/mfu.yaml; give --mfu"
    case .trainingMemory(let accelerator, let count, let needed, let available, let minimum):
      let advice =
        minimum > 0
        ? "use at least \(minimum) accelerators"
        : "no count helps: one accelerator cannot hold its share of a sequence's activations"
      return
        "\(count) x \(accelerator) hold \(available.formatted()) but the run needs at least \(needed.formatted()) (16 bytes per parameter for mixed-precision Adam plus activations); \(advice)"
    case .modelDoesNotFit(let model, let accelerator, let needed, let available, let maxReplica):
      return
        "\(model) does not fit any replica of up to \(maxReplica) x \(accelerator): it needs \(needed.formatted()) (weights plus one sequence's KV cache) and \(maxReplica) accelerators offer \(available.formatted()) usable"
    case .replicaTooSmall(let model, let accelerator, let replica, let needed, let available):
      return
        "a replica of \(replica) x \(accelerator) offers \(available.formatted()) usable but \(model) needs \(needed.formatted()) (weights plus one sequence's KV cache)"
    case .latencyUnreachable(let model, let accelerator, let target, let best, let replica):
      return
        "\(model) on \(accelerator) cannot meet \(Self.milliseconds(target)) per output token: the best is \(Self.milliseconds(best)) at batch 1 on \(replica) accelerators"
    case .contextTooLong(let model, let context, let maxContext):
      return "\(model) supports at most \(maxContext) tokens of context, not \(context)"
    case .invalidInput(let field, let value, let expected):
      return "\(field) \(value): expected \(expected)"
    }
  }

  static func milliseconds(_ duration: TimeSpan) -> String {
    NumberText.plain(duration.seconds * 1000, 3) + " ms"
  }
}

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
  /// No replica of up to `maxReplica` accelerators meets the time-to-first-token limit, even at batch 1.
  case firstTokenUnreachable(model: String, accelerator: String, target: TimeSpan, best: TimeSpan, replica: Int)
  /// A request's prompt and output do not fit the context the KV cache is sized at (or the model's).
  case promptExceedsContext(model: String, profile: String, prompt: Int, output: Int, context: Int, limit: String)
  /// An efficiency outside (0, 1]: given, in a data file, or needed to reproduce a measured case.
  case efficiencyOutOfRange(what: String, value: Double, location: String)
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
        "\(model) on \(accelerator) cannot meet \(Self.milliseconds(target)) per output token: the best is \(Self.milliseconds(best)) at batch 1 on \(replica) accelerators, over the time-per-output-token limit by \(Self.overrun(best, target))"
    case .firstTokenUnreachable(let model, let accelerator, let target, let best, let replica):
      return
        "\(model) on \(accelerator) cannot meet the time-to-first-token limit of \(Self.milliseconds(target)): the best is \(Self.milliseconds(best)) (the prompt's prefill plus one decode step, batch 1 on \(replica) accelerators), over the limit by \(Self.overrun(best, target))"
    case .promptExceedsContext(let model, let profile, let prompt, let output, let context, let limit):
      return
        "profile \(profile): prompt \(prompt) + output \(output) = \(prompt + output) tokens exceed \(limit) of \(context) tokens (serving \(model))"
    case .efficiencyOutOfRange(let what, let value, let location):
      return "\(location): \(what) \(NumberText.plain(value, 4)) is outside (0, 1]"
    case .contextTooLong(let model, let context, let maxContext):
      return "\(model) supports at most \(maxContext) tokens of context, not \(context)"
    case .invalidInput(let field, let value, let expected):
      return "\(field) \(value): expected \(expected)"
    }
  }

  static func milliseconds(_ duration: TimeSpan) -> String {
    NumberText.plain(duration.seconds * 1000, 3) + " ms"
  }

  /// How far an achieved time exceeds a limit: "784 ms (174 %)".
  static func overrun(_ best: TimeSpan, _ target: TimeSpan) -> String {
    let excess = best - target
    let share = target.seconds > 0 ? NumberText.plain(excess / target * 100, 3) + " %" : "—"
    return "\(milliseconds(excess)) (\(share))"
  }
}

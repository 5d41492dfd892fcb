/// The shape of an inference request and the latency a service promises for it
/// (`Scenarios/inference-profiles.yaml`).
///
/// Token counts are means per request: throughput follows means. Latency limits are a time to first
/// token (TTFT, the prompt's prefill plus the wait for it) and a time per output token (TPOT, the
/// interval between a user's tokens). ``precisions`` lists the serving precisions the profile accepts,
/// most preferred first; a part is served at the first one it has a rate for.
///
/// For example:
/// ```swift
/// let chat = try catalog.profile("chat")
/// chat.promptTokens                 // 1155 (Azure conversation trace, mean)
/// chat.timePerOutputToken           // 40 ms (MLPerf's interactive limit)
/// ```
public struct InferenceProfile: Sendable, Hashable, Identifiable {
  public var id: String
  public var name: String
  /// The model the profile was measured with (MLPerf's), used when a request names none.
  public var model: String?
  /// Prompt tokens per request (prefill).
  public var promptTokens: Int
  /// Output tokens per request (decode).
  public var outputTokens: Int
  /// The time-to-first-token limit, or nil for none (an offline batch).
  public var timeToFirstToken: TimeSpan?
  /// The time-per-output-token limit, or nil for none (an offline batch).
  public var timePerOutputToken: TimeSpan?
  /// Serving precisions the profile accepts, most preferred first.
  public var precisions: [Precision]

  public init(
    id: String, name: String, promptTokens: Int, outputTokens: Int, timeToFirstToken: TimeSpan?,
    timePerOutputToken: TimeSpan?, precisions: [Precision] = [.fp8, .bf16, .fp16], model: String? = nil
  ) {
    self.id = id
    self.name = name
    self.model = model
    self.promptTokens = promptTokens
    self.outputTokens = outputTokens
    self.timeToFirstToken = timeToFirstToken
    self.timePerOutputToken = timePerOutputToken
    self.precisions = precisions
  }

  /// Tokens one request holds in its KV cache at its end: prompt plus output.
  public var context: Int { promptTokens + outputTokens }

  /// The same shape with no latency limits, as MLPerf's offline scenario measures it.
  public var offline: InferenceProfile {
    var copy = self
    copy.timeToFirstToken = nil
    copy.timePerOutputToken = nil
    return copy
  }
}

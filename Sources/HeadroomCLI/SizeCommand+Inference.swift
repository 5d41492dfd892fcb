import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

extension SizeCommand {
  /// `headroom size inference`: replica, batch, roofline bounds, latency, tokens/s, accelerators, MW and
  /// $/Mtok.
  struct Inference: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Size an inference service: replica, batch, prefill and decode, accelerators, MW, $ per Mtok.",
      discussion: """
        Examples:
          headroom size inference --profile mlperf-llama2-70b \\
            --accelerator h100-sxm
          headroom size inference --model llama-3-70b --rate 1M \\
            --accelerator h100-sxm --profile chat
          headroom size inference --model deepseek-v3 --rate 200k \\
            --accelerator h20 --latency 50ms
          headroom size inference --model llama-3-70b --rate 1M \\
            --compare h100-sxm,h20,h200-sxm,ascend-910c
        A request profile (Scenarios/inference-profiles.yaml; default chat) gives prompt and output tokens, \
        time-to-first-token and time-per-output-token limits and the accepted precisions (FP4 where the \
        part has it); --prompt-tokens, --output-tokens, --ttft, --latency and --precision override them. \
        A replica is a power-of-two group of accelerators that holds the weights and KV cache; decode reads \
        the weights and the batch's KV cache every step (bandwidth roof) and does 2 x N_active FLOP per \
        token (compute roof); prefill is interleaved with decode. Each part's compute efficiency is fitted \
        to MLPerf Inference (Scenarios/calibration.yaml), else a stated fallback; the output names the basis.
        """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var location: SizeLocationOptions

    @Option(
      help: "Reference model id (see Scenarios/models; default: the profile's model, if it names one).",
      completion: IDCompletion.of(.model))
    var model: String?

    @Option(help: "Request profile id (see Scenarios/inference-profiles.yaml; default: chat).")
    var profile: String?

    @Option(parsing: .unconditional, help: "Demanded output tokens per second (1e6, 1M; default: one replica's worth).")
    var rate: String?

    @Option(help: "Accelerator id (see 'headroom catalog list').", completion: IDCompletion.of(.accelerator))
    var accelerator: String?

    @Option(
      parsing: .unconditional,
      help: "Time-per-output-token limit (50ms, 0.05s; a bare number is milliseconds; default: the profile's).")
    var latency: String?

    @Option(help: "Time-to-first-token limit (450ms, 2s; a bare number is milliseconds; default: the profile's).")
    var ttft: String?

    @Option(help: "Serving precision (default: the first of the profile's precisions the part supports).")
    var precision: Precision?

    @Option(
      parsing: .unconditional, help: "Tokens per sequence the KV cache is reserved at (default: prompt + output).")
    var context: Int?

    @Option(parsing: .unconditional, help: "Prompt tokens per request (default: the profile's; 0 for decode only).")
    var promptTokens: Int?

    @Option(parsing: .unconditional, help: "Output tokens per request (default: the profile's).")
    var outputTokens: Int?

    @Option(parsing: .unconditional, help: "Force the replica size (accelerators, 1-64).")
    var replica: Int?

    @Option(
      parsing: .unconditional,
      help: "Share of peak memory bandwidth decode achieves, in (0, 1] (default: 0.8, an assumption).")
    var bandwidthEfficiency: Double?

    @Option(
      parsing: .unconditional,
      help: "Share of dense peak matrix multiplies achieve, in (0, 1] (default: fitted to MLPerf, else the fallback).")
    var computeEfficiency: Double?

    @Option(parsing: .unconditional, help: "Share of memory for weights and KV cache, in (0, 1] (assumption: 0.9).")
    var usableMemory: Double?

    @Option(parsing: .unconditional, help: "Years over which accelerator capex is amortised (assumption: 5).")
    var lifetime: Double?

    func run() throws {
      let data = try options.loadData()
      let catalog = data.catalog
      let request = try self.request()
      let sizing: InferenceSizing
      do {
        sizing = try SizeInput.sizing { try InferenceSizing(request, catalog: catalog) }
      } catch let error as SizingError {
        // A context longer than the model's is said against --context when the user gave it.
        guard case .contextTooLong = error, let context else { throw error }
        throw CommandError("--context \(context): \(error)")
      }
      if location.compare == nil {
        guard let outcome = sizing.outcomes.first, let estimate = outcome.estimate else {
          throw CommandError(sizing.outcomes.first?.error ?? "no accelerator sized")
        }
        options.emit(SizingReport.inference(sizing, estimate), data: data, uses: Self.uses(sizing))
      } else {
        options.emit(SizingReport.inferenceComparison(sizing), data: data, uses: Self.uses(sizing))
      }
    }

    /// The items a sizing rests on: the accelerators sized, their systems and the model.
    static func uses(_ sizing: InferenceSizing) -> Set<String> {
      Set(sizing.outcomes.map(\.accelerator) + [sizing.model].compactMap { $0 } + ["mfu", "inference-profiles"])
    }

    /// The options as a library request, checked.
    func request() throws -> InferenceSizingRequest {
      let demanded = try rate.map { text throws in try SizeInput.count(text, option: "--rate") }
      let perToken = try latency.map { text throws in try SizeInput.latency(text, option: "--latency") }
      let firstToken = try ttft.map { text throws in
        try SizeInput.latency(text, option: "--ttft", what: "a time to first token")
      }
      try SizeInput.positive(context, option: "--context", what: "a number of tokens")
      try SizeInput.positive(outputTokens, option: "--output-tokens", what: "a number of tokens")
      try SizeInput.positive(replica, option: "--replica", what: "a number of accelerators")
      if let promptTokens, promptTokens < 0 {
        throw CommandError("--prompt-tokens \(promptTokens): expected 0 or more tokens")
      }
      if let replica, replica > 64 { throw CommandError("--replica \(replica): expected 1 to 64 accelerators") }
      try SizeInput.fraction(bandwidthEfficiency, option: "--bandwidth-efficiency")
      try SizeInput.fraction(computeEfficiency, option: "--compute-efficiency")
      try SizeInput.fraction(usableMemory, option: "--usable-memory")
      if let lifetime, !(lifetime > 0 && lifetime.isFinite) {
        throw CommandError("--lifetime \(NumberText.plain(lifetime, 4)): expected a positive number of years")
      }
      return InferenceSizingRequest(
        model: model, accelerators: try location.acceleratorIDs(primary: accelerator), profile: profile,
        rate: demanded, promptTokens: promptTokens, outputTokens: outputTokens, context: context,
        timePerOutputToken: perToken, timeToFirstToken: firstToken, precision: precision, replica: replica,
        bandwidthEfficiency: bandwidthEfficiency, computeEfficiency: computeEfficiency, usableMemory: usableMemory,
        lifetime: lifetime.map { TimeSpan(years: $0) }, location: location.location)
    }
  }
}

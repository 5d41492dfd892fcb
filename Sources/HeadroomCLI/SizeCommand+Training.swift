import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

extension SizeCommand {
  /// `headroom size training`: accelerators or days, memory floor, MW, MWh, dollars and CO2 for a run.
  struct Training: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Size a training run: C = 6 N D at peak x MFU, on a count of accelerators or by a deadline.",
      discussion: """
        Examples:
          headroom size training --params 405B --tokens 15.6T \\
            --accelerator h100-sxm --count 16384
          headroom size training --model deepseek-v3 --tokens 14.8T \\
            --accelerator h800 --count 2048 --precision fp8
          headroom size training --params 70B --tokens 15T --days 30 \\
            --compare h100-sxm,h20,ascend-910c
        MFU defaults are the median of the published runs on the part's silicon (Scenarios/mfu.yaml), else \
        a marked fallback per precision; goodput defaults to the median of published large runs. The \
        memory floor is 16 bytes per parameter (mixed-precision Adam) plus activations.
        """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var location: SizeLocationOptions

    @Option(parsing: .unconditional, help: "Parameters (all of them; 405e9, 405B). Or give --model.")
    var params: String?

    @Option(parsing: .unconditional, help: "Active parameters per token for a mixture of experts (default: --params).")
    var activeParams: String?

    @Option(help: "Reference model id (Scenarios/models): its parameters, active parameters and shape.")
    var model: String?

    @Option(parsing: .unconditional, help: "Training tokens (15.6e12, 15.6T).")
    var tokens: String

    @Option(help: "Accelerator id (see 'headroom catalog list').", completion: IDCompletion.of(.accelerator))
    var accelerator: String?

    @Option(parsing: .unconditional, help: "Number of accelerators (the duration follows).")
    var count: Int?

    @Option(parsing: .unconditional, help: "Deadline in days (the accelerator count follows).")
    var days: Double?

    @Option(parsing: .unconditional, help: "Model FLOPs utilisation in (0, 1] (default: Scenarios/mfu.yaml).")
    var mfu: Double?

    @Option(
      parsing: .unconditional,
      help:
        "Share of wall-clock time on useful steps, in (0, 1] (default: Scenarios/mfu.yaml, median of published runs).")
    var goodput: Double?

    @Option(help: "Training precision: bf16, fp16, fp8, fp4 (BF16 and FP16 stand in for each other).")
    var precision: Precision = .bf16

    func run() throws {
      let data = try options.loadData()
      let catalog = data.catalog
      let request = try self.request()
      let sizing = try SizeInput.sizing { try TrainingSizing(request, catalog: catalog) }
      if location.compare == nil {
        guard let outcome = sizing.outcomes.first, let estimate = outcome.estimate else {
          throw CommandError(sizing.outcomes.first?.error ?? "no accelerator sized")
        }
        options.emit(SizingReport.training(sizing, estimate), data: data, uses: Self.uses(sizing))
      } else {
        options.emit(SizingReport.trainingComparison(sizing), data: data, uses: Self.uses(sizing))
      }
    }

    /// The items a sizing rests on: the accelerators sized and the MFU table.
    static func uses(_ sizing: TrainingSizing) -> Set<String> {
      Set(sizing.outcomes.map(\.accelerator) + ["mfu"])
    }

    /// The options as a library request, checked.
    func request() throws -> TrainingSizing.Request {
      let tokens = try SizeInput.count(self.tokens, option: "--tokens")
      var parameters: Double?
      switch (params, model) {
      case (nil, nil): throw CommandError("--params: missing; give the parameter count (405e9, 405B) or --model <id>")
      case (_?, _?): throw CommandError("--params \(params!) --model \(model!): give one of them")
      case (let text?, nil): parameters = try SizeInput.count(text, option: "--params")
      case (nil, _?): parameters = nil
      }
      var active: Double?
      if let text = activeParams {
        active = try SizeInput.count(text, option: "--active-params")
        if let parameters, active! > parameters {
          throw CommandError(
            "--active-params \(text): expected at most the parameters (\(CountText.format(parameters)))")
        }
      }
      try SizeInput.fraction(mfu, option: "--mfu")
      try SizeInput.fraction(goodput, option: "--goodput")
      let size: TrainingJob.Size
      switch (count, days) {
      case (nil, nil):
        throw CommandError("--count or --days: missing; give the accelerator count or a deadline in days")
      case (_?, _?): throw CommandError("--count \(count!) --days \(NumberText.plain(days!, 4)): give one of them")
      case (let count?, nil):
        try SizeInput.positive(count, option: "--count", what: "a whole number of accelerators")
        size = .accelerators(count)
      case (nil, let days?):
        guard days > 0, days.isFinite else {
          throw CommandError("--days \(NumberText.plain(days, 4)): expected a positive number of days")
        }
        size = .deadline(TimeSpan(days: days))
      }
      return TrainingSizing.Request(
        parameters: parameters, activeParameters: active, model: model, tokens: tokens,
        accelerators: try location.acceleratorIDs(primary: accelerator), size: size, precision: precision, mfu: mfu,
        goodput: goodput, location: location.location)
    }
  }
}

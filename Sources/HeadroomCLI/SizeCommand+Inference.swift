import ArgumentParser
import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomReport

extension SizeCommand {
  /// `headroom size inference`: replica, batch, roofline bounds, tokens/s, accelerators, MW and $/Mtok.
  struct Inference: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Size an inference service: replica, batch, decode/prefill bounds, accelerators, MW, $ per Mtok.",
      discussion: """
        Examples:
          headroom size inference --model llama-3-70b --rate 1M --accelerator h100-sxm
          headroom size inference --model deepseek-v3 --rate 200k --accelerator h20 --latency 50ms
          headroom size inference --model llama-3-70b --rate 1M --compare h100-sxm,h20,h200-sxm,ascend-910c
        A replica is a power-of-two group of accelerators that holds the weights and KV cache; decode reads \
        the weights and the batch's KV cache every step (bandwidth roof) and does 2 x N_active FLOP per \
        token (compute roof). The batch is the largest that fits memory and meets --latency. The efficiency \
        options are assumptions, stated in the output.
        """
    )

    @OptionGroup var options: CommonOptions
    @OptionGroup var location: SizeLocationOptions

    @Option(help: "Reference model id (see Scenarios/models).")
    var model: String

    @Option(parsing: .unconditional, help: "Demanded output tokens per second (1e6, 1M).")
    var rate: String

    @Option(help: "Accelerator id (see 'headroom catalog list').")
    var accelerator: String?

    @Option(parsing: .unconditional, help: "Time-per-output-token target (50ms, 0.05s; a bare number is milliseconds).")
    var latency: String = "50ms"

    @Option(help: "Serving precision (default: fp8 where the part has an FP8 rate, else bf16/fp16).")
    var precision: Precision?

    @Option(parsing: .unconditional, help: "Tokens per sequence the KV cache is sized at (default: the model's).")
    var context: Int?

    @Option(
      parsing: .unconditional, help: "Prompt tokens per request, to time-share prefill (default: 0, decode only).")
    var promptTokens: Int?

    @Option(parsing: .unconditional, help: "Output tokens per request (default: context - prompt tokens).")
    var outputTokens: Int?

    @Option(parsing: .unconditional, help: "Force the replica size (accelerators, 1-64).")
    var replica: Int?

    @Option(
      parsing: .unconditional, help: "Share of peak memory bandwidth decode achieves, in (0, 1] (assumption: 0.8).")
    var bandwidthEfficiency: Double?

    @Option(
      parsing: .unconditional, help: "Share of dense peak matrix multiplies achieve, in (0, 1] (assumption: 0.5).")
    var computeEfficiency: Double?

    @Option(parsing: .unconditional, help: "Share of memory for weights and KV cache, in (0, 1] (assumption: 0.9).")
    var usableMemory: Double?

    @Option(parsing: .unconditional, help: "Years over which accelerator capex is amortised (assumption: 5).")
    var lifetime: Double?

    func run() throws {
      try reportingErrors {
        let catalog = try options.loadCatalog()
        let reference = try catalog.model(model)
        let demanded = try SizeInput.count(rate, option: "--rate")
        let target = try SizeInput.latency(latency, option: "--latency")
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
        let tokens = context ?? reference.context
        if let maxContext = reference.maxContext, tokens > maxContext {
          throw CommandError("--context \(tokens): \(reference.id) supports at most \(maxContext) tokens")
        }
        let prompt = promptTokens ?? 0
        if prompt >= tokens {
          throw CommandError("--prompt-tokens \(prompt): expected fewer than the context (\(tokens) tokens)")
        }
        if let outputTokens, prompt + outputTokens > tokens {
          throw CommandError(
            "--output-tokens \(outputTokens): prompt plus output must fit the context (\(tokens) tokens)")
        }
        var assumptions = InferenceService.Assumptions()
        if let bandwidthEfficiency { assumptions.bandwidthEfficiency = bandwidthEfficiency }
        if let computeEfficiency { assumptions.computeEfficiency = computeEfficiency }
        if let usableMemory { assumptions.usableMemory = usableMemory }
        if let lifetime { assumptions.lifetime = TimeSpan(days: lifetime * 365.25) }
        let facility = try location.facility(catalog)
        let parts = try location.accelerators(catalog, primary: accelerator)

        func size(_ part: Accelerator) throws(SizingError) -> InferenceEstimate {
          let service = InferenceService(
            model: reference, accelerator: part, precision: precision, context: tokens, promptTokens: prompt,
            outputTokens: outputTokens, latency: target, rate: demanded, replica: replica, assumptions: assumptions)
          return try service.estimate(
            power: PowerModel(accelerator: part, systems: catalog.systems), facility: facility,
            unitPrice: part.unitPrice(systems: catalog.systems))
        }
        if location.compare == nil {
          let estimate = try SizeInput.sizing { () throws(SizingError) in try size(parts[0]) }
          options.emit(Self.report(estimate))
        } else {
          let results = parts.map { part in Result { () throws(SizingError) in try size(part) } }
          options.emit(
            Self.compareReport(Array(zip(parts, results)), model: reference, rate: demanded, latency: target))
        }
      }
    }

    static func report(_ estimate: InferenceEstimate) -> Report {
      let service = estimate.service
      let model = service.model
      var table = Table(
        title: "Serving \(model.id) at \(CountText.format(service.rate)) tokens/s on \(service.accelerator.id)",
        columns: [.init("figure"), .init("value")])
      table.append([
        "model",
        "\(model.name): \(CountText.format(model.parameters)) parameters (\(CountText.format(model.activeParameters)) active), context \(service.context) tokens",
      ])
      table.append([
        "precision",
        "\(estimate.precision.rawValue): weights \(service.weights.formatted()), KV cache \(service.kvPerSequence.formatted()) per sequence",
      ])
      table.append([
        "replica",
        "\(estimate.replicaAccelerators) x \(service.accelerator.id) (\((service.accelerator.memory ?? .zero).formatted()), \(estimate.bandwidth.formatted()) each; smallest that holds the model: \(estimate.minimumReplica))",
      ])
      table.append(["batch", "\(estimate.batch) sequences (memory holds \(estimate.memoryBatchLimit))"])
      table.append([
        "decode step",
        "\(SizeCells.milliseconds(estimate.step.time)) (target \(SizeCells.milliseconds(service.latency))), \(estimate.decodeBound.rawValue)-bound: reads \(estimate.step.bytes.formatted()) in \(SizeCells.milliseconds(estimate.step.memoryTime)), computes \(estimate.step.flop.formatted()) in \(SizeCells.milliseconds(estimate.step.computeTime))",
      ])
      table.append([
        "prefill",
        "\(CountText.format(estimate.prefillTokensPerSecondPerReplica)) prompt tokens/s per replica, \(estimate.prefillBound.rawValue)-bound; first token after \(SizeCells.milliseconds(estimate.timeToFirstToken))",
      ])
      table.append([
        "tokens/s",
        "\(CountText.format(estimate.tokensPerSecondPerReplica)) per replica, \(CountText.format(estimate.tokensPerSecondPerAccelerator)) per accelerator",
      ])
      table.append([
        "accelerators",
        "\(SizeCells.grouped(estimate.accelerators)) (\(SizeCells.grouped(estimate.replicas)) \(estimate.replicas == 1 ? "replica" : "replicas"))",
      ])
      table.append(["IT power", Cells.quantity(estimate.itPower)])
      table.append([
        "facility power",
        estimate.facilityPower.map {
          "\($0.formatted()) (PUE \(NumberText.plain(estimate.facility.pue, 3)), \(estimate.facility.name))"
        } ?? Cells.absent,
      ])
      table.append(["capex (accelerators)", SizeCells.money(estimate.capex)])
      table.append([
        "cost per million tokens",
        estimate.costPerMillionTokens.map {
          "\(money($0)) (capex \(money(estimate.capexPerMillionTokens)), electricity \(money(estimate.energyCostPerMillionTokens)))"
        } ?? Cells.absent,
      ])
      table.notes = estimate.notes
      return Report(tables: [table], json: json(estimate))
    }

    /// Dollars with cents for small amounts.
    static func money(_ money: Money?) -> String {
      guard let money else { return Cells.absent }
      return money.dollars < 100 ? "$" + NumberText.plain(money.dollars, 3) : money.formatted()
    }

    static func json(_ estimate: InferenceEstimate) -> JSONValue {
      let service = estimate.service
      return .object([
        ("model", .string(service.model.id)), ("accelerator", .string(service.accelerator.id)),
        ("precision", .string(estimate.precision.rawValue)), ("context", .number(Double(service.context))),
        ("weightsGB", .number(service.weights.gigabytes)),
        ("kvCachePerSequenceGB", .number(service.kvPerSequence.gigabytes)),
        ("minimumReplicaAccelerators", .number(Double(estimate.minimumReplica))),
        ("replicaAccelerators", .number(Double(estimate.replicaAccelerators))),
        ("batch", .number(Double(estimate.batch))),
        ("memoryBatchLimit", .number(Double(estimate.memoryBatchLimit))),
        ("latencyTargetMs", .number(service.latency.seconds * 1000)),
        ("stepTimeMs", .number(estimate.step.time.seconds * 1000)),
        ("decodeBound", .string(estimate.decodeBound.rawValue)),
        ("decodeMemoryTimeMs", .number(estimate.step.memoryTime.seconds * 1000)),
        ("decodeComputeTimeMs", .number(estimate.step.computeTime.seconds * 1000)),
        ("prefillTokensPerSecondPerReplica", .number(estimate.prefillTokensPerSecondPerReplica)),
        ("prefillBound", .string(estimate.prefillBound.rawValue)),
        ("timeToFirstTokenMs", .number(estimate.timeToFirstToken.seconds * 1000)),
        ("tokensPerSecondPerReplica", .number(estimate.tokensPerSecondPerReplica)),
        ("tokensPerSecondPerAccelerator", .number(estimate.tokensPerSecondPerAccelerator)),
        ("rateTokensPerSecond", .number(service.rate)), ("replicas", .number(Double(estimate.replicas))),
        ("accelerators", .number(Double(estimate.accelerators))), ("powerBasis", .string(estimate.power?.basis.kind)),
        ("itPowerMW", SizeCells.megawatts(estimate.itPower)),
        ("facilityPowerMW", SizeCells.megawatts(estimate.facilityPower)),
        ("pue", .number(estimate.facility.pue)), ("location", .string(estimate.facility.name)),
        ("capexUSD", .number(estimate.capex?.dollars)),
        ("usdPerMillionTokens", .number(estimate.costPerMillionTokens?.dollars)),
        ("capexUSDPerMillionTokens", .number(estimate.capexPerMillionTokens?.dollars)),
        ("energyUSDPerMillionTokens", .number(estimate.energyCostPerMillionTokens?.dollars)),
        (
          "assumptions",
          .object([
            ("bandwidthEfficiency", .number(service.assumptions.bandwidthEfficiency)),
            ("computeEfficiency", .number(service.assumptions.computeEfficiency)),
            ("usableMemory", .number(service.assumptions.usableMemory)),
            ("lifetimeYears", .number(service.assumptions.lifetime.days / 365.25)),
          ])
        ),
        ("notes", .array(estimate.notes.map { .string($0) })),
      ])
    }

    /// Ranks parts for the service: per watt by tokens/s per facility kW, per dollar by $ per Mtok.
    static func compareReport(
      _ results: [(Accelerator, Result<InferenceEstimate, SizingError>)], model: ReferenceModel, rate: Double,
      latency: TimeSpan
    ) -> Report {
      let estimates = results.map { try? $0.1.get() }
      let perKilowatt: [Double?] = estimates.map { estimate in
        guard let estimate, let power = estimate.facilityPower, power.watts > 0 else { return nil }
        return estimate.service.rate / (power.watts / 1000)
      }
      let perWatt = SizeCells.ranks(perKilowatt)
      let perDollar = SizeCells.ranks(estimates.map { $0?.costPerMillionTokens?.dollars }, ascending: true)
      var table = Table(
        title:
          "Serving \(model.id) at \(CountText.format(rate)) tokens/s, \(SizeCells.milliseconds(latency)) per token: ranked per watt and per dollar",
        columns: [
          .init("accelerator"), .init("precision"), .init("replica", .right), .init("batch", .right),
          .init("decode"), .init("tokens/s/acc", .right), .init("accelerators", .right), .init("facility MW", .right),
          .init("tokens/s per kW", .right), .init("$/Mtok", .right), .init("rank /W", .right), .init("rank /$", .right),
        ])
      let order = results.indices.sorted { (perWatt[$0] ?? Int.max, $0) < (perWatt[$1] ?? Int.max, $1) }
      var notes: [String] = []
      var rows: [JSONValue] = []
      for index in order {
        let (part, result) = results[index]
        switch result {
        case .success(let estimate):
          table.append([
            part.id, estimate.precision.rawValue, "\(estimate.replicaAccelerators)", "\(estimate.batch)",
            estimate.decodeBound.rawValue, CountText.format(estimate.tokensPerSecondPerAccelerator),
            SizeCells.grouped(estimate.accelerators),
            estimate.facilityPower.map { NumberText.plain($0.megawatts, 3) } ?? Cells.absent,
            perKilowatt[index].map { NumberText.plain($0, 3) } ?? Cells.absent,
            money(estimate.costPerMillionTokens),
            perWatt[index].map { "\($0)" } ?? Cells.absent, perDollar[index].map { "\($0)" } ?? Cells.absent,
          ])
          var object = json(estimate)
          if case .object(var pairs) = object {
            pairs.append(("tokensPerSecondPerKW", .number(perKilowatt[index])))
            pairs.append(("rankPerWatt", .number(perWatt[index].map(Double.init))))
            pairs.append(("rankPerDollar", .number(perDollar[index].map(Double.init))))
            object = .object(pairs)
          }
          rows.append(object)
        case .failure(let error):
          table.append([part.id] + Array(repeating: Cells.absent, count: 11))
          notes.append("\(part.id): \(error)")
          rows.append(.object([("accelerator", .string(part.id)), ("error", .string(error.description))]))
        }
      }
      if let first = estimates.compactMap({ $0 }).first { notes.append(first.notes[0]) }
      table.notes = notes
      return Report(
        tables: [table],
        json: .object([
          ("model", .string(model.id)), ("rateTokensPerSecond", .number(rate)),
          ("latencyTargetMs", .number(latency.seconds * 1000)), ("accelerators", .array(rows)),
        ]))
    }
  }
}

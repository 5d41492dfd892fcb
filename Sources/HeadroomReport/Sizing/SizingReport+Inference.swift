import HeadroomModel
import HeadroomPlanner

extension SizingReport {
  /// One sized service as a table of figures and a JSON object.
  public static func inference(_ sizing: InferenceSizing, _ estimate: InferenceSizing.Estimate) -> Report {
    let profile = sizing.profile
    var table = Table(
      title: "Serving \(sizing.model) at \(CountText.format(estimate.rate)) tokens/s on \(estimate.accelerator)",
      columns: [.init("figure"), .init("value")])
    table.append([
      "model",
      "\(sizing.modelName): \(CountText.format(sizing.parameters)) parameters (\(CountText.format(sizing.activeParameters)) active)",
    ])
    table.append([
      "profile",
      "\(profile.id): \(profile.promptTokens) prompt + \(profile.outputTokens) output tokens; TTFT limit \(limit(profile.timeToFirstToken)), TPOT limit \(limit(profile.timePerOutputToken))",
    ])
    table.append([
      "precision",
      "\(estimate.precision.rawValue): weights \(estimate.weights.formatted()), KV cache \(estimate.kvCachePerSequence.formatted()) per sequence at \(profile.context) tokens",
    ])
    table.append(["efficiency", efficiencyText(estimate.efficiency)])
    table.append([
      "replica",
      "\(estimate.replica) x \(estimate.accelerator) (\(estimate.memory.formatted()), \(estimate.bandwidth.formatted()) each; smallest that holds the model: \(estimate.minimumReplica))",
    ])
    table.append(["batch", "\(estimate.batch) sequences (memory holds \(estimate.memoryBatchLimit))"])
    table.append([
      "decode step",
      "\(SizingCells.milliseconds(estimate.stepTime)), \(estimate.decodeBound.rawValue)-bound: reads \(estimate.stepBytes.formatted()) in \(SizingCells.milliseconds(estimate.stepMemoryTime)), computes \(estimate.stepCompute.formatted()) in \(SizingCells.milliseconds(estimate.stepComputeTime))",
    ])
    table.append([
      "prefill",
      "\(CountText.format(estimate.prefillTokensPerSecondPerReplica)) prompt tokens/s per replica, \(estimate.prefillBound.rawValue)-bound; \(SizingCells.milliseconds(estimate.prefillTimePerCycle)) interleaved per decode step",
    ])
    table.append([
      "latency",
      "time to first token \(SizingCells.milliseconds(estimate.timeToFirstToken)) (limit \(limit(profile.timeToFirstToken))), time per output token \(SizingCells.milliseconds(estimate.timePerOutputToken)) (limit \(limit(profile.timePerOutputToken)))",
    ])
    table.append([
      "tokens/s",
      "\(CountText.format(estimate.tokensPerSecondPerReplica)) per replica, \(CountText.format(estimate.tokensPerSecondPerAccelerator)) per accelerator (\(estimate.efficiency.basis.kind) efficiency)",
    ])
    table.append([
      "accelerators",
      "\(SizingCells.grouped(estimate.accelerators)) (\(SizingCells.grouped(estimate.replicas)) \(estimate.replicas == 1 ? "replica" : "replicas"))",
    ])
    table.append(["IT power", SizingCells.quantity(estimate.itPower)])
    table.append([
      "facility power",
      estimate.facilityPower.map {
        "\($0.formatted()) (PUE \(NumberText.plain(sizing.pue, 3)), \(sizing.location))"
      } ?? SizingCells.absent,
    ])
    table.append(["capex (accelerators)", SizingCells.money(estimate.capex)])
    table.append([
      "cost per million tokens",
      estimate.costPerMillionTokens.map {
        "\(SizingCells.cents($0)) (capex \(SizingCells.cents(estimate.capexPerMillionTokens)), electricity \(SizingCells.cents(estimate.energyCostPerMillionTokens)))"
      } ?? SizingCells.absent,
    ])
    table.notes = estimate.notes
    let json = json(sizing, estimate)
    return Report(
      tables: [table], json: json,
      data: [
        DataTable(
          name: "estimate", rowMeaning: "one row: the sized service", flattening: [json], skipping: ["notes"])
      ])
  }

  /// Several parts for one service, ranked per watt (tokens/s per facility kW) and per dollar ($/Mtok).
  public static func inferenceComparison(_ sizing: InferenceSizing) -> Report {
    let estimates = sizing.outcomes.map(\.estimate)
    let perKilowatt: [Double?] = estimates.map { estimate in
      guard let estimate, let power = estimate.facilityPower, power.watts > 0 else { return nil }
      return estimate.rate / (power.watts / 1000)
    }
    let perWatt = SizingCells.ranks(perKilowatt)
    let perDollar = SizingCells.ranks(estimates.map { $0?.costPerMillionTokens?.dollars }, ascending: true)
    var table = Table(
      title:
        "Serving \(sizing.model) at \(sizing.rate.map { CountText.format($0) + " tokens/s" } ?? "one replica each"), profile \(sizing.profile.id): ranked per watt and per dollar",
      columns: [
        .init("accelerator"), .init("precision"), .init("efficiency"), .init("replica", .right), .init("batch", .right),
        .init("decode"), .init("tokens/s/acc", .right), .init("accelerators", .right), .init("facility MW", .right),
        .init("tokens/s per kW", .right), .init("$/Mtok", .right), .init("rank /W", .right), .init("rank /$", .right),
      ])
    let order = sizing.outcomes.indices.sorted { (perWatt[$0] ?? Int.max, $0) < (perWatt[$1] ?? Int.max, $1) }
    var notes: [String] = []
    var rows: [JSONValue] = []
    for index in order {
      let outcome = sizing.outcomes[index]
      if let estimate = outcome.estimate {
        table.append([
          outcome.accelerator, estimate.precision.rawValue,
          "\(NumberText.plain(estimate.efficiency.compute, 3)) \(estimate.efficiency.basis.kind)",
          "\(estimate.replica)", "\(estimate.batch)", estimate.decodeBound.rawValue,
          CountText.format(estimate.tokensPerSecondPerAccelerator), SizingCells.grouped(estimate.accelerators),
          estimate.facilityPower.map { NumberText.plain($0.megawatts, 3) } ?? SizingCells.absent,
          perKilowatt[index].map { NumberText.plain($0, 3) } ?? SizingCells.absent,
          SizingCells.cents(estimate.costPerMillionTokens),
          perWatt[index].map { "\($0)" } ?? SizingCells.absent, perDollar[index].map { "\($0)" } ?? SizingCells.absent,
        ])
        rows.append(
          SizingCells.adding(
            [
              ("tokensPerSecondPerKW", .number(perKilowatt[index])),
              ("rankByPower", .number(perWatt[index].map(Double.init))),
              ("rankByCost", .number(perDollar[index].map(Double.init))),
            ], to: json(sizing, estimate)))
      } else {
        table.append([outcome.accelerator] + Array(repeating: SizingCells.absent, count: 12))
        notes.append("\(outcome.accelerator): \(outcome.error ?? "not sized")")
        rows.append(.object([("accelerator", .string(outcome.accelerator)), ("error", .string(outcome.error))]))
      }
    }
    let profile = sizing.profile
    notes.append(
      "profile \(profile.id): \(profile.promptTokens) prompt + \(profile.outputTokens) output tokens, TTFT limit \(limit(profile.timeToFirstToken)), TPOT limit \(limit(profile.timePerOutputToken))"
    )
    notes.append(
      "efficiency: compute share of dense peak - fitted to MLPerf Inference per part and precision (Scenarios/calibration.yaml), else the fallback (median of the fitted parts), else given; bandwidth share 0.8 is an assumption"
    )
    table.notes = notes
    return Report(
      tables: [table],
      json: .object([
        ("model", .string(sizing.model)), ("profile", profileJSON(profile)),
        ("rateTokensPerSecond", .number(sizing.rate)), ("accelerators", .array(rows)),
      ]),
      data: [
        DataTable(
          name: "accelerators", rowMeaning: "one row per accelerator compared", flattening: rows, skipping: ["notes"])
      ])
  }

  static func limit(_ limit: TimeSpan?) -> String { limit.map { SizingCells.milliseconds($0) } ?? "none" }

  static func efficiencyText(_ efficiency: ServingEfficiency) -> String {
    let basis: String =
      switch efficiency.basis {
      case .fitted(let cases): "fitted to \(cases.joined(separator: ", "))"
      case .fallback(let count): "fallback, median of \(count) fitted parts"
      case .assumption: "assumption"
      case .given: "given"
      }
    return
      "compute \(NumberText.plain(efficiency.compute, 3)) (\(basis)); bandwidth \(NumberText.plain(efficiency.bandwidth, 3)) (\(efficiency.bandwidthBasis.kind))"
  }

  static func profileJSON(_ profile: InferenceSizing.Profile) -> JSONValue {
    .object([
      ("id", .string(profile.id)), ("promptTokens", .number(Double(profile.promptTokens))),
      ("outputTokens", .number(Double(profile.outputTokens))), ("context", .number(Double(profile.context))),
      ("timeToFirstTokenLimitMs", SizingCells.milliseconds(profile.timeToFirstToken)),
      ("timePerOutputTokenLimitMs", SizingCells.milliseconds(profile.timePerOutputToken)),
    ])
  }

  static func efficiencyJSON(_ efficiency: ServingEfficiency) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("compute", .number(efficiency.compute)), ("bandwidth", .number(efficiency.bandwidth)),
      ("basis", .string(efficiency.basis.kind)), ("bandwidthBasis", .string(efficiency.bandwidthBasis.kind)),
      ("explanation", .string(efficiency.basis.description)),
    ]
    if case .fitted(let cases) = efficiency.basis { pairs.append(("cases", .array(cases.map { .string($0) }))) }
    return .object(pairs)
  }

  static func json(_ sizing: InferenceSizing, _ estimate: InferenceSizing.Estimate) -> JSONValue {
    .object([
      ("model", .string(sizing.model)), ("accelerator", .string(estimate.accelerator)),
      ("profile", profileJSON(sizing.profile)), ("precision", .string(estimate.precision.rawValue)),
      ("context", .number(Double(sizing.profile.context))), ("efficiency", efficiencyJSON(estimate.efficiency)),
      ("weightsGB", .number(estimate.weights.gigabytes)),
      ("kvCachePerSequenceGB", .number(estimate.kvCachePerSequence.gigabytes)),
      ("minimumReplicaAccelerators", .number(Double(estimate.minimumReplica))),
      ("replicaAccelerators", .number(Double(estimate.replica))), ("batch", .number(Double(estimate.batch))),
      ("memoryBatchLimit", .number(Double(estimate.memoryBatchLimit))),
      ("latencyTargetMs", SizingCells.milliseconds(sizing.profile.timePerOutputToken)),
      ("timeToFirstTokenLimitMs", SizingCells.milliseconds(sizing.profile.timeToFirstToken)),
      ("stepTimeMs", .number(estimate.stepTime.seconds * 1000)),
      ("timePerOutputTokenMs", .number(estimate.timePerOutputToken.seconds * 1000)),
      ("decodeBound", .string(estimate.decodeBound.rawValue)),
      ("decodeMemoryTimeMs", .number(estimate.stepMemoryTime.seconds * 1000)),
      ("decodeComputeTimeMs", .number(estimate.stepComputeTime.seconds * 1000)),
      ("prefillTokensPerSecondPerReplica", .number(estimate.prefillTokensPerSecondPerReplica)),
      ("prefillBound", .string(estimate.prefillBound.rawValue)),
      ("timeToFirstTokenMs", .number(estimate.timeToFirstToken.seconds * 1000)),
      ("tokensPerSecondPerReplica", .number(estimate.tokensPerSecondPerReplica)),
      ("tokensPerSecondPerAccelerator", .number(estimate.tokensPerSecondPerAccelerator)),
      ("rateTokensPerSecond", .number(estimate.rate)), ("replicas", .number(Double(estimate.replicas))),
      ("accelerators", .number(Double(estimate.accelerators))), ("powerBasis", .string(estimate.powerBasis)),
      ("itPowerMW", SizingCells.megawatts(estimate.itPower)),
      ("facilityPowerMW", SizingCells.megawatts(estimate.facilityPower)), ("pue", .number(sizing.pue)),
      ("location", .string(sizing.location)), ("capexUSD", .number(estimate.capex?.dollars)),
      ("costUSDPerMTokens", .number(estimate.costPerMillionTokens?.dollars)),
      ("capexUSDPerMTokens", .number(estimate.capexPerMillionTokens?.dollars)),
      ("energyUSDPerMTokens", .number(estimate.energyCostPerMillionTokens?.dollars)),
      (
        "assumptions",
        .object([
          ("bandwidthEfficiency", .number(estimate.efficiency.bandwidth)),
          ("computeEfficiency", .number(estimate.efficiency.compute)),
          ("usableMemory", .number(estimate.usableMemory)),
          ("lifetimeYears", .number(estimate.lifetime.days / 365.25)),
        ])
      ),
      ("notes", .array(estimate.notes.map { .string($0) })),
    ])
  }
}

import HeadroomModel
import HeadroomPlanner

extension SizingReport {
  /// One sized run as a table of figures and a JSON object.
  public static func training(_ sizing: TrainingSizing, _ estimate: TrainingSizing.Estimate) -> Report {
    var table = Table(
      title:
        "Training \(CountText.format(sizing.activeParameters)) x \(CountText.format(sizing.tokens)) tokens on \(estimate.accelerator)",
      columns: [.init("figure"), .init("value")])
    let basis: String =
      switch estimate.countBasis {
      case "given": "given"
      case "deadline": "least count meeting the deadline"
      default: "set by the memory floor"
      }
    table.append(["compute", sizing.compute.formatted()])
    table.append(["accelerators", "\(SizingCells.grouped(estimate.accelerators)) x \(estimate.accelerator) (\(basis))"])
    table.append([
      "precision, peak", "\(estimate.precision.rawValue), \(estimate.peak.formatted()) dense per accelerator",
    ])
    table.append(["MFU", "\(NumberText.plain(estimate.mfu.mfu, 3)) (\(estimate.mfuSource))"])
    table.append(["goodput", "\(NumberText.plain(estimate.goodput, 3)) (\(sizing.goodputSource))"])
    table.append([
      "time",
      "\(NumberText.plain(estimate.duration.days, 3)) days (\(CountText.format(estimate.acceleratorHours)) accelerator-hours)",
    ])
    table.append([
      "memory floor",
      "\(estimate.memoryFloor.formatted()) (states \(estimate.stateMemory.formatted()) + \(estimate.activationsPerAccelerator.formatted()) activations per accelerator) of \(estimate.memoryAvailable.formatted()); at least \(SizingCells.grouped(estimate.minimumAccelerators)) accelerators",
    ])
    table.append(["IT power", SizingCells.quantity(estimate.itPower)])
    table.append([
      "facility power",
      estimate.facilityPower.map {
        "\($0.formatted()) (PUE \(NumberText.plain(sizing.pue, 3)), \(sizing.location))"
      } ?? SizingCells.absent,
    ])
    table.append(["energy", SizingCells.quantity(estimate.energy)])
    table.append(["energy cost", SizingCells.money(estimate.energyCost)])
    table.append(["capex (accelerators)", SizingCells.money(estimate.capex)])
    table.append(["total cost", SizingCells.money(estimate.totalCost)])
    table.append(["CO2", SizingCells.quantity(estimate.co2)])
    table.notes = estimate.notes
    let json = json(sizing, estimate)
    return Report(
      tables: [table], json: json,
      data: [
        DataTable(
          name: "estimate", rowMeaning: "one row: the sized run", flattening: [json], skipping: ["notes"])
      ])
  }

  /// Several parts for one run, ranked per watt (energy) and per dollar (capex + energy cost).
  public static func trainingComparison(_ sizing: TrainingSizing) -> Report {
    let estimates = sizing.outcomes.map(\.estimate)
    let perWatt = SizingCells.ranks(estimates.map { $0?.energy?.megawattHours }, ascending: true)
    let perDollar = SizingCells.ranks(estimates.map { $0?.totalCost?.dollars }, ascending: true)
    var table = Table(
      title: "Training \(sizing.label): ranked per watt (energy) and per dollar (capex + energy)",
      columns: [
        .init("accelerator"), .init("precision"), .init("MFU", .right), .init("accelerators", .right),
        .init("days", .right), .init("facility MW", .right), .init("energy", .right), .init("capex", .right),
        .init("total cost", .right), .init("rank /W", .right), .init("rank /$", .right),
      ])
    let order = sizing.outcomes.indices.sorted { (perWatt[$0] ?? Int.max, $0) < (perWatt[$1] ?? Int.max, $1) }
    var notes: [String] = []
    var rows: [JSONValue] = []
    for index in order {
      let outcome = sizing.outcomes[index]
      if let estimate = outcome.estimate {
        table.append([
          outcome.accelerator, estimate.precision.rawValue, NumberText.plain(estimate.mfu.mfu, 3),
          SizingCells.grouped(estimate.accelerators), NumberText.plain(estimate.duration.days, 3),
          estimate.facilityPower.map { NumberText.plain($0.megawatts, 3) } ?? SizingCells.absent,
          SizingCells.quantity(estimate.energy), SizingCells.money(estimate.capex),
          SizingCells.money(estimate.totalCost),
          perWatt[index].map { "\($0)" } ?? SizingCells.absent, perDollar[index].map { "\($0)" } ?? SizingCells.absent,
        ])
        notes.append("\(outcome.accelerator): MFU \(NumberText.plain(estimate.mfu.mfu, 3)), \(estimate.mfuSource)")
        rows.append(
          SizingCells.adding(
            [
              ("rankByPower", .number(perWatt[index].map(Double.init))),
              ("rankByCost", .number(perDollar[index].map(Double.init))),
            ], to: json(sizing, estimate)))
      } else {
        table.append([outcome.accelerator] + Array(repeating: SizingCells.absent, count: 10))
        notes.append("\(outcome.accelerator): \(outcome.error ?? "not sized")")
        rows.append(.object([("accelerator", .string(outcome.accelerator)), ("error", .string(outcome.error))]))
      }
    }
    table.notes =
      notes + [
        "goodput \(NumberText.plain(sizing.goodput, 3)) (\(sizing.goodputSource)).",
        "Energy and cost use each part's power basis and price; capex counts accelerators only.",
      ]
    return Report(
      tables: [table], json: .object([("workload", .string(sizing.label)), ("accelerators", .array(rows))]),
      data: [
        DataTable(
          name: "accelerators", rowMeaning: "one row per accelerator compared", flattening: rows, skipping: ["notes"])
      ])
  }

  static func json(_ sizing: TrainingSizing, _ estimate: TrainingSizing.Estimate) -> JSONValue {
    let runs: JSONValue =
      switch estimate.mfu.basis {
      case .runs(let ids): .array(ids.map { .string($0) })
      default: .null
      }
    return .object([
      ("accelerator", .string(estimate.accelerator)), ("parameters", .number(sizing.parameters)),
      ("activeParameters", .number(sizing.activeParameters)), ("tokens", .number(sizing.tokens)),
      ("computeFLOP", .number(sizing.compute.flop)), ("precision", .string(estimate.precision.rawValue)),
      ("peakTFLOPS", .number(estimate.peak.teraflops)), ("mfu", .number(estimate.mfu.mfu)),
      ("mfuSource", .string(estimate.mfuSource)), ("mfuRuns", runs), ("goodput", .number(estimate.goodput)),
      ("goodputSource", .string(sizing.goodputSource)),
      ("accelerators", .number(Double(estimate.accelerators))), ("countBasis", .string(estimate.countBasis)),
      ("durationDays", .number(estimate.duration.days)), ("acceleratorHours", .number(estimate.acceleratorHours)),
      ("memoryFloorGB", .number(estimate.memoryFloor.gigabytes)),
      ("memoryAvailableGB", .number(estimate.memoryAvailable.gigabytes)),
      ("minimumAccelerators", .number(Double(estimate.minimumAccelerators))),
      ("powerBasis", .string(estimate.powerBasis)),
      ("serverPowerPerAcceleratorW", .number(estimate.serverPowerPerAccelerator?.watts)),
      ("itPowerMW", SizingCells.megawatts(estimate.itPower)),
      ("facilityPowerMW", SizingCells.megawatts(estimate.facilityPower)), ("pue", .number(sizing.pue)),
      ("location", .string(sizing.location)), ("energyMWh", .number(estimate.energy?.megawattHours)),
      ("energyCostUSD", .number(estimate.energyCost?.dollars)), ("capexUSD", .number(estimate.capex?.dollars)),
      ("totalCostUSD", .number(estimate.totalCost?.dollars)), ("co2Tonnes", .number(estimate.co2?.tonnes)),
      ("notes", .array(estimate.notes.map { .string($0) })),
    ])
  }
}

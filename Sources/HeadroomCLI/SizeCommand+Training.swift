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
          headroom size training --params 405B --tokens 15.6T --accelerator h100-sxm --count 16384
          headroom size training --model deepseek-v3 --tokens 14.8T --accelerator h800 --count 2048 --precision fp8
          headroom size training --params 70B --tokens 15T --days 30 --compare h100-sxm,h20,ascend-910c
        MFU defaults come from Scenarios/mfu.yaml (published runs per part, else a marked fallback per \
        precision). The memory floor is 16 bytes per parameter (mixed-precision Adam) plus activations.
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

    @Option(help: "Accelerator id (see 'headroom catalog list').")
    var accelerator: String?

    @Option(parsing: .unconditional, help: "Number of accelerators (the duration follows).")
    var count: Int?

    @Option(parsing: .unconditional, help: "Deadline in days (the accelerator count follows).")
    var days: Double?

    @Option(parsing: .unconditional, help: "Model FLOPs utilisation in (0, 1] (default: Scenarios/mfu.yaml).")
    var mfu: Double?

    @Option(parsing: .unconditional, help: "Share of wall-clock time on useful steps, in (0, 1].")
    var goodput: Double = 1

    @Option(help: "Training precision: bf16, fp16, fp8, fp4 (BF16 and FP16 stand in for each other).")
    var precision: Precision = .bf16

    func run() throws {
      try reportingErrors {
        let catalog = try options.loadCatalog()
        let input = try parse(catalog)
        let facility = try location.facility(catalog)
        let parts = try location.accelerators(catalog, primary: accelerator)
        if location.compare == nil {
          let estimate = try SizeInput.sizing { () throws(SizingError) in
            try Self.estimate(input, on: parts[0], catalog: catalog, facility: facility, mfu: mfu)
          }
          options.emit(Self.report(estimate))
        } else {
          let results = parts.map { part in
            Result { () throws(SizingError) in
              try Self.estimate(input, on: part, catalog: catalog, facility: facility, mfu: mfu)
            }
          }
          options.emit(Self.compareReport(zip(parts, results).map { ($0, $1) }, input: input))
        }
      }
    }

    /// The workload options, checked.
    struct Input {
      var parameters: Double
      var activeParameters: Double
      var tokens: Double
      var size: TrainingJob.Size
      var precision: Precision
      var goodput: Double
      var shape: TrainingJob.Shape?
      var label: String
    }

    func parse(_ catalog: Catalog) throws -> Input {
      let tokens = try SizeInput.count(self.tokens, option: "--tokens")
      var parameters: Double
      var active: Double
      var shape: TrainingJob.Shape?
      var label: String
      switch (params, model) {
      case (nil, nil): throw CommandError("--params: missing; give the parameter count (405e9, 405B) or --model <id>")
      case (_?, _?): throw CommandError("--params \(params!) --model \(model!): give one of them")
      case (let text?, nil):
        parameters = try SizeInput.count(text, option: "--params")
        active = parameters
        label = "\(CountText.format(parameters)) parameters"
      case (nil, let id?):
        let reference = try catalog.model(id)
        parameters = reference.parameters
        active = reference.activeParameters
        shape = TrainingJob.Shape(model: reference)
        label = reference.id
      }
      if let text = activeParams {
        active = try SizeInput.count(text, option: "--active-params")
        guard active <= parameters else {
          throw CommandError(
            "--active-params \(text): expected at most the parameters (\(CountText.format(parameters)))")
        }
      }
      if active < parameters { label += " (\(CountText.format(active)) active)" }
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
      return Input(
        parameters: parameters, activeParameters: active, tokens: tokens, size: size, precision: precision,
        goodput: goodput, shape: shape, label: "\(label) x \(CountText.format(tokens)) tokens")
    }

    /// Sizes the workload on one accelerator with its default MFU unless one is given.
    static func estimate(
      _ input: Input, on part: Accelerator, catalog: Catalog, facility: Facility, mfu: Double?
    ) throws(SizingError) -> TrainingEstimate {
      let (used, _) = try part.peak(at: input.precision)
      let utilisation: Double
      let source: String
      if let mfu {
        utilisation = mfu
        source = "given with --mfu"
      } else if let found = catalog.mfu.lookup(accelerator: part.id, precision: used) {
        utilisation = found.mfu
        switch found.basis {
        case .accelerator:
          source =
            "default for \(part.id) \(found.precision.rawValue) in Scenarios/mfu.yaml"
            + (catalog.mfu.mark(of: found).map { ", \($0.kind.rawValue)" } ?? "")
        case .fallback:
          source =
            "\(found.precision.rawValue) fallback in Scenarios/mfu.yaml, an assumption: no published run on \(part.id)"
        }
      } else {
        throw .noDefaultMFU(accelerator: part.id, precision: used)
      }
      let job = TrainingJob(
        parameters: input.parameters, activeParameters: input.activeParameters, tokens: input.tokens,
        accelerator: part, precision: input.precision, mfu: utilisation, mfuSource: source,
        goodput: input.goodput, size: input.size, shape: input.shape)
      return try job.estimate(
        power: PowerModel(accelerator: part, systems: catalog.systems), facility: facility,
        unitPrice: part.unitPrice(systems: catalog.systems))
    }

    static func report(_ estimate: TrainingEstimate) -> Report {
      let job = estimate.job
      var table = Table(
        title:
          "Training \(CountText.format(job.activeParameters)) x \(CountText.format(job.tokens)) tokens on \(job.accelerator.id)",
        columns: [.init("figure"), .init("value")])
      let basis: String
      switch estimate.countBasis {
      case .given: basis = "given"
      case .deadline: basis = "least count meeting the deadline"
      case .memory: basis = "set by the memory floor"
      }
      table.append(["compute", estimate.compute.formatted()])
      table.append(["accelerators", "\(SizeCells.grouped(estimate.accelerators)) x \(job.accelerator.id) (\(basis))"])
      table.append([
        "precision, peak", "\(estimate.precision.rawValue), \(estimate.peak.formatted()) dense per accelerator",
      ])
      table.append([
        "MFU, goodput", "\(NumberText.plain(job.mfu, 3)) (\(job.mfuSource)), \(NumberText.plain(job.goodput, 3))",
      ])
      table.append([
        "time",
        "\(NumberText.plain(estimate.duration.days, 3)) days (\(CountText.format(estimate.acceleratorHours)) accelerator-hours)",
      ])
      table.append([
        "memory floor",
        "\(estimate.memoryFloor.formatted()) (states \(estimate.stateMemory.formatted()) + \(estimate.activationsPerAccelerator.formatted()) activations per accelerator) of \(estimate.memoryAvailable.formatted()); at least \(SizeCells.grouped(estimate.minimumAccelerators)) accelerators",
      ])
      table.append(["IT power", Cells.quantity(estimate.itPower)])
      table.append([
        "facility power",
        estimate.facilityPower.map {
          "\($0.formatted()) (PUE \(NumberText.plain(estimate.facility.pue, 3)), \(estimate.facility.name))"
        } ?? Cells.absent,
      ])
      table.append(["energy", Cells.quantity(estimate.energy)])
      table.append(["energy cost", SizeCells.money(estimate.energyCost)])
      table.append(["capex (accelerators)", SizeCells.money(estimate.capex)])
      table.append(["total cost", SizeCells.money(estimate.totalCost)])
      table.append(["CO2", Cells.quantity(estimate.co2)])
      table.notes = estimate.notes
      return Report(tables: [table], json: json(estimate))
    }

    static func json(_ estimate: TrainingEstimate) -> JSONValue {
      let job = estimate.job
      return .object([
        ("accelerator", .string(job.accelerator.id)), ("parameters", .number(job.parameters)),
        ("activeParameters", .number(job.activeParameters)), ("tokens", .number(job.tokens)),
        ("computeFLOP", .number(estimate.compute.flop)), ("precision", .string(estimate.precision.rawValue)),
        ("peakTFLOPS", .number(estimate.peak.teraflops)), ("mfu", .number(job.mfu)),
        ("mfuSource", .string(job.mfuSource)), ("goodput", .number(job.goodput)),
        ("accelerators", .number(Double(estimate.accelerators))), ("countBasis", .string(estimate.countBasis.rawValue)),
        ("days", .number(estimate.duration.days)), ("acceleratorHours", .number(estimate.acceleratorHours)),
        ("memoryFloorGB", .number(estimate.memoryFloor.gigabytes)),
        ("memoryAvailableGB", .number(estimate.memoryAvailable.gigabytes)),
        ("minimumAccelerators", .number(Double(estimate.minimumAccelerators))),
        ("powerBasis", .string(estimate.power?.basis.kind)),
        ("serverPowerPerAcceleratorW", .number(estimate.power?.serverPower.watts)),
        ("itPowerMW", SizeCells.megawatts(estimate.itPower)),
        ("facilityPowerMW", SizeCells.megawatts(estimate.facilityPower)), ("pue", .number(estimate.facility.pue)),
        ("location", .string(estimate.facility.name)), ("energyMWh", .number(estimate.energy?.megawattHours)),
        ("energyCostUSD", .number(estimate.energyCost?.dollars)), ("capexUSD", .number(estimate.capex?.dollars)),
        ("totalCostUSD", .number(estimate.totalCost?.dollars)), ("co2Tonnes", .number(estimate.co2?.tonnes)),
        ("notes", .array(estimate.notes.map { .string($0) })),
      ])
    }

    /// Ranks parts for the run: per watt by energy (less is better), per dollar by capex + energy cost.
    static func compareReport(_ results: [(Accelerator, Result<TrainingEstimate, SizingError>)], input: Input) -> Report
    {
      let estimates = results.map { try? $0.1.get() }
      let perWatt = SizeCells.ranks(estimates.map { $0?.energy?.megawattHours }, ascending: true)
      let perDollar = SizeCells.ranks(estimates.map { $0?.totalCost?.dollars }, ascending: true)
      var table = Table(
        title: "Training \(input.label): ranked per watt (energy) and per dollar (capex + energy)",
        columns: [
          .init("accelerator"), .init("precision"), .init("MFU", .right), .init("accelerators", .right),
          .init("days", .right), .init("facility MW", .right), .init("energy", .right), .init("capex", .right),
          .init("total cost", .right), .init("rank /W", .right), .init("rank /$", .right),
        ])
      let order = results.indices.sorted { (perWatt[$0] ?? Int.max, $0) < (perWatt[$1] ?? Int.max, $1) }
      var notes: [String] = []
      var rows: [JSONValue] = []
      for index in order {
        let (part, result) = results[index]
        switch result {
        case .success(let estimate):
          table.append([
            part.id, estimate.precision.rawValue, NumberText.plain(estimate.job.mfu, 3),
            SizeCells.grouped(estimate.accelerators), NumberText.plain(estimate.duration.days, 3),
            estimate.facilityPower.map { NumberText.plain($0.megawatts, 3) } ?? Cells.absent,
            Cells.quantity(estimate.energy), SizeCells.money(estimate.capex), SizeCells.money(estimate.totalCost),
            perWatt[index].map { "\($0)" } ?? Cells.absent, perDollar[index].map { "\($0)" } ?? Cells.absent,
          ])
          notes.append("\(part.id): MFU \(NumberText.plain(estimate.job.mfu, 3)), \(estimate.job.mfuSource)")
          var object = json(estimate)
          if case .object(var pairs) = object {
            pairs.append(("rankPerWatt", .number(perWatt[index].map(Double.init))))
            pairs.append(("rankPerDollar", .number(perDollar[index].map(Double.init))))
            object = .object(pairs)
          }
          rows.append(object)
        case .failure(let error):
          table.append([part.id] + Array(repeating: Cells.absent, count: 10))
          notes.append("\(part.id): \(error)")
          rows.append(.object([("accelerator", .string(part.id)), ("error", .string(error.description))]))
        }
      }
      table.notes = notes + ["Energy and cost use each part's power basis and price; capex counts accelerators only."]
      return Report(
        tables: [table], json: .object([("workload", .string(input.label)), ("accelerators", .array(rows))]))
    }
  }
}

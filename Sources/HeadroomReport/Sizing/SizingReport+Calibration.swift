import HeadroomModel
import HeadroomPlanner

extension SizingReport {
  /// The calibration: training runs, MLPerf inference results and orderings, each with the published
  /// figure, Headroom's and the error, fitted cases apart from held-out ones.
  public static func calibration(_ calibration: Calibration) -> Report {
    let trainingLimit = NumberText.plain(calibration.trainingTolerance * 100, 3)
    let inferenceLimit = NumberText.plain(calibration.inferenceTolerance * 100, 3)
    var training = Table(
      title:
        "Training runs (Scenarios/mfu.yaml): Headroom's defaults against published figures (limit ±\(trainingLimit) %)",
      columns: [
        .init("run"), .init("accelerator"), .init("role"), .init("metric"), .init("published", .right),
        .init("Headroom", .right), .init("error", .right), .init("held-out error", .right), .init("MFU", .right),
      ])
    for role in [Calibration.Role.fit, .heldOut] {
      for run in calibration.training where run.role == role {
        training.append([
          run.id, "\(run.accelerator) \(run.precision.rawValue)", role.rawValue, run.metric,
          CountText.format(run.published, digits: 4), CountText.format(run.headroom, digits: 4),
          SizingCells.percent(run.error),
          run.role == .heldOut
            ? SizingCells.percent(run.error) : (run.leaveOneOutError.map(SizingCells.percent) ?? "—"),
          NumberText.plain(run.mfu.mfu, 3),
        ])
      }
    }
    training.notes = [
      "Headroom sizes each run with the part's default MFU - the median of the published runs on its silicon (same_silicon groups pool the A100 variants and the GH100 parts) - and, for accelerator-hours, the default goodput \(NumberText.plain(calibration.goodput, 3)) (\(calibration.goodputSource)).",
      "fit: the run's own MFU is in that median. Its held-out error uses the median of the other runs on the silicon (leave-one-out); '—' where it is the only run. held-out: the run feeds no default.",
    ]
    var inference = Table(
      title:
        "MLPerf Inference, Llama 2 70B, closed division (Scenarios/calibration.yaml): output tokens/s per accelerator (limit ±\(inferenceLimit) %)",
      columns: [
        .init("case"), .init("accelerator"), .init("role"), .init("scenario"), .init("published", .right),
        .init("Headroom", .right), .init("error", .right), .init("compute eff.", .right),
        .init("replica x batch", .right),
      ])
    for role in [Calibration.Role.fit, .heldOut] {
      for measured in calibration.inference where measured.role == role {
        inference.append([
          measured.id, "\(measured.accelerator) \(measured.precision.rawValue)", role.rawValue,
          measured.scenario.rawValue, CountText.format(measured.published, digits: 4),
          CountText.format(measured.headroom, digits: 4), SizingCells.percent(measured.error),
          "\(NumberText.plain(measured.efficiency.compute, 3)) \(measured.efficiency.basis.kind)",
          "\(measured.replica) x \(measured.batch)",
        ])
      }
    }
    inference.notes = [
      "fit: bisection on the part's compute efficiency until Headroom's own sizing of the case (its profile, offline without latency limits, its precision) gives the published rate: zero error by construction. held-out: never used in a fit - server scenarios, other submitters, other rounds.",
      "Bandwidth efficiency \(NumberText.plain(calibration.fallback.bandwidth, 3)) for every part (an assumption: every case is compute-bound in the roofline). Parts without a fit: compute efficiency \(NumberText.plain(calibration.fallback.compute, 3)), \(calibration.fallback.basis).",
    ]
    var orderings = Table(
      title: "Orderings (per accelerator, same round and scenario)",
      columns: [
        .init("pair"), .init("published", .right), .init("Headroom", .right), .init("same order"),
      ])
    for pair in calibration.orderings {
      orderings.append([
        "\(pair.numerator) / \(pair.denominator)", NumberText.plain(pair.published, 3),
        NumberText.plain(pair.headroom, 3), pair.matches ? "yes" : "NO",
      ])
    }
    let json = json(calibration)
    func rows(_ key: String) -> [JSONValue] {
      guard case .object(let pairs) = json, case .array(let items)? = pairs.first(where: { $0.0 == key })?.1 else {
        return []
      }
      return items
    }
    return Report(
      tables: [training, inference, orderings], json: json,
      data: [
        DataTable(
          name: "training", rowMeaning: "one row per published training run: published figure, Headroom's, error",
          flattening: rows("training")),
        DataTable(
          name: "inference", rowMeaning: "one row per MLPerf Inference case: published tokens/s, Headroom's, error",
          flattening: rows("inference")),
        DataTable(
          name: "orderings", rowMeaning: "one row per pair of accelerators: published and Headroom's ratio",
          flattening: rows("orderings")),
      ])
  }

  static func json(_ calibration: Calibration) -> JSONValue {
    .object([
      ("trainingTolerance", .number(calibration.trainingTolerance)),
      ("inferenceTolerance", .number(calibration.inferenceTolerance)),
      ("goodput", .number(calibration.goodput)), ("goodputSource", .string(calibration.goodputSource)),
      ("fallbackEfficiency", efficiencyJSON(calibration.fallback)),
      (
        "training",
        .array(
          calibration.training.map { run in
            .object([
              ("id", .string(run.id)), ("name", .string(run.name)), ("accelerator", .string(run.accelerator)),
              ("precision", .string(run.precision.rawValue)), ("role", .string(run.role.rawValue)),
              ("metric", .string(run.metric)), ("published", .number(run.published)),
              ("headroom", .number(run.headroom)), ("error", .number(run.error)),
              ("leaveOneOut", .number(run.leaveOneOut)), ("leaveOneOutError", .number(run.leaveOneOutError)),
              ("mfu", .number(run.mfu.mfu)), ("goodput", .number(run.goodput)), ("source", .string(run.source)),
            ])
          })
      ),
      (
        "inference",
        .array(
          calibration.inference.map { measured in
            .object([
              ("id", .string(measured.id)), ("role", .string(measured.role.rawValue)),
              ("accelerator", .string(measured.accelerator)), ("accelerators", .number(Double(measured.accelerators))),
              ("precision", .string(measured.precision.rawValue)), ("scenario", .string(measured.scenario.rawValue)),
              ("round", .string(measured.round)), ("submitter", .string(measured.submitter)),
              ("system", .string(measured.system)), ("result", .string(measured.result)),
              ("publishedTokensPerSecondPerAccelerator", .number(measured.published)),
              ("headroomTokensPerSecondPerAccelerator", .number(measured.headroom)),
              ("error", .number(measured.error)), ("efficiency", efficiencyJSON(measured.efficiency)),
            ])
          })
      ),
      (
        "orderings",
        .array(
          calibration.orderings.map { pair in
            .object([
              ("numerator", .string(pair.numerator)), ("denominator", .string(pair.denominator)),
              ("published", .number(pair.published)), ("headroom", .number(pair.headroom)),
              ("matches", .bool(pair.matches)),
            ])
          })
      ),
    ])
  }
}

import HeadroomModel

/// Every measured case Headroom's sizing is checked against - published value, Headroom's, error -
/// for training (`runs` in `Scenarios/mfu.yaml`) and inference (`Scenarios/calibration.yaml`), with the
/// fitted cases kept apart from the held-out ones.
///
/// Training: each run is sized with the catalog's defaults - the part's default MFU (median of the
/// published runs on its silicon) and, for wall-clock figures, the default goodput. A run whose MFU
/// feeds that median is `fit`; for it the leave-one-out prediction (the median of the other runs on the
/// silicon) is the held-out check. A run without an MFU is `held-out` outright.
///
/// Inference: each MLPerf case is sized as measured with the part's serving efficiency. `fit` cases set
/// that efficiency (their error is zero by construction); `held-out` cases are predictions.
public struct Calibration: Sendable, Codable {
  /// Whether a case set a default (or an efficiency) or is a prediction.
  public enum Role: String, Sendable, Hashable, Codable {
    case fit
    case heldOut = "held-out"
  }

  /// A training run: the published figure and Headroom's with the defaults.
  public struct TrainingCase: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var accelerator: String
    public var accelerators: Int?
    public var precision: Precision
    public var role: Role
    /// What is compared: `tokens/s`, `accelerator-hours` or `TFLOP/s per accelerator`.
    public var metric: String
    public var published: Double
    /// Headroom's figure with the default MFU (and goodput for accelerator-hours).
    public var headroom: Double
    /// The default MFU used and the runs behind it.
    public var mfu: ResolvedMFU
    /// The goodput applied (accelerator-hours only).
    public var goodput: Double?
    /// Headroom's figure with the median of the other runs (fitted runs with company on their silicon).
    public var leaveOneOut: Double?
    /// Where the published figure comes from.
    public var source: String?

    /// Relative error of Headroom's figure.
    public var error: Double { headroom / published - 1 }
    /// Relative error of the leave-one-out figure.
    public var leaveOneOutError: Double? { leaveOneOut.map { $0 / published - 1 } }
  }

  /// A published inference result: tokens/s per accelerator, published and Headroom's.
  public struct InferenceCase: Sendable, Hashable, Codable {
    public var id: String
    public var role: Role
    public var accelerator: String
    public var accelerators: Int
    public var precision: Precision
    public var model: String
    public var profile: String
    public var scenario: InferenceMeasurements.Case.Scenario
    public var round: String
    public var submitter: String
    public var system: String
    public var result: String
    /// Published output tokens/s per accelerator.
    public var published: Double
    /// Headroom's output tokens/s per accelerator.
    public var headroom: Double
    /// The efficiency used and its basis.
    public var efficiency: ServingEfficiency
    /// Headroom's replica and batch for the case.
    public var replica: Int
    public var batch: Int

    public var error: Double { headroom / published - 1 }
  }

  /// Two inference cases compared per accelerator, published and Headroom's.
  public struct Ordering: Sendable, Hashable, Codable {
    public var numerator: String
    public var denominator: String
    public var published: Double
    public var headroom: Double

    /// Whether Headroom orders the pair as published (both above 1, or both below).
    public var matches: Bool { (published - 1) * (headroom - 1) > 0 }
  }

  /// Training cases must land within this relative error (15 %).
  public static let trainingTolerance = 0.15
  /// Inference cases must land within this relative error (20 %).
  public static let inferenceTolerance = 0.20

  public var training: [TrainingCase]
  public var inference: [InferenceCase]

  /// The cases outside their tolerance (a fitted run's leave-one-out figure included) and the orderings
  /// Headroom gets the other way round, by id; empty when the calibration holds.
  public var failures: [String] {
    let runs = training.filter {
      abs($0.error) > trainingTolerance || abs($0.leaveOneOutError ?? 0) > trainingTolerance
    }
    let results = inference.filter { abs($0.error) > inferenceTolerance }
    return runs.map(\.id) + results.map(\.id)
      + orderings.filter { !$0.matches }.map { "\($0.numerator) / \($0.denominator)" }
  }
  public var orderings: [Ordering]
  /// The serving efficiency of parts without a fitted case.
  public var fallback: ServingEfficiency
  /// The default goodput and its source.
  public var goodput: Double
  public var goodputSource: String
  public var trainingTolerance: Double
  public var inferenceTolerance: Double

  /// Sizes every case of the catalog.
  ///
  /// - Throws: ``SizingError`` when a case cannot be sized or an efficiency cannot be fitted.
  public init(catalog: Catalog, calibration: ServingCalibration? = nil) throws(SizingError) {
    let serving: ServingCalibration
    if let calibration { serving = calibration } else { serving = try ServingCalibration(catalog: catalog) }
    let (goodput, goodputSource) = try catalog.trainingGoodput()
    var training: [TrainingCase] = []
    for run in catalog.mfu.runs {
      training.append(try Self.trainingCase(run, catalog: catalog, goodput: goodput))
    }
    var inference: [InferenceCase] = []
    for measured in catalog.measurements.cases {
      let efficiency = serving.efficiency(accelerator: measured.accelerator, precision: measured.precision)
      let estimate = try ServingCalibration.service(measured, catalog: catalog, efficiency: efficiency).estimate(
        power: nil, facility: Facility(name: "calibration", pue: 1), unitPrice: nil)
      inference.append(
        InferenceCase(
          id: measured.id, role: measured.role == .fit ? .fit : .heldOut, accelerator: measured.accelerator,
          accelerators: measured.accelerators, precision: measured.precision, model: measured.model,
          profile: measured.profile, scenario: measured.scenario, round: measured.round,
          submitter: measured.submitter, system: measured.system, result: measured.result,
          published: measured.tokensPerSecondPerAccelerator, headroom: estimate.tokensPerSecondPerAccelerator,
          efficiency: efficiency, replica: estimate.replicaAccelerators, batch: estimate.batch))
    }
    var orderings: [Ordering] = []
    for pair in catalog.measurements.orderings {
      guard let top = inference.first(where: { $0.id == pair.numerator }),
        let bottom = inference.first(where: { $0.id == pair.denominator })
      else { continue }
      orderings.append(
        Ordering(
          numerator: top.id, denominator: bottom.id, published: top.published / bottom.published,
          headroom: top.headroom / bottom.headroom))
    }
    self.training = training
    self.inference = inference
    self.orderings = orderings
    self.fallback = serving.fallback
    self.goodput = goodput
    self.goodputSource = goodputSource
    self.trainingTolerance = Self.trainingTolerance
    self.inferenceTolerance = Self.inferenceTolerance
  }

  /// Sizes one published run with the default MFU (and, for wall-clock figures, goodput).
  static func trainingCase(_ run: DefaultMFU.Run, catalog: Catalog, goodput: Double) throws(SizingError)
    -> TrainingCase
  {
    let part: Accelerator
    do {
      part = try catalog.accelerator(run.accelerator)
    } catch {
      throw .invalidInput(field: "runs.\(run.id).accelerator", value: run.accelerator, expected: error.expected)
    }
    let (used, peak) = try part.peak(at: run.precision)
    let mfu = try catalog.trainingMFU(accelerator: part.id, precision: used)
    let other = catalog.mfu.lookup(accelerator: part.id, precision: used, excluding: run.id)
    let leaveOneOut = run.mfu == nil ? nil : other.map(\.mfu)

    /// Headroom's figure at an MFU.
    func figure(_ utilisation: Double) throws(SizingError) -> (value: Double, goodput: Double?) {
      switch run.published {
      case .flopsPerAccelerator:
        return ((peak * utilisation).teraflops, nil)
      case .tokensPerSecond:
        let n = Double(run.accelerators ?? 1)
        let active = run.activeParameters ?? run.parameters ?? 1
        return (n * (peak * utilisation).flopsPerSecond / (6 * active), nil)
      case .acceleratorHours:
        let parameters = run.parameters ?? 1
        var job = TrainingJob(
          parameters: parameters, activeParameters: run.activeParameters, tokens: run.tokens ?? 1, accelerator: part,
          precision: run.precision, mfu: utilisation, goodput: goodput, size: .accelerators(1))
        let minimum = part.memory.flatMap { job.minimumAccelerators(memory: $0) } ?? 1
        job.size = .accelerators(max(run.accelerators ?? minimum, minimum))
        let estimate = try job.estimate(power: nil, facility: Facility(name: "calibration", pue: 1), unitPrice: nil)
        return (estimate.acceleratorHours, goodput)
      }
    }
    let (published, metric): (Double, String) =
      switch run.published {
      case .tokensPerSecond(let value): (value, "tokens/s")
      case .acceleratorHours(let value): (value, "accelerator-hours")
      case .flopsPerAccelerator(let rate): (rate.teraflops, "TFLOP/s per accelerator")
      }
    let headroom = try figure(mfu.mfu)
    var heldOut: Double?
    if let leaveOneOut { heldOut = try figure(leaveOneOut).value }
    let source = catalog.mfu.provenance.sources(for: "runs.\(run.id).published").first?.url
    return TrainingCase(
      id: run.id, name: run.name, accelerator: run.accelerator, accelerators: run.accelerators,
      precision: used, role: run.mfu == nil ? .heldOut : .fit, metric: metric, published: published,
      headroom: headroom.value, mfu: mfu, goodput: headroom.goodput,
      leaveOneOut: heldOut, source: source)
  }
}

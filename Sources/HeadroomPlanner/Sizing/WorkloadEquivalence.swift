import HeadroomModel

/// How many H100 SXMs an accelerator is worth, separately for training and for inference, from the
/// calibrated sizing (one source of truth with `headroom size`).
///
/// - Training: the sustained model FLOP/s per accelerator during steps - dense BF16 peak x the default
///   MFU (median of published runs on the part's silicon, else the fallback; `Scenarios/mfu.yaml`) - over
///   the H100's. Goodput is the same default for every part, so it leaves the ratio alone; it is given
///   in ``goodput`` for absolute rates. The TPP-based "H100-equivalent" of the export rules counts the
///   best precision's peak only.
/// - Inference: reference-model output tokens/s per accelerator under a request profile (prompt and
///   output tokens, TTFT and TPOT limits, the profile's precisions, FP4 where the part has it), with the
///   part's serving efficiency fitted to MLPerf Inference (else the stated fallback;
///   ``ServingCalibration``), over the H100's.
///
/// A bandwidth-rich, compute-poor part such as the H20 counts very differently for decode-heavy
/// inference than for training: chip equivalence depends on the workload. The walls model uses both
/// ratios as capability_{k,w}.
///
/// For example:
/// ```swift
/// let equivalence = try WorkloadEquivalence(catalog: catalog, referenceModel: "llama-3-70b", profile: "chat")
/// equivalence.entry("h200-sxm")?.inference          // H100-equivalents for chat serving
/// equivalence.entry("h200-sxm")?.inferenceTokensPerSecond   // llama-3-70b tokens/s per H200
/// equivalence.entry("h200-sxm")?.trainingRate       // sustained BF16 model FLOP/s per H200
/// ```
public struct WorkloadEquivalence: Sendable {
  /// One accelerator's ratios and the figures behind them.
  public struct Entry: Sendable, Hashable, Codable {
    public var accelerator: String
    /// Training H100-equivalents; nil without a 16-bit rate or a default MFU.
    public var training: Double?
    /// Inference H100-equivalents; nil when the reference model cannot be served under the profile.
    public var inference: Double?
    /// Sustained training rate per accelerator during steps (16-bit peak x default MFU).
    public var trainingRate: ComputeRate?
    /// The MFU behind ``trainingRate`` and where it comes from.
    public var trainingMFU: ResolvedMFU?
    /// Reference-model output tokens/s per accelerator under the profile.
    public var inferenceTokensPerSecond: Double?
    /// The serving precision used for the inference figure.
    public var inferencePrecision: Precision?
    /// The serving efficiency behind the inference figure and its basis (fitted or fallback).
    public var inferenceEfficiency: ServingEfficiency?
    /// Why the inference figure is missing, when it is.
    public var inferenceProblem: String?

    public init(accelerator: String) { self.accelerator = accelerator }
  }

  /// The accelerator every ratio is against.
  public static let referenceAccelerator = "h100-sxm"
  /// The model the inference ratio serves unless told otherwise.
  public static let referenceModel = "llama-3-70b"

  /// The model the inference ratio serves.
  public var model: String
  /// The request profile of the inference ratio.
  public var profile: String
  /// The default training goodput (the same for every part).
  public var goodput: Double
  /// Entries by accelerator id.
  public var entries: [String: Entry]
  /// Why calibrated figures could not be used, when the calibration or the profile failed
  /// (``init(catalog:)`` then falls back to the uncalibrated roofline).
  public var problem: String?

  /// Computes both ratios for every accelerator in a catalog, serving a reference model under a
  /// request profile with calibrated serving efficiencies.
  ///
  /// - Parameters:
  ///   - referenceModel: the model id (`Scenarios/models`).
  ///   - profile: the request profile id (`Scenarios/inference-profiles.yaml`).
  ///   - calibration: fitted efficiencies, when already computed (else fitted here).
  /// - Throws: ``SizingError`` when the model or profile is unknown, the profile does not fit the
  ///   model's context, or the calibration cannot be fitted.
  /// - Complexity: one training rate and one inference sizing per accelerator, plus the fits.
  public init(
    catalog: Catalog, referenceModel: String, profile: String, calibration: ServingCalibration? = nil
  ) throws(SizingError) {
    let model: ReferenceModel
    let request: InferenceProfile
    do {
      model = try catalog.model(referenceModel)
      request = try catalog.profile(profile)
    } catch {
      throw .invalidInput(field: "workload equivalence", value: error.value ?? "", expected: error.expected)
    }
    if let maxContext = model.maxContext, request.context > maxContext {
      throw .promptExceedsContext(
        model: model.id, profile: request.id, prompt: request.promptTokens, output: request.outputTokens,
        context: maxContext, limit: "\(model.id)'s maximum context")
    }
    let fitted: ServingCalibration
    if let calibration { fitted = calibration } else { fitted = try ServingCalibration(catalog: catalog) }
    self.init(
      catalog: catalog, model: model, profile: request, efficiency: fitted.efficiency(accelerator:precision:),
      problem: nil)
  }

  /// Both ratios for a reference model under the catalog's default profile (chat), calibrated. When the
  /// calibration, the model or the default profile is unusable, the uncalibrated roofline is used and
  /// ``problem`` says why (use the throwing initialiser to stop instead).
  public init(catalog: Catalog, referenceModel: String = Self.referenceModel) {
    let profile = catalog.profiles.defaultID ?? "chat"
    do throws(SizingError) {
      try self.init(catalog: catalog, referenceModel: referenceModel, profile: profile)
    } catch {
      let fallback =
        catalog.profiles.defaultProfile
        ?? InferenceProfile(
          id: "decode", name: "decode only", promptTokens: 0, outputTokens: 8192, timeToFirstToken: nil,
          timePerOutputToken: TimeSpan(seconds: 0.05))
      let model = try? catalog.model(referenceModel)
      self.init(
        catalog: catalog, model: model, profile: fallback, efficiency: { _, _ in .uncalibrated },
        problem: error.description)
    }
  }

  init(
    catalog: Catalog, model: ReferenceModel?, profile: InferenceProfile,
    efficiency: (String, Precision) -> ServingEfficiency, problem: String?
  ) {
    var raw: [String: Entry] = [:]
    for part in catalog.accelerators {
      var entry = Entry(accelerator: part.id)
      if let (precision, peak) = try? part.peak(at: .bf16),
        let mfu = try? catalog.trainingMFU(accelerator: part.id, precision: precision)
      {
        entry.trainingRate = peak * mfu.mfu
        entry.trainingMFU = mfu
      }
      if let model {
        var service = InferenceService(model: model, accelerator: part, profile: profile, rate: 1)
        service.assumptions = .init(efficiency: efficiency(part.id, service.precision))
        do throws(SizingError) {
          let estimate = try service.estimate(power: nil, facility: Facility(name: "reference", pue: 1), unitPrice: nil)
          entry.inferenceTokensPerSecond = estimate.tokensPerSecondPerAccelerator
          entry.inferencePrecision = estimate.precision
          entry.inferenceEfficiency = estimate.efficiency
        } catch {
          entry.inferenceProblem = error.description
        }
      }
      raw[part.id] = entry
    }
    let reference = raw[Self.referenceAccelerator]
    for (id, var entry) in raw {
      if let rate = entry.trainingRate, let base = reference?.trainingRate, base.baseValue > 0 {
        entry.training = rate / base
      }
      if let tokens = entry.inferenceTokensPerSecond, let base = reference?.inferenceTokensPerSecond, base > 0 {
        entry.inference = tokens / base
      }
      raw[id] = entry
    }
    self.entries = raw
    self.model = model?.id ?? Self.referenceModel
    self.profile = profile.id
    self.goodput = (try? catalog.trainingGoodput().goodput) ?? 1
    self.problem = problem
  }

  /// The entry for an accelerator id.
  public func entry(_ id: String) -> Entry? { entries[id] }
}

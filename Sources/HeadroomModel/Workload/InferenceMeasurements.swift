/// Published inference results Headroom's sizing is fitted to and checked against
/// (`Scenarios/calibration.yaml`), and the serving fallback used where no fit exists.
///
/// Each case is one MLPerf Inference result: a system of `accelerators` parts of one kind serving a
/// model at a precision, under a profile's request shape, in the offline (no latency limits) or
/// server scenario (the profile's TTFT and TPOT limits), at a published output-token rate. A `fit`
/// case sets its part's compute efficiency; a `heldOut` case is a prediction.
public struct InferenceMeasurements: Sendable, Hashable {
  /// One published result.
  public struct Case: Sendable, Hashable, Identifiable {
    /// Whether a case sets an efficiency or only checks one.
    public enum Role: String, Sendable, Hashable, CaseIterable, Codable {
      case fit
      case heldOut = "held-out"
    }

    /// MLPerf's scenarios: a batch with no latency limits, or a stream held to TTFT and TPOT limits.
    public enum Scenario: String, Sendable, Hashable, CaseIterable, Codable {
      case offline
      case server
    }

    public var id: String
    public var role: Role
    public var accelerator: String
    /// Accelerators in the measured system.
    public var accelerators: Int
    public var precision: Precision
    public var model: String
    public var profile: String
    public var scenario: Scenario
    /// The system's output tokens per second.
    public var tokensPerSecond: Double
    /// The benchmark round, e.g. `v4.1`.
    public var round: String
    public var submitter: String
    /// The submitter's system id, as in the results repository.
    public var system: String
    /// The URL of the result file.
    public var result: String
    public var note: String?

    public init(
      id: String, role: Role, accelerator: String, accelerators: Int, precision: Precision, model: String,
      profile: String, scenario: Scenario, tokensPerSecond: Double, round: String, submitter: String,
      system: String, result: String, note: String? = nil
    ) {
      self.id = id
      self.role = role
      self.accelerator = accelerator
      self.accelerators = accelerators
      self.precision = precision
      self.model = model
      self.profile = profile
      self.scenario = scenario
      self.tokensPerSecond = tokensPerSecond
      self.round = round
      self.submitter = submitter
      self.system = system
      self.result = result
      self.note = note
    }

    /// Published output tokens per second per accelerator.
    public var tokensPerSecondPerAccelerator: Double { tokensPerSecond / Double(accelerators) }
  }

  /// The cases in file order.
  public var cases: [Case]
  /// Pairs of case ids whose per-accelerator ratio (first over second) Headroom must order as
  /// published, e.g. H200 over H100 in the same round and scenario.
  public var orderings: [Ordering]
  /// Share of peak memory bandwidth assumed for every part (not identifiable from the cases).
  public var fallbackBandwidthEfficiency: Double?
  /// Sources and marks, with field paths `inference.<id>.<field>` and `serving.fallback.<field>`.
  public var provenance: Provenance

  /// Two cases compared per accelerator: `numerator` over `denominator`.
  public struct Ordering: Sendable, Hashable {
    public var numerator: String
    public var denominator: String

    public init(numerator: String, denominator: String) {
      self.numerator = numerator
      self.denominator = denominator
    }
  }

  public init(
    cases: [Case] = [], orderings: [Ordering] = [], fallbackBandwidthEfficiency: Double? = nil,
    provenance: Provenance = .init()
  ) {
    self.cases = cases
    self.orderings = orderings
    self.fallbackBandwidthEfficiency = fallbackBandwidthEfficiency
    self.provenance = provenance
  }
}

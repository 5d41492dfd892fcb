/// The workloads one site must carry over a span of years: training runs that must finish by a
/// deadline and inference services that must serve a token rate each year
/// (`Scenarios/workloads/<id>.yaml`).
///
/// Counts are plain numbers (`405e9` parameters, `2M` tokens per second); times are calendar days
/// (a bare year means its first day for a start and its last day for a deadline).
///
/// For example:
/// ```yaml
/// id: us-frontier
/// name: A frontier run and its chat service
/// training:
///   frontier-run: {parameters: 2T, tokens: 60T, start: 2026, deadline: 2027}
/// inference:
///   chat: {model: llama-3-70b, rate: {2026: 2M, 2028: 8M}, latency: 50 ms}
/// ```
public struct Workloads: Sendable, Hashable, Identifiable {
  /// A training run: C = 6 × N_active × D FLOP to deliver between its start and its deadline.
  public struct Training: Sendable, Hashable, Identifiable {
    /// The run's id, unique in its file.
    public var id: String
    /// The reference model it trains, when given by id (its parameter counts are then used).
    public var model: String?
    /// All parameters.
    public var parameters: Double
    /// Parameters one token runs through (N in 6ND); equal to ``parameters`` for a dense model.
    public var activeParameters: Double
    /// Training tokens (D).
    public var tokens: Double
    /// The first day the run may use the site.
    public var start: Day
    /// The last day of the run: its compute must be delivered by the end of this day.
    public var deadline: Day
    /// Training precision (BF16 and FP16 stand in for each other).
    public var precision: Precision
    /// Model FLOPs utilisation in (0, 1], or nil for the catalog's default per accelerator.
    public var mfu: Double?
    /// Share of wall-clock time spent on useful steps, in (0, 1].
    public var goodput: Double

    public init(
      id: String, model: String? = nil, parameters: Double, activeParameters: Double? = nil, tokens: Double,
      start: Day, deadline: Day, precision: Precision = .bf16, mfu: Double? = nil, goodput: Double = 1
    ) {
      self.id = id
      self.model = model
      self.parameters = parameters
      self.activeParameters = activeParameters ?? parameters
      self.tokens = tokens
      self.start = start
      self.deadline = deadline
      self.precision = precision
      self.mfu = mfu
      self.goodput = goodput
    }

    /// Training compute, C = 6 × N_active × D.
    public var compute: Compute { Compute(flop: 6 * activeParameters * tokens) }

    /// The share of a calendar year that lies inside the run's window [start, deadline], 0…1.
    public func share(ofYear year: Int) -> Double {
      let first = max(start.ordinal, Day(year: year).ordinal)
      let last = min(deadline.ordinal, Day(year: year, month: 12, day: 31).ordinal)
      guard last >= first else { return 0 }
      return Double(last - first + 1) / Double(Day.daysIn(year: year))
    }
  }

  /// An inference service: output tokens per second to serve each year at a time-per-output-token
  /// target.
  public struct Inference: Sendable, Hashable, Identifiable {
    /// The service's id, unique in its file.
    public var id: String
    /// The reference model served.
    public var model: String
    /// Output tokens per second by year; a year after the last stated keeps its value, a year
    /// before the first has no demand.
    public var rate: [Int: Double]
    /// The time-per-output-token target.
    public var latency: TimeSpan
    /// Serving precision, or nil for each accelerator's preferred one (FP8 where it has an FP8 rate).
    public var precision: Precision?
    /// Tokens per sequence the KV cache is sized at, or nil for the model's default context.
    public var context: Int?

    public init(
      id: String, model: String, rate: [Int: Double], latency: TimeSpan, precision: Precision? = nil,
      context: Int? = nil
    ) {
      self.id = id
      self.model = model
      self.rate = rate
      self.latency = latency
      self.precision = precision
      self.context = context
    }

    /// The demanded output tokens per second in a year.
    public func rate(in year: Int) -> Double {
      rate.keys.filter { $0 <= year }.max().flatMap { rate[$0] } ?? 0
    }
  }

  public var id: String
  public var name: String
  /// The plan years the file asks for, when it says (the command line's `--from`/`--to` win).
  public var horizon: ClosedRange<Int>?
  /// The candidate system ids, or nil for every catalog system.
  public var systems: [String]?
  /// What-if export decisions for the site's country, by accelerator id, replacing what the rules
  /// in force say (from ``policyFrom`` on, when given).
  public var policy: [String: ExportPolicy.Decision]
  /// The first year ``policy`` applies, or nil for every year.
  public var policyFrom: Int?
  /// The most systems of a kind the site can buy in a year: system id → year → systems.
  public var supply: [String: [Int: Double]]
  /// Discount rate of capex and energy, per year.
  public var discountRate: Double
  public var training: [Training]
  public var inference: [Inference]
  /// The file and the line of each field, for messages.
  public var provenance: Provenance

  public init(
    id: String, name: String, horizon: ClosedRange<Int>? = nil, systems: [String]? = nil,
    policy: [String: ExportPolicy.Decision] = [:], policyFrom: Int? = nil, supply: [String: [Int: Double]] = [:],
    discountRate: Double = 0.07, training: [Training] = [], inference: [Inference] = [],
    provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.horizon = horizon
    self.systems = systems
    self.policy = policy
    self.policyFrom = policyFrom
    self.supply = supply
    self.discountRate = discountRate
    self.training = training
    self.inference = inference
    self.provenance = provenance
  }
}

extension Day {
  /// Days since 1 January 1970 (negative before), in the proleptic Gregorian calendar.
  ///
  /// Howard Hinnant's `days_from_civil`.
  public var ordinal: Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = (month + 9) % 12
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// 365 or 366.
  public static func daysIn(year: Int) -> Int {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365
  }
}

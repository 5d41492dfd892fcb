/// Training defaults from published runs (`Scenarios/mfu.yaml`): model FLOPs utilisation (MFU) per
/// accelerator and precision, goodput, and the runs behind them.
///
/// MFU is the share of the dense peak at a precision that a training run turns into model FLOPs
/// (6 x N x D) during its steps. Calculators that default to 100 % are 60-80 % off; published large runs
/// land at 20-55 %. A part's default is the median MFU of the runs on it and on parts of the same
/// silicon (``sameSilicon``); a part no run covers gets the precision's ``fallback``, an assumption.
/// Goodput, the share of wall-clock time spent on useful steps, is the median of ``goodputRuns``.
///
/// For example:
/// ```swift
/// catalog.mfu.lookup(accelerator: "tpu-v4", precision: .bf16)   // 0.462, the median of PaLM alone
/// catalog.mfu.lookup(accelerator: "a100-40gb", precision: .bf16) // the median of the A100 runs
/// catalog.mfu.lookup(accelerator: "h20", precision: .bf16)      // the BF16 fallback, an assumption
/// ```
public struct DefaultMFU: Sendable, Hashable {
  /// A default MFU, the precision it was recorded for and where it comes from.
  public struct Value: Sendable, Hashable {
    /// Where a default comes from.
    public enum Basis: Sendable, Hashable {
      /// The median of published runs on this accelerator's silicon (the run ids, in file order).
      case runs([String])
      /// The precision's fallback, used because no run on this accelerator's silicon is recorded.
      case fallback
    }

    /// The MFU, in (0, 1].
    public var mfu: Double
    /// The precision the value was recorded for.
    public var precision: Precision
    public var basis: Basis

    public init(mfu: Double, precision: Precision, basis: Basis) {
      self.mfu = mfu
      self.precision = precision
      self.basis = basis
    }

    /// The field path of the figure in `Scenarios/mfu.yaml`: `default.<precision>` for a fallback, the
    /// first run's `runs.<id>.mfu` otherwise.
    public var fieldPath: String {
      switch basis {
      case .runs(let ids): "runs.\(ids.first ?? "?").mfu"
      case .fallback: "default.\(precision.rawValue)"
      }
    }
  }

  /// A published training run: what it trained, on what, its MFU (when it feeds the defaults) and one
  /// figure it reported, which Headroom's sizing is checked against.
  public struct Run: Sendable, Hashable, Identifiable {
    /// The figure a run reported.
    public enum Published: Sendable, Hashable {
      /// Training throughput of the whole run, in tokens per second.
      case tokensPerSecond(Double)
      /// Accelerator-hours of wall-clock time (goodput applies).
      case acceleratorHours(Double)
      /// Model FLOP/s per accelerator during steps.
      case flopsPerAccelerator(ComputeRate)
    }

    public var id: String
    public var name: String
    public var accelerator: String
    /// Accelerators the run used, when published.
    public var accelerators: Int?
    /// The training precision (BF16 and FP16 stand in for each other).
    public var precision: Precision
    /// All parameters, when the check needs them.
    public var parameters: Double?
    /// Parameters one token runs through (nil: all of them).
    public var activeParameters: Double?
    /// Training tokens, when the check needs them.
    public var tokens: Double?
    /// The run's MFU over training steps; nil for a held-out run that feeds no default.
    public var mfu: Double?
    public var published: Published

    public init(
      id: String, name: String, accelerator: String, accelerators: Int? = nil, precision: Precision,
      parameters: Double? = nil, activeParameters: Double? = nil, tokens: Double? = nil, mfu: Double?,
      published: Published
    ) {
      self.id = id
      self.name = name
      self.accelerator = accelerator
      self.accelerators = accelerators
      self.precision = precision
      self.parameters = parameters
      self.activeParameters = activeParameters
      self.tokens = tokens
      self.mfu = mfu
      self.published = published
    }
  }

  /// Published runs, in file order.
  public var runs: [Run]
  /// Groups of accelerator ids on the same die and clocks, which share their runs and one median.
  public var sameSilicon: [[String]]
  /// Precision -> MFU used where an accelerator's silicon has no run (assumptions).
  public var fallback: [Precision: Double]
  /// Run id -> reported (or derived) goodput, in file order of ``goodputOrder``.
  public var goodputRuns: [String: Double]
  /// The ids of ``goodputRuns`` in file order.
  public var goodputOrder: [String]
  /// Sources and marks, with field paths `runs.<id>.mfu`, `goodput.<id>` and `default.<precision>`.
  public var provenance: Provenance

  public init(
    runs: [Run] = [], sameSilicon: [[String]] = [], fallback: [Precision: Double] = [:],
    goodputRuns: [(String, Double)] = [], provenance: Provenance = .init()
  ) {
    self.runs = runs
    self.sameSilicon = sameSilicon
    self.fallback = fallback
    self.goodputRuns = Dictionary(goodputRuns, uniquingKeysWith: { first, _ in first })
    self.goodputOrder = goodputRuns.map(\.0)
    self.provenance = provenance
  }

  /// The accelerators sharing an accelerator's silicon, itself included.
  public func silicon(of id: String) -> [String] {
    sameSilicon.first { $0.contains(id) } ?? [id]
  }

  /// The runs that feed a part's default at a precision: runs with an MFU on its silicon at the
  /// precision or its 16-bit stand-in, in file order.
  public func runs(for accelerator: String, precision: Precision) -> [Run] {
    let parts = Set(silicon(of: accelerator))
    let family = Set(precision.sixteenBitFamily)
    return runs.filter { parts.contains($0.accelerator) && family.contains($0.precision) && $0.mfu != nil }
  }

  /// The default MFU for an accelerator at a precision: the median of its silicon's runs, else the
  /// precision's fallback; nil when neither exists. A 16-bit request matches `bf16` and `fp16` alike.
  ///
  /// - Parameter excluding: a run id left out of the median (leave-one-out checks); a part whose only
  ///   run is left out gets nil, not the fallback.
  public func lookup(accelerator id: String, precision: Precision, excluding: String? = nil) -> Value? {
    let found = runs(for: id, precision: precision).filter { $0.id != excluding }
    if !found.isEmpty {
      return Value(
        mfu: Self.median(found.compactMap(\.mfu)), precision: found[0].precision, basis: .runs(found.map(\.id)))
    }
    if excluding != nil && !runs(for: id, precision: precision).isEmpty { return nil }
    for candidate in precision.sixteenBitFamily {
      if let mfu = fallback[candidate] { return Value(mfu: mfu, precision: candidate, basis: .fallback) }
    }
    return nil
  }

  /// The default goodput: the median of the published runs', nil when the file lists none.
  public var goodput: Double? {
    goodputRuns.isEmpty ? nil : Self.median(goodputOrder.compactMap { goodputRuns[$0] })
  }

  /// Accelerator id -> precision -> default MFU, for every part a run covers (its silicon group
  /// included).
  public var byAccelerator: [String: [Precision: Double]] {
    var result: [String: [Precision: Double]] = [:]
    for run in runs where run.mfu != nil {
      for part in silicon(of: run.accelerator) {
        if let value = lookup(accelerator: part, precision: run.precision) {
          result[part, default: [:]][value.precision] = value.mfu
        }
      }
    }
    return result
  }

  /// The estimate or assumption mark of a looked-up figure: the fallback's mark, or an estimate mark
  /// when every run behind a median is itself marked.
  public func mark(of value: Value) -> Provenance.Mark? {
    switch value.basis {
    case .fallback: return provenance.marks[value.fieldPath]
    case .runs(let ids):
      let marks = ids.compactMap { provenance.marks["runs.\($0).mfu"] }
      return marks.count == ids.count ? marks.first : nil
    }
  }

  /// The median of values (the mean of the middle two for an even count); 0 for none.
  public static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}

extension Precision {
  /// The precisions a request for this one may be served by: BF16 and FP16 stand in for each other
  /// (parts without BF16 train in FP16 with loss scaling); others only match themselves.
  public var sixteenBitFamily: [Precision] {
    sixteenBitAlternative.map { [self, $0] } ?? [self]
  }

  /// The other 16-bit format for BF16 and FP16, nil for every other precision.
  public var sixteenBitAlternative: Precision? {
    switch self {
    case .bf16: .fp16
    case .fp16: .bf16
    default: nil
    }
  }
}

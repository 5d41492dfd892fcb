/// A vendor's accelerator production outlook: packages shipped per accelerator kind and year, with
/// the rule that continues it after its last stated year (`Hardware/production/<vendor>.yaml`).
///
/// Units are accelerator packages (one catalog accelerator each: a GB200 GPU package, a TPU chip, an
/// Ascend 910C module), not dies. Within the stated years a missing year means none; after the last
/// stated year every kind continues from its value in that year by `continuation`.
public struct ProductionOutlook: Sendable, Hashable, Identifiable {
  /// One accelerator kind's stated units by year.
  public struct Line: Sendable, Hashable {
    /// The catalog accelerator id.
    public var accelerator: String
    /// Packages shipped per stated year.
    public var units: [Int: Double]

    public init(accelerator: String, units: [Int: Double]) {
      self.accelerator = accelerator
      self.units = units
    }
  }

  /// The file id, e.g. `nvidia`.
  public var id: String
  /// The vendor id, e.g. `nvidia`.
  public var vendor: String
  /// The day the outlook was compiled: every estimate in it is as of this day.
  public var asOf: Day
  public var lines: [Line]
  /// How every kind continues after the last stated year.
  public var continuation: SeriesContinuation
  /// Where a captive fleet is deployed (country code → share of each year's units), for parts their
  /// designer keeps (TPUs, Trainium); nil for merchant parts, which follow a scenario's allocation.
  public var deployment: [String: Double]?
  public var provenance: Provenance

  public init(
    id: String, vendor: String, asOf: Day, lines: [Line], continuation: SeriesContinuation = .hold,
    deployment: [String: Double]? = nil, provenance: Provenance = .init()
  ) {
    self.id = id
    self.vendor = vendor
    self.asOf = asOf
    self.lines = lines
    self.continuation = continuation
    self.deployment = deployment
    self.provenance = provenance
  }

  /// The first and last stated years over all kinds (nil when no kind states a year).
  public var statedYears: ClosedRange<Int>? {
    let years = lines.flatMap(\.units.keys)
    guard let first = years.min(), let last = years.max() else { return nil }
    return first...last
  }
}

/// A limit on accelerator production: a capacity per year (packaging wafers, HBM, foundry wafers) or
/// a stock drawn down over the years (China's stockpiled HBM), and how much of it one package of each
/// accelerator kind uses (`Hardware/supply/<id>.yaml`).
///
/// For example, TSMC CoWoS capacity in wafers per year, with a B200-class package using 1/16 of a
/// wafer; or 13 M HBM stacks stockpiled in China, with an Ascend 910C using 8.
public struct SupplyLimit: Sendable, Hashable, Identifiable {
  /// Whether the capacity renews every year or is a stock used up over the years.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// `capacity` is available anew each year.
    case annual
    /// `stock` is available once; `capacity` holds yearly additions to it.
    case stock
  }

  public var id: String
  public var name: String
  /// What the capacity counts, e.g. `wafers`, `GB of HBM`, `HBM stacks`.
  public var unit: String
  public var kind: Kind
  /// The day the limit was compiled: every estimate in it is as of this day.
  public var asOf: Day
  /// Annual capacity by stated year (for a stock: additions to the stock by year).
  public var capacity: [Int: Double]
  /// The stock available from the first checked year (stock limits only).
  public var stock: Double?
  /// How `capacity` continues after its last stated year.
  public var continuation: SeriesContinuation
  /// Units of the limit one package of each accelerator kind uses; kinds not listed use none.
  public var usage: [String: Double]
  public var provenance: Provenance

  public init(
    id: String, name: String, unit: String, kind: Kind = .annual, asOf: Day, capacity: [Int: Double],
    stock: Double? = nil, continuation: SeriesContinuation = .hold, usage: [String: Double],
    provenance: Provenance = .init()
  ) {
    self.id = id
    self.name = name
    self.unit = unit
    self.kind = kind
    self.asOf = asOf
    self.capacity = capacity
    self.stock = stock
    self.continuation = continuation
    self.usage = usage
    self.provenance = provenance
  }
}

/// A price for one item, with the year it was seen, what kind of figure it is and what it covers.
///
/// A price is a point value (`amount`) and, where the sources give one, a range (`low` … `high`). When
/// only a range is published, `amount` is its midpoint, so code that reads `amount` keeps working.
public struct Price: Sendable, Hashable {
  /// What a price figure stands for.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A vendor's list price or MSRP.
    case list
    /// A street, distributor or analyst average selling price.
    case street
    /// A cost imputed by an analyst for a part that is not sold (e.g. TPUs).
    case imputed
  }

  /// What one price covers.
  public enum Basis: String, Sendable, Hashable, CaseIterable {
    /// One accelerator bought as a part (a card, module or package), without the server around it.
    case chip
    /// One accelerator's share of a whole-system price (system price / accelerators): it includes
    /// CPUs, networking, chassis and, for racks, power and cooling.
    case systemShare = "system-share"
    /// A whole system (in system files only).
    case system
  }

  /// The point value, in US dollars of that year: the published figure, or the midpoint of the range.
  public var amount: Money
  /// The low end of a published range, when one was given.
  public var low: Money?
  /// The high end of a published range, when one was given.
  public var high: Money?
  /// The year the price was quoted.
  public var year: Int
  /// What kind of figure it is.
  public var kind: Kind
  /// What the price covers.
  public var basis: Basis

  public init(amount: Money, low: Money? = nil, high: Money? = nil, year: Int, kind: Kind, basis: Basis = .chip) {
    self.amount = amount
    self.low = low
    self.high = high
    self.year = year
    self.kind = kind
    self.basis = basis
  }

  /// A price known only as a range; the point value is the midpoint.
  public init(low: Money, high: Money, year: Int, kind: Kind, basis: Basis) {
    self.init(amount: (low + high) / 2, low: low, high: high, year: year, kind: kind, basis: basis)
  }
}

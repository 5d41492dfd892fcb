/// A price for one item, with the year it was seen and what kind of figure it is.
public struct Price: Sendable, Hashable {
  /// What a price figure stands for.
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// A vendor's list price or MSRP.
    case list
    /// A street, distributor or per-unit price derived from a system price.
    case street
    /// A cost imputed by an analyst for a part that is not sold (e.g. TPUs).
    case imputed
  }

  /// The amount, in US dollars of that year.
  public var amount: Money
  /// The year the price was quoted.
  public var year: Int
  /// What kind of figure it is.
  public var kind: Kind

  public init(amount: Money, year: Int, kind: Kind) {
    self.amount = amount
    self.year = year
    self.kind = kind
  }
}

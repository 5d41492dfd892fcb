/// The range a figure in a data file must lie in to be believed, in the unit it is checked in: a TDP of
/// 10–10,000 W, a country's yearly additions of 0–2,000 GW.
///
/// Loading refuses a figure outside its range (the error names file, line, field, value and the range),
/// so an out-of-range figure never reaches a model; `catalog check` applies the same ranges to a catalog
/// built in code. For example, `Accelerator.Ranges.tdp.contains(Power(watts: 700))` is true and
/// `"\(Accelerator.Ranges.tdp)"` reads "10–10000 W".
public struct SaneRange: Sendable, Hashable, CustomStringConvertible {
  /// The accepted values, in ``unit``.
  public var bounds: ClosedRange<Double>
  /// The unit the bounds are written in (a unit symbol of the quantity checked).
  public var unit: String

  public init(_ bounds: ClosedRange<Double>, _ unit: String) {
    self.bounds = bounds
    self.unit = unit
  }

  /// Whether a quantity lies in the range (false for NaN and infinities).
  ///
  /// - Precondition: ``unit`` is a unit of the quantity's dimension.
  public func contains<Q: Quantity>(_ value: Q) -> Bool { bounds.contains(value.in(unit)) }

  /// The range as written in messages, e.g. "10–10000 W".
  public var description: String {
    "\(NumberText.plain(bounds.lowerBound, 3))–\(NumberText.plain(bounds.upperBound, 3)) \(unit)"
  }
}

/// Quantities encode as their amount in the base unit (W, J, FLOP/s, USD, H100e …), a bare number:
/// the unit is the type's, so `{"powerAvailable": 4.2e10}` decodes only as a ``Power``.
extension Quantity {
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    self.init(baseValue: try container.decode(Double.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(baseValue)
  }
}

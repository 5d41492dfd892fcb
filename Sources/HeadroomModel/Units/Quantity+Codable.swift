/// Quantities encode as one number in their dimension's base unit (W, J, FLOP/s, FLOP, B, B/s, s, USD,
/// USD/J, g/J, kg, m2; see each type's ``Quantity/dimension``), so a `Codable` result carries typed
/// amounts and a JSON reader sees plain numbers.
extension Quantity {
  /// Decodes the base-unit value.
  public init(baseValueFrom decoder: any Decoder) throws {
    self.init(baseValue: try decoder.singleValueContainer().decode(Double.self))
  }

  /// Encodes the base-unit value.
  public func encodeBaseValue(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(baseValue)
  }
}

extension Area: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Bandwidth: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Bytes: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension CarbonIntensity: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Compute: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension ComputeRate: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Energy: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension EnergyPrice: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Mass: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Money: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension Power: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

extension TimeSpan: Codable {
  public init(from decoder: any Decoder) throws { try self.init(baseValueFrom: decoder) }
  public func encode(to encoder: any Encoder) throws { try encodeBaseValue(to: encoder) }
}

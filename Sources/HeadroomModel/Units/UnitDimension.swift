/// What a quantity measures, with its base unit and the unit symbols data files may use.
public struct UnitDimension: Sendable, Hashable {
  /// A unit symbol and its size in base units.
  public struct Unit: Sendable, Hashable {
    /// The symbol as written in data files, e.g. `W`, `FLOP/s`, `GiB`.
    public var symbol: String
    /// How many base units one of this unit is.
    public var factor: Double
    /// Whether SI prefixes (k, M, G, T, P, E and m, u, n) may precede the symbol.
    public var takesPrefixes: Bool

    public init(_ symbol: String, _ factor: Double = 1, prefixes: Bool = false) {
      self.symbol = symbol
      self.factor = factor
      self.takesPrefixes = prefixes
    }
  }

  /// Lower-case name used in messages, e.g. "power".
  public var name: String
  /// A well-formed example, e.g. "700 W".
  public var example: String
  /// The base unit's symbol (the unit of ``Quantity/baseValue``).
  public var baseSymbol: String
  /// Accepted units. The first is the display unit (prefixed when it takes prefixes).
  public var units: [Unit]

  public init(name: String, example: String, baseSymbol: String, units: [Unit]) {
    self.name = name
    self.example = example
    self.baseSymbol = baseSymbol
    self.units = units
  }

  /// SI prefixes accepted before a prefixable unit, with their factors.
  public static let siPrefixes: [(String, Double)] = [
    ("E", 1e18), ("P", 1e15), ("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3),
    ("m", 1e-3), ("u", 1e-6), ("µ", 1e-6), ("n", 1e-9),
  ]

  /// The size of a (possibly prefixed) unit symbol in base units, or nil when it is not of this dimension.
  public func factor(of symbol: String) -> Double? {
    for unit in units where unit.symbol == symbol { return unit.factor }
    for unit in units where unit.takesPrefixes && symbol.hasSuffix(unit.symbol) {
      let prefix = String(symbol.dropLast(unit.symbol.count))
      if let match = Self.siPrefixes.first(where: { $0.0 == prefix }) { return match.1 * unit.factor }
    }
    return nil
  }

  /// Every dimension Headroom knows, for telling a user which dimension a wrong unit belongs to.
  public static var all: [UnitDimension] {
    [
      Power.dimension, Energy.dimension, ComputeRate.dimension, Compute.dimension, Bytes.dimension,
      Bandwidth.dimension, Area.dimension, Money.dimension, EnergyPrice.dimension,
      CarbonIntensity.dimension, TimeSpan.dimension, Mass.dimension, H100Equivalents.dimension, PowerCost.dimension,
    ]
  }
}

extension UnitDimension {
  /// A dimension's name with its indefinite article, for messages: "a power", "an energy".
  public static func withArticle(_ name: String) -> String {
    guard let first = name.first?.lowercased() else { return name }
    return ("aeiou".contains(first) ? "an " : "a ") + name
  }
}

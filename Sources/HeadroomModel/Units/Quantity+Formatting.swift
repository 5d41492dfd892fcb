import Foundation

extension Quantity {
  /// How this dimension is written back; the default picks an SI prefix for the first unit.
  public static var displayStyle: DisplayStyle { .prefixed(dimension.units[0].symbol) }

  /// The amount in the nearest readable unit with about three significant digits, e.g. `1.2 GW`.
  public func formatted(significantDigits: Int = 3) -> String {
    let value = baseValue
    guard value.isFinite else { return "\(value) \(Self.dimension.baseSymbol)" }
    switch Self.displayStyle {
    case .prefixed(let symbol):
      let unitFactor = Self.dimension.factor(of: symbol) ?? 1
      let scaled = value / unitFactor
      let magnitude = abs(scaled)
      let prefixes: [(String, Double)] = [
        ("E", 1e18), ("P", 1e15), ("T", 1e12), ("G", 1e9), ("M", 1e6), ("k", 1e3), ("", 1),
      ]
      if magnitude == 0 { return "0 \(symbol)" }
      if magnitude >= 1e21 || magnitude < 1e-3 {
        return "\(NumberText.scientific(scaled, significantDigits)) \(symbol)"
      }
      var index = prefixes.firstIndex { magnitude >= $0.1 } ?? prefixes.count - 1
      // 999.96 rounds to "1000": step up a prefix so it reads "1 k…".
      if index > 0, abs(Double(NumberText.plain(scaled / prefixes[index].1, significantDigits)) ?? 0) >= 1000 {
        index -= 1
      }
      let chosen = prefixes[index]
      return "\(NumberText.plain(scaled / chosen.1, significantDigits)) \(chosen.0)\(symbol)"
    case .fixed(let symbol):
      return "\(NumberText.plain(self.in(symbol), significantDigits)) \(symbol)"
    case .scientific(let symbol):
      return "\(NumberText.scientific(self.in(symbol), significantDigits)) \(symbol)"
    case .stepped(let symbols):
      let magnitude = abs(value)
      let symbol =
        symbols.first { magnitude >= (Self.dimension.factor(of: $0) ?? 1) } ?? symbols.last ?? "s"
      return "\(NumberText.plain(self.in(symbol), significantDigits)) \(symbol)"
    case .dollars:
      let magnitude = abs(value)
      let steps: [(String, Double)] = [("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)]
      if let step = steps.first(where: { magnitude >= $0.1 }) {
        return "$\(NumberText.plain(value / step.1, significantDigits))\(step.0)"
      }
      return "$\(NumberText.plain(value, significantDigits))"
    case .count(let symbol):
      return "\(CountText.format(value, digits: significantDigits)) \(symbol)"
    }
  }
}

extension Energy { public static var displayStyle: DisplayStyle { .prefixed("Wh") } }
extension Compute { public static var displayStyle: DisplayStyle { .scientific("FLOP") } }
extension Area { public static var displayStyle: DisplayStyle { .stepped(["m2", "mm2"]) } }
extension Money { public static var displayStyle: DisplayStyle { .dollars } }
extension H100Equivalents { public static var displayStyle: DisplayStyle { .count("H100e") } }
extension EnergyPrice { public static var displayStyle: DisplayStyle { .fixed("USD/MWh") } }
extension CarbonIntensity { public static var displayStyle: DisplayStyle { .fixed("g/kWh") } }
extension PowerCost { public static var displayStyle: DisplayStyle { .fixed("USD/kW") } }
extension Mass { public static var displayStyle: DisplayStyle { .stepped(["Mt", "kt", "t", "kg"]) } }
extension TimeSpan {
  public static var displayStyle: DisplayStyle { .stepped(["years", "days", "h", "min", "s"]) }
}

/// How a quantity is written back for people: which unit, and whether an SI prefix is chosen.
public enum DisplayStyle: Sendable, Hashable {
  /// The given prefixable symbol with the SI prefix that puts the number in [1, 1000): `1.2 GW`.
  case prefixed(String)
  /// Always the given unit symbol (which must be a unit of the dimension): `384 g/kWh`.
  case fixed(String)
  /// Scientific notation in the given unit: `3.8e25 FLOP`.
  case scientific(String)
  /// The largest of the listed units (largest first) in which the number is at least 1: `3.2 days`.
  case stepped([String])
  /// US dollars with k, M, B suffixes: `$31.0k`, `$1.2M`, `$3.40B`.
  case dollars
  /// A count with k, M, B suffixes before the given unit: `2.3M H100e`.
  case count(String)
}

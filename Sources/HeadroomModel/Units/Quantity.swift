/// A physical or economic amount with a fixed dimension, stored in its dimension's base unit.
///
/// Each conforming type (``Power``, ``Bytes``, ``ComputeRate`` …) is a distinct type, so adding watts to
/// gigabytes does not compile. Arithmetic within one type is generic; arithmetic across types is spelled
/// out in `Quantity+Relations.swift` (`Power × TimeSpan = Energy`).
///
/// For example:
/// ```swift
/// let draw = try Power(parsing: "10.2 kW")
/// let energy = draw * TimeSpan(days: 60)   // Energy
/// print(energy)                            // "14.7 MWh"
/// ```
public protocol Quantity: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
  /// The dimension: its name, base unit and accepted unit symbols.
  static var dimension: UnitDimension { get }
  /// The amount in the dimension's base unit (see ``UnitDimension/baseSymbol``).
  var baseValue: Double { get }
  /// Creates an amount from a value in the base unit.
  init(baseValue: Double)
  /// How the amount is written back for people (defaults to an SI-prefixed first unit).
  static var displayStyle: DisplayStyle { get }
}

extension Quantity {
  /// Zero of this dimension.
  public static var zero: Self { Self(baseValue: 0) }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.baseValue < rhs.baseValue }

  public static func + (lhs: Self, rhs: Self) -> Self { Self(baseValue: lhs.baseValue + rhs.baseValue) }
  public static func - (lhs: Self, rhs: Self) -> Self { Self(baseValue: lhs.baseValue - rhs.baseValue) }
  public static prefix func - (operand: Self) -> Self { Self(baseValue: -operand.baseValue) }
  public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }
  public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }

  public static func * (lhs: Self, rhs: Double) -> Self { Self(baseValue: lhs.baseValue * rhs) }
  public static func * (lhs: Double, rhs: Self) -> Self { Self(baseValue: lhs * rhs.baseValue) }
  public static func / (lhs: Self, rhs: Double) -> Self { Self(baseValue: lhs.baseValue / rhs) }
  /// The dimensionless ratio of two amounts of the same dimension.
  public static func / (lhs: Self, rhs: Self) -> Double { lhs.baseValue / rhs.baseValue }

  /// The amount expressed in a unit of this dimension, e.g. `power.in("MW")`.
  ///
  /// - Precondition: `symbol` is a unit of this dimension (a programming error otherwise).
  public func `in`(_ symbol: String) -> Double {
    guard let factor = Self.dimension.factor(of: symbol) else {
      preconditionFailure("'\(symbol)' is not a unit of \(Self.dimension.name)")
    }
    return baseValue / factor
  }

  /// Creates an amount from a value in a unit of this dimension, e.g. `Power(12, "kW")`.
  ///
  /// - Precondition: `symbol` is a unit of this dimension (a programming error otherwise).
  public init(_ value: Double, _ symbol: String) {
    guard let factor = Self.dimension.factor(of: symbol) else {
      preconditionFailure("'\(symbol)' is not a unit of \(Self.dimension.name)")
    }
    self.init(baseValue: value * factor)
  }

  /// True when the amount is a finite number.
  public var isFinite: Bool { baseValue.isFinite }

  /// Whether two amounts agree within a relative tolerance (not transitive: never use it for `==`).
  public func isApproximatelyEqual(to other: Self, relativeTolerance: Double) -> Bool {
    let scale = max(abs(baseValue), abs(other.baseValue))
    return abs(baseValue - other.baseValue) <= relativeTolerance * scale
  }

  public var description: String { formatted() }
}

extension Sequence where Element: Quantity {
  /// The sum of the amounts (zero for an empty sequence).
  public func sum() -> Element { reduce(.zero, +) }
}

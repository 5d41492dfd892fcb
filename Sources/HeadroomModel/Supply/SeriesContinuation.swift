/// How a yearly series (production or a supply limit's capacity) continues after its last stated year.
public enum SeriesContinuation: Sendable, Hashable {
  /// The last stated value, every later year.
  case hold
  /// The last stated value times `factor` per year (1.1 = +10 % a year).
  case growth(Double)
  /// The last stated value scaled as a supply limit's capacity grows (capacity(y) / capacity(last)).
  case followLimit(String)

  /// A short description for reports, e.g. `hold`, `growth x1.10/yr`, `follows tsmc-cowos`.
  public var summary: String {
    switch self {
    case .hold: "hold"
    case .growth(let factor): "growth x\(factor)/yr"
    case .followLimit(let id): "follows \(id)"
    }
  }

  /// `factor` compounded over a whole number of years (1 for zero or fewer years).
  public static func compounded(_ factor: Double, years: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, years) { result *= factor }
    return result
  }
}

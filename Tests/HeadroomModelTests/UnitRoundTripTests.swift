import Foundation
import HeadroomModel
import HeadroomTestSupport
import Testing

/// Property tests: every quantity type's text, as written for people or at full precision, parses back
/// to the amount it was written from, over thousands of seeded random amounts.
@Suite struct UnitRoundTripTests {
  /// One quantity type, erased: its dimension and a round trip at a number of significant digits.
  struct Kind: CustomTestStringConvertible, Sendable {
    let dimension: UnitDimension
    /// Writes the amount (in base units) and parses the text back: (text, amount read).
    let roundTrip: @Sendable (Double, Int?) throws -> (String, Double)

    init<Q: Quantity>(_ type: Q.Type) {
      dimension = Q.dimension
      roundTrip = { value, digits in
        let amount = Q(baseValue: value)
        let text = digits.map { amount.formatted(significantDigits: $0) } ?? amount.formatted()
        return (text, try Q(parsing: text).baseValue)
      }
    }

    var testDescription: String { dimension.name }
  }

  static let kinds: [Kind] = [
    Kind(Power.self), Kind(Energy.self), Kind(ComputeRate.self), Kind(Compute.self), Kind(Bytes.self),
    Kind(Bandwidth.self), Kind(Area.self), Kind(Money.self), Kind(EnergyPrice.self), Kind(CarbonIntensity.self),
    Kind(TimeSpan.self), Kind(Mass.self), Kind(H100Equivalents.self), Kind(PowerCost.self),
  ]

  /// Seeded amounts over 30 decades (1e-6 to 1e24), both signs, and zero.
  static func amounts(seed: UInt64, count: Int = 2000) -> [Double] {
    var random = SplitMix64(seed: seed)
    let drawn = (0..<count).map { _ in
      let magnitude = pow(10, random.uniform(-6, 24))
      return random.unit() < 0.2 ? -magnitude : magnitude
    }
    return [0] + drawn
  }

  @Test func theKindsCoverEveryDimension() {
    // Given the dimensions Headroom knows, Then the round-trip tests below cover each of them.
    #expect(Set(Self.kinds.map(\.dimension.name)) == Set(UnitDimension.all.map(\.name)))
  }

  @Test(arguments: kinds)
  func fullPrecisionTextParsesBackToTheSameAmount(_ kind: Kind) throws {
    // Given 2,001 amounts, When each is written with 17 significant digits and parsed,
    // Then it comes back within 1e-14 relative (the scaling by the unit's factor, twice).
    for value in Self.amounts(seed: 0xD1CE) {
      let (text, back) = try kind.roundTrip(value, 17)
      #expect(isClose(back, to: value, relative: 1e-14), "\(kind.dimension.name): \(value) -> '\(text)' -> \(back)")
    }
  }

  @Test(arguments: kinds)
  func displayTextParsesBackWithinItsThreeDigits(_ kind: Kind) throws {
    // Given 2,001 amounts, When each is written for people (three significant digits, a chosen prefix,
    // '$31.2k', '2.3M H100e') and parsed, Then it comes back within half a unit of the third digit.
    for value in Self.amounts(seed: 0xFACE) {
      let (text, back) = try kind.roundTrip(value, nil)
      #expect(
        isClose(back, to: value, relative: 5e-3 + 1e-12), "\(kind.dimension.name): \(value) -> '\(text)' -> \(back)")
    }
  }
}

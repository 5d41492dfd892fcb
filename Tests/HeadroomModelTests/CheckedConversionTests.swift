import Foundation
import Testing

@testable import HeadroomModel

/// Conversions that would trap (`Int(_:)` on NaN, infinity or beyond Int's range) throw a
/// `NumberError` naming the field instead, and number text never traps.
@Suite struct CheckedConversionTests {
  @Test func wholeNumbersWithinRangeConvertWithTheRoundingAsked() throws {
    // Given finite values, When converted, Then they round as asked
    #expect(try Int(checking: 2.5, field: "x") == 3)
    #expect(try Int(checking: 2.5, field: "x", rounding: .down) == 2)
    #expect(try Int(checking: -2.5, field: "x", rounding: .up) == -2)
    #expect(try Int(checking: -9.223372036854775808e18, field: "x") == Int.min)
  }

  @Test(arguments: [Double.infinity, -.infinity, .nan, 9.223372036854775808e18, 1e300, -1e19])
  func valuesIntCannotHoldThrowNamingTheField(value: Double) {
    // Given a value Int(_:) would trap on, When converted with checking, Then a NumberError names the field
    let error = #expect(throws: NumberError.self) { try Int(checking: value, field: "systems allowed") }
    #expect(error?.field == "systems allowed")
    #expect(error?.description.hasPrefix("systems allowed: ") == true)
    #expect(Int(representing: value) == nil)
  }

  @Test func derivedNumbersAreCheckedForFiniteness() throws {
    // Given a finite and an infinite product, When checked, Then only the infinite one throws
    #expect(try (3.0 * 4).finite("area") == 12)
    let error = #expect(throws: NumberError.self) { try (1e308 * 10).finite("IT power (count x TDP)") }
    #expect(error?.description == "IT power (count x TDP): inf is not a finite number")
    let power = #expect(throws: NumberError.self) { try Power(baseValue: .infinity).finite("facility power") }
    #expect(power?.description.contains("facility power: inf is not a finite") == true)
  }

  @Test func numberTextWritesWholeNumbersAsPrintfDoes() {
    // Given whole numbers across the range written without a format call, and a few digit counts
    let values: [Double] = [1, -1, 7, 2030, -2035, 12_500, 999_999, 1e9, -4.5e12, 9.99e14, 123_456_789_012_345]
    for value in values {
      for digits in [1, 3, 6] {
        // Then the text is printf's, trailing zeros trimmed (independently: "%.0f" of a whole number)
        #expect(NumberText.plain(value, digits) == String(format: "%.0f", value))
      }
    }
    // And a value just off a whole number still goes through the format
    #expect(NumberText.plain(2030.5, 6) == "2030.5")
  }

  @Test func fixedDecimalsAreWhatStringFormatWrites() {
    // Given values over many magnitudes (and halfway cases) and decimal counts
    var values: [Double] = [0.5, 1.5, 2.5, -0.125, 0.045, 1.005, 2.675, 1e-7, 123.456, -9.995, 1e20]
    var state: UInt64 = 42
    for _ in 0..<500 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let mantissa = Double(state >> 11) / Double(1 << 53)
      values.append((mantissa - 0.5) * pow(10, Double(Int(state % 30)) - 10))
    }
    for value in values {
      for decimals in [0, 1, 2, 3, 6, 12] {
        // Then the text is Foundation's (computed independently by String(format:))
        #expect(NumberText.fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value))
      }
    }
  }

  @Test func numberTextNeverTraps() {
    // Given numbers at and beyond the edges, When written, Then the text is sensible
    #expect(NumberText.plain(.infinity, 3) == "inf")
    #expect(NumberText.plain(-.infinity, 3) == "-inf")
    #expect(NumberText.plain(.nan, 3) == "nan")
    #expect(NumberText.plain(1e308, 3) == "1e308")
    #expect(NumberText.plain(1.5e21, 3) == "1.5e21")
    #expect(NumberText.plain(989, 3) == "989")
    #expect(NumberText.plain(0.0421, 3) == "0.0421")
    #expect(NumberText.scientific(5e-324, 2) == "4.9e-324")
    #expect(NumberText.scientific(3.8e25, 2) == "3.8e25")
    #expect(NumberText.readable(1e30) == "1e30")
  }
}

import HeadroomModel
import Testing

@Suite struct UnitParsingTests {
  @Test(arguments: [
    ("700 W", 700.0), ("1.2 GW", 1.2e9), ("10.2 kW", 10_200), ("0.5 MW", 5e5),
  ])
  func powerStringsParseToWatts(text: String, watts: Double) throws {
    // Given a power written with an SI prefix, When it is parsed, Then it is that many watts.
    let power = try Power(parsing: text)
    #expect(power.watts.isApproximatelyEqual(to: watts, relativeTolerance: 1e-12))
  }

  @Test func bytesUseDecimalPrefixesAndBinaryOnlyWhenWritten() throws {
    // Given GB (decimal) and GiB (binary), When parsed, Then they differ by 1.073741824.
    #expect(try Bytes(parsing: "141 GB").bytes == 141e9)
    #expect(try Bytes(parsing: "96 GiB").bytes == 96 * 1_073_741_824)
    #expect(try Bytes(parsing: "1 TiB").bytes == 1_099_511_627_776)
  }

  @Test func ratesBandwidthsAreasAndPricesParseInTheirOwnDimension() throws {
    // Given each unit the data files use, When parsed, Then the base values are exact.
    #expect(try Bandwidth(parsing: "4.8 TB/s").bytesPerSecond == 4.8e12)
    #expect(try ComputeRate(parsing: "989 TFLOP/s").flopsPerSecond == 989e12)
    #expect(try ComputeRate(parsing: "624 TOPS").flopsPerSecond == 624e12)
    #expect(try Area(parsing: "814 mm2").squareMillimetres == 814)
    #expect(try Area(parsing: "5000 m2").squareMetres.isApproximatelyEqual(to: 5000, relativeTolerance: 1e-12))
    #expect(try EnergyPrice(parsing: "80 USD/MWh").baseValue == 80)
    #expect(try EnergyPrice(parsing: "0.08 USD/kWh").baseValue.isApproximatelyEqual(to: 80, relativeTolerance: 1e-12))
    #expect(try CarbonIntensity(parsing: "384 g/kWh").baseValue == 384)
    #expect(try Money(parsing: "31,000 USD").dollars == 31_000)
    #expect(try TimeSpan(parsing: "60 days").days == 60)
    #expect(try TimeSpan(parsing: "50 ms").seconds.isApproximatelyEqual(to: 0.05, relativeTolerance: 1e-12))
  }

  @Test func anExponentIsReadButAnExaPrefixIsNotMistakenForOne() throws {
    // Given "3.8e25 FLOP" and "5 EFLOP", When parsed, Then both give the right amount.
    #expect(try Compute(parsing: "3.8e25 FLOP").flop == 3.8e25)
    #expect(try Compute(parsing: "5 EFLOP").flop == 5e18)
    #expect(try Power(parsing: "1e3 W").watts == 1000)
  }

  @Test func aUnitOfAnotherDimensionIsRejectedNamingThatDimension() {
    // Given a power field written in gigabytes, When parsed as a power,
    // Then the error names the text, the expected dimension and the dimension GB belongs to.
    #expect {
      _ = try Power(parsing: "141 GB")
    } throws: { error in
      let message = "\(error)"
      return message.contains("'141 GB' is not a power") && message.contains("size in bytes")
        && message.contains("700 W")
    }
  }

  @Test(arguments: ["700", "W", "", "12 parsecs", "1.2.3 W"])
  func malformedTextIsRejected(text: String) {
    // Given text without a number, without a unit or with an unknown unit, When parsed, Then it throws.
    #expect(throws: UnitParseError.self) { try Power(parsing: text) }
  }
}

import HeadroomModel
import Testing

@Suite struct UnitFormattingTests {
  @Test func quantitiesAreWrittenInTheNearestReadableUnit() {
    // Given amounts in base units, When formatted, Then the prefix puts the number in [1, 1000).
    #expect(Power(watts: 1.2e9).formatted() == "1.2 GW")
    #expect(Power(watts: 700).formatted() == "700 W")
    #expect(Power(kilowatts: 10.2).formatted() == "10.2 kW")
    #expect(Bytes(gigabytes: 141).formatted() == "141 GB")
    #expect(Bandwidth(gigabytesPerSecond: 4800).formatted() == "4.8 TB/s")
    #expect(ComputeRate(teraflops: 989).formatted() == "989 TFLOP/s")
    #expect(Energy(megawattHours: 14.688).formatted() == "14.7 MWh")
    #expect(Compute(flop: 3.8e25).formatted() == "3.8e25 FLOP")
    #expect(Money(dollars: 31_250).formatted() == "$31.2k")
    #expect(TimeSpan(days: 54).formatted() == "54 days")
    #expect(Area(squareMillimetres: 814).formatted() == "814 mm2")
  }

  @Test func formattingThenParsingGivesBackTheAmountWithinThreeDigits() throws {
    // Given a formatted amount, When it is parsed again, Then it is within the 3-significant-digit rounding.
    for watts in [1.0, 72, 699.4, 10_200, 1.2e9, 3.7e11] {
      let text = Power(watts: watts).formatted()
      let back = try Power(parsing: text)
      #expect(back.isApproximatelyEqual(to: Power(watts: watts), relativeTolerance: 5e-3), "\(text)")
    }
  }
}

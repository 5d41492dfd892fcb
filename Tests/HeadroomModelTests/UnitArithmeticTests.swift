import HeadroomModel
import Testing

@Suite struct UnitArithmeticTests {
  @Test func resultsConvertToTheUnitsReportsAndStoredRunsUse() {
    // Given a cost, a power and a clock's elapsed time, Then they read in millions of USD, GW and ms.
    #expect(Money(millionsOfDollars: 24.8).dollars.isApproximatelyEqual(to: 24_800_000, relativeTolerance: 1e-12))
    #expect(Money(dollars: 1_250_000).millionsOfDollars.isApproximatelyEqual(to: 1.25, relativeTolerance: 1e-12))
    #expect(Power(megawatts: 1500).gigawatts.isApproximatelyEqual(to: 1.5, relativeTolerance: 1e-12))
    #expect(TimeSpan(Duration.milliseconds(1500)).seconds.isApproximatelyEqual(to: 1.5, relativeTolerance: 1e-12))
    #expect(TimeSpan(Duration.milliseconds(1500)).milliseconds.isApproximatelyEqual(to: 1500, relativeTolerance: 1e-12))
  }

  @Test func powerTimesDurationIsEnergy() {
    // Given a 10.2 kW server for 60 days, When multiplied, Then it uses 14.688 MWh.
    let energy = Power(kilowatts: 10.2) * TimeSpan(days: 60)
    #expect(energy.megawattHours.isApproximatelyEqual(to: 14.688, relativeTolerance: 1e-12))
    #expect((energy / TimeSpan(days: 60)).isApproximatelyEqual(to: Power(kilowatts: 10.2), relativeTolerance: 1e-12))
  }

  @Test func computeOverRateIsDuration() {
    // Given 3.8e25 FLOP at 1e18 FLOP/s, When divided, Then it takes 3.8e7 s (about 440 days).
    let time = Compute(flop: 3.8e25) / ComputeRate(baseValue: 1e18)
    #expect(time.seconds.isApproximatelyEqual(to: 3.8e7, relativeTolerance: 1e-12))
  }

  @Test func energyTimesPriceIsMoneyAndTimesIntensityIsMass() {
    // Given 1,000 MWh at 80 USD/MWh and 384 g/kWh, When multiplied,
    // Then it costs 80,000 USD and emits 384 t of CO2e.
    let energy = Energy(megawattHours: 1000)
    #expect((energy * EnergyPrice(baseValue: 80)).dollars.isApproximatelyEqual(to: 80_000, relativeTolerance: 1e-12))
    #expect((energy * CarbonIntensity(baseValue: 384)).tonnes.isApproximatelyEqual(to: 384, relativeTolerance: 1e-12))
  }

  @Test func bytesOverBandwidthIsDuration() {
    // Given 141 GB read at 4.8 TB/s, When divided, Then one pass takes 29.4 ms.
    let time = Bytes(gigabytes: 141) / Bandwidth(gigabytesPerSecond: 4800)
    #expect(time.seconds.isApproximatelyEqual(to: 0.029375, relativeTolerance: 1e-12))
  }

  @Test func sameDimensionArithmeticAndRatios() {
    // Given two powers, When added, compared and divided, Then the results are plain arithmetic.
    let total = [Power(watts: 700), Power(watts: 300)].sum()
    #expect(total == Power(watts: 1000))
    #expect(Power(watts: 700) < Power(kilowatts: 1))
    #expect(Power(megawatts: 3) / Power(megawatts: 1.5) == 2)
  }
}

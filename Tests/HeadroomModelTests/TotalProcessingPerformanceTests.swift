import HeadroomModel
import Testing

@Suite struct TotalProcessingPerformanceTests {
  @Test func tppIsTheHighestRateTimesBitLengthAndTiesReportTheFloatingPointFormat() {
    // Given H100 SXM dense rates (BF16 989.5, FP8 1979, INT8 1979 TOPS),
    // When TPP is computed, Then it is 15,832, reported as FP8 (BIS's own H100 figure).
    let tpp = TotalProcessingPerformance(rates: [
      .bf16: ComputeRate(teraflops: 989.5), .fp8: ComputeRate(teraflops: 1979),
      .int8: ComputeRate(teraflops: 1979), .tf32: ComputeRate(teraflops: 494.7),
    ])
    #expect(tpp.value.isApproximatelyEqual(to: 15_832, relativeTolerance: 1e-9))
    #expect(tpp.precision == .fp8)
  }

  @Test func densityIsTppOverDieAreaAndUnknownWithoutOne() {
    // Given TPP 15,832 on 814 mm2, When density is computed, Then it is 19.45; without an area it is nil.
    let tpp = TotalProcessingPerformance(value: 15_832, precision: .fp8)
    #expect(tpp.density(over: Area(squareMillimetres: 814))!.isApproximatelyEqual(to: 19.4496, relativeTolerance: 1e-4))
    #expect(tpp.density(over: nil) == nil)
  }

  @Test func aHypotheticalPartsTppIsItsRateTimesItsBitsAndItsDensityThatOverItsDie() {
    // Given 2,000 TOPS at 8 bits on 800 mm2 (classify --tflops 2000 --bits 8 --die-area 800), When described,
    // Then its TPP is 16,000 (1.01 H100-equivalents), its density 20, its origin the US, its precision unknown.
    let item = ExportItem.hypothetical(teraflops: 2000, bits: 8, dieArea: Area(squareMillimetres: 800))
    #expect(item.tpp.value == 16_000 && item.tpp.precision == nil)
    #expect(item.tpp.h100Equivalents.isApproximatelyEqual(to: 16_000 / 15_832, relativeTolerance: 1e-12))
    #expect(item.performanceDensity == 20)
    #expect(item.origin == "US" && item.name == "hypothetical 2000 TFLOP/s at 8 bits")
    #expect(ExportItem.hypothetical(teraflops: 300, bits: 16, origin: "cn").performanceDensity == nil)
    #expect(ExportItem.hypothetical(teraflops: 300, bits: 16, origin: "cn").origin == "CN")
  }
}

extension Double {
  func isApproximatelyEqual(to other: Double, relativeTolerance: Double) -> Bool {
    abs(self - other) <= relativeTolerance * Swift.max(abs(self), abs(other))
  }
}

import HeadroomCatalog
import HeadroomModel
import HeadroomPlanner
import HeadroomTestSupport
import Testing

/// The calibration: every published training run and MLPerf Inference result in the data, sized by
/// Headroom with its defaults, within the stated tolerances (training 15 %, inference 20 %), with the
/// fitted cases kept apart from the held-out ones.
@Suite struct CalibrationTests {
  static let calibration: Calibration = {
    do {
      return try Calibration(catalog: Repository.catalog)
    } catch {
      fatalError("the repository's calibration does not size: \(error)")
    }
  }()

  @Test func theDataHoldsEnoughCasesOnEnoughParts() {
    // Given the data, Then there are at least 8 training runs on 4 kinds of accelerator and 6 MLPerf
    // results on 4 kinds, one of them AMD, with fitted and held-out cases of each.
    let calibration = Self.calibration
    #expect(calibration.training.count >= 8)
    #expect(Set(calibration.training.map(\.accelerator)).count >= 4)
    #expect(calibration.inference.count >= 6)
    let parts = Set(calibration.inference.map(\.accelerator))
    #expect(parts.count >= 4 && parts.contains { $0.hasPrefix("mi3") })
    #expect(
      calibration.inference.contains { $0.role == .heldOut } && calibration.inference.contains { $0.role == .fit })
    #expect(calibration.training.contains { $0.role == .heldOut })
  }

  @Test func everyTrainingRunLandsWithin15PercentWithTheDefaults() {
    // Given each published run, When sized with the default MFU (median of the runs on its silicon) and
    // goodput, Then Headroom's figure is within 15 % of the published one, and so is the leave-one-out
    // figure (the median of the other runs) wherever the silicon has other runs.
    for run in Self.calibration.training {
      #expect(abs(run.error) <= Calibration.trainingTolerance, "\(run.id): \(run.headroom) vs \(run.published)")
      if let heldOut = run.leaveOneOutError {
        #expect(abs(heldOut) <= Calibration.trainingTolerance, "\(run.id) leave-one-out: \(heldOut)")
      }
    }
  }

  @Test func everyMLPerfResultLandsWithin20PercentAndFittedOnesExactly() {
    // Given each MLPerf Inference case, When sized as measured with its part's efficiency, Then held-out
    // cases are within 20 %, and fitted cases are reproduced (the fit converged).
    for measured in Self.calibration.inference {
      #expect(
        abs(measured.error) <= Calibration.inferenceTolerance,
        "\(measured.id): \(measured.headroom) vs \(measured.published)")
      if measured.role == .fit {
        #expect(abs(measured.error) < 1e-6, "\(measured.id) did not reproduce: \(measured.error)")
        #expect(measured.efficiency.basis == .fitted(cases: [measured.id]))
      } else {
        #expect(!(measured.efficiency.basis.description.contains(measured.id)), "\(measured.id) fitted on itself")
      }
    }
  }

  @Test func theH200OverH100AndMI300XOverH200OrderingsMatchMLPerf() throws {
    // Given MLPerf v4.1's ratios per accelerator - H200/H100 1.28 offline and 1.35 server, MI300X/H200
    // 0.75 and 0.72 - When Headroom sizes the same cases, Then each pair is ordered the same way, within
    // 10 % of the published ratio.
    let orderings = Self.calibration.orderings
    #expect(orderings.count == 4)
    for pair in orderings {
      #expect(pair.matches, "\(pair.numerator) / \(pair.denominator): \(pair.headroom) vs \(pair.published)")
      #expect(isClose(pair.headroom, to: pair.published, relative: 0.10), "\(pair.numerator): \(pair.headroom)")
    }
    let h200 = try #require(orderings.first { $0.numerator == "mlperf-v4.1-nvidia-h200-offline" })
    #expect(h200.published >= 1.27 && h200.published <= 1.36 && h200.headroom > 1.2)
    let mi300x = try #require(orderings.first { $0.numerator == "mlperf-v4.1-amd-mi300x-server" })
    #expect(mi300x.published >= 0.71 && mi300x.published <= 0.76 && mi300x.headroom < 0.8)
  }

  @Test func aComputeBoundFitEqualsTheClosedFormEfficiency() throws {
    // Given the H100 offline case (Llama 2 70B, 222 prompt + 294 output tokens, FP8), When decode and
    // prefill are both compute-bound, tokens/s per accelerator = peak x efficiency / (2 N (1 + p / o)),
    // so the fitted efficiency is published x 2 N (1 + p / o) / peak: 3,065.6 x 2 x 68.98e9 x 1.755 /
    // 1,979 TFLOP/s = 0.375.
    let measured = try #require(Self.calibration.inference.first { $0.id == "mlperf-v4.1-nvidia-h100-offline" })
    let model = try Repository.catalog.model("llama-2-70b")
    let closedForm = 24_524.9 / 8 * 2 * model.parameters * (1 + 222.0 / 294) / 1979e12
    #expect(isClose(measured.efficiency.compute, to: closedForm, relative: 1e-6), "\(measured.efficiency.compute)")
    #expect(measured.efficiency.bandwidth == 0.8)
  }

  @Test func aPartWithoutMLPerfResultsUsesTheMedianOfTheFittedEfficiencies() throws {
    // Given the fits, When a part with no MLPerf result (the H20) is looked up, Then it gets the median
    // of the fitted parts' compute efficiencies, marked as the fallback.
    let serving = try ServingCalibration(catalog: Repository.catalog)
    let fitted = serving.fitted.values.flatMap(\.values).map(\.compute).sorted()
    let median =
      fitted.count % 2 == 1 ? fitted[fitted.count / 2] : (fitted[fitted.count / 2 - 1] + fitted[fitted.count / 2]) / 2
    let h20 = serving.efficiency(accelerator: "h20", precision: .fp8)
    #expect(h20.compute == median && h20.basis == .fallback(fittedParts: fitted.count))
    #expect(serving.efficiency(accelerator: "b200", precision: .fp4).basis.kind == "fitted")
    // and FP8 on the B200 has no MLPerf result: fallback.
    #expect(serving.efficiency(accelerator: "b200", precision: .fp8).basis.kind == "fallback")
  }

  @Test func aPublishedRateAboveTheRooflineAtFullEfficiencyIsAnErrorNamingTheCase() throws {
    // Given a case claiming 10x the H100's published rate, When fitted, Then the error says which case,
    // where, and that the efficiency needed is outside (0, 1].
    var catalog = Repository.catalog
    let index = try #require(catalog.measurements.cases.firstIndex { $0.id == "mlperf-v4.1-nvidia-h100-offline" })
    catalog.measurements.cases[index].tokensPerSecond *= 10
    #expect {
      try ServingCalibration(catalog: catalog)
    } throws: { error in
      let text = "\(error)"
      return text.contains("Scenarios/calibration.yaml:") && text.contains("mlperf-v4.1-nvidia-h100-offline")
        && text.contains("is outside (0, 1]")
    }
  }
}

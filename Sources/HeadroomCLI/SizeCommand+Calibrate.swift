import ArgumentParser
import HeadroomPlanner
import HeadroomReport

extension SizeCommand {
  /// `headroom size calibrate`: every measured case the sizing is checked against.
  struct Calibrate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every published case the sizing is checked against: published, Headroom's, error.",
      discussion: """
        Training: the runs in Scenarios/mfu.yaml, sized with the default MFU (median of the published \
        runs on the part's silicon) and goodput; fitted runs also show the leave-one-out error. \
        Inference: the MLPerf Inference results in Scenarios/calibration.yaml; 'fit' cases set their \
        part's compute efficiency (zero error by construction), 'held-out' cases are predictions. \
        Exits non-zero when a case falls outside its tolerance or an ordering differs from MLPerf's.
        """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
      let data = try options.loadData()
      let calibration = try SizeInput.sizing { try Calibration(catalog: data.catalog) }
      options.emit(
        SizingReport.calibration(calibration), data: data, uses: ["mfu", "calibration", "inference-profiles"])
      let failures = calibration.failures
      if !failures.isEmpty { throw CommandError("outside tolerance: \(failures.joined(separator: ", "))") }
    }
  }
}

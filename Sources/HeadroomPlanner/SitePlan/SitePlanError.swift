import HeadroomModel

/// Why a site plan cannot be built or solved, said with the file, line, field and value that decide it.
public enum SitePlanError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No candidate system meets an inference service's time-per-output-token target, even at batch 1
  /// on the largest replica: `best` is the fastest any candidate manages.
  case latencyUnreachable(service: String, location: String, target: TimeSpan, best: TimeSpan?, bestSystem: String?)
  /// No candidate system can run a workload at all (precision, memory, missing figures).
  case noCapableSystem(workload: String, location: String, reasons: [String])
  /// A training run's window does not overlap the plan years.
  case windowOutsidePlan(workload: String, location: String, start: Day, deadline: Day, years: ClosedRange<Int>)
  /// No candidate system fits any hall of the site.
  case noCandidateSystems(site: String, reasons: [String])
  /// The plan years are not a valid range.
  case invalidYears(from: Int, to: Int)
  /// The solver stopped without any plan (a failure: the model is elastic, so never infeasible).
  case solverFailed(status: String, message: String?)

  public var description: String {
    switch self {
    case .latencyUnreachable(let service, let location, let target, let best, let bestSystem):
      let bestText =
        best.map {
          "; the best any candidate system manages is \(Self.milliseconds($0)) per output token at batch 1 (\(bestSystem ?? "?"))"
        } ?? ""
      return
        "\(location): field 'inference.\(service).latency': value '\(Self.milliseconds(target))': no replica of any candidate system meets this time-per-output-token target\(bestText); raise the target or add faster systems"
    case .noCapableSystem(let workload, let location, let reasons):
      return "\(location): workload '\(workload)': no candidate system can run it:\n  "
        + reasons.joined(separator: "\n  ")
    case .windowOutsidePlan(let workload, let location, let start, let deadline, let years):
      return
        "\(location): field 'training.\(workload)': value '\(start) to \(deadline)': the run's window lies outside the plan years \(years.lowerBound)-\(years.upperBound); move the window or the plan years (--from/--to)"
    case .noCandidateSystems(let site, let reasons):
      return "no candidate system fits any hall of \(site):\n  " + reasons.joined(separator: "\n  ")
    case .invalidYears(let from, let to):
      return "the plan years \(from)-\(to) are not a range of 1 to 30 years: --from must not be after --to"
    case .solverFailed(let status, let message):
      return "the site-plan MIP ended '\(status)' with no plan" + (message.map { ": \($0)" } ?? "")
    }
  }

  static func milliseconds(_ duration: TimeSpan) -> String {
    NumberText.plain(duration.seconds * 1000, 3) + " ms"
  }
}

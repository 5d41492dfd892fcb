import HeadroomModel

/// The shares of peak memory bandwidth and dense compute an accelerator's serving stack achieves,
/// and where the figures come from.
///
/// Headroom's roofline divides bytes by `bandwidth x peak bandwidth` and FLOP by `compute x peak
/// compute`. Measured serving (MLPerf Inference) fixes the compute share per accelerator and precision;
/// the bandwidth share is a stated assumption (no published case is bandwidth-bound in the roofline).
public struct ServingEfficiency: Sendable, Hashable, Codable {
  /// Where an efficiency comes from.
  public enum Basis: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Fitted to published results (the calibration case ids).
    case fitted(cases: [String])
    /// No fitted case for the part and precision: the median of the fitted compute efficiencies.
    case fallback(fittedParts: Int)
    /// Library defaults, used when no calibration is at hand (0.8 and 0.5, assumptions).
    case assumption
    /// Given by the caller (`--compute-efficiency`, `--bandwidth-efficiency`).
    case given

    public var description: String {
      switch self {
      case .fitted(let cases): "fitted to \(cases.joined(separator: ", ")) (Scenarios/calibration.yaml)"
      case .fallback(let count):
        "fallback: median of the \(count) fitted parts' compute efficiencies (no MLPerf result for this part and precision)"
      case .assumption: "assumption (no calibration loaded)"
      case .given: "given"
      }
    }

    /// A short name for JSON and tables: `fitted`, `fallback`, `assumption` or `given`.
    public var kind: String {
      switch self {
      case .fitted: "fitted"
      case .fallback: "fallback"
      case .assumption: "assumption"
      case .given: "given"
      }
    }
  }

  /// Share of peak memory bandwidth a decode step achieves, in (0, 1].
  public var bandwidth: Double
  /// Share of dense peak the matrix multiplies achieve in decode and prefill, in (0, 1].
  public var compute: Double
  /// Where the compute share comes from.
  public var basis: Basis
  /// Where the bandwidth share comes from.
  public var bandwidthBasis: Basis

  public init(bandwidth: Double, compute: Double, basis: Basis, bandwidthBasis: Basis = .assumption) {
    self.bandwidth = bandwidth
    self.compute = compute
    self.basis = basis
    self.bandwidthBasis = bandwidthBasis
  }

  /// The library's uncalibrated defaults: 0.8 of peak bandwidth, 0.5 of peak compute (assumptions).
  public static let uncalibrated = ServingEfficiency(bandwidth: 0.8, compute: 0.5, basis: .assumption)

  /// One line naming both figures and their bases.
  public var explanation: String {
    "compute efficiency \(NumberText.plain(compute, 3)) (\(basis)); bandwidth efficiency \(NumberText.plain(bandwidth, 3)) (\(bandwidthBasis == .assumption ? "assumption" : bandwidthBasis.description))"
  }
}

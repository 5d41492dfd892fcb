/// How a sweep draws its inputs and what it reports.
public enum SweepMethod: String, Sendable, Hashable, Codable, CaseIterable {
  /// Independent uniform draws; percentiles of the wall years and Spearman rank correlations.
  case random
  /// A Saltelli design (``SobolDesign``); first- and total-order Sobol indices with bootstrap intervals.
  case sobol

  /// Model runs for `samples`: the samples themselves (random), or N × (k + 2) for N base rows and k
  /// inputs (sobol).
  public func runs(samples: Int, inputs: Int) -> Int {
    switch self {
    case .random: return samples
    case .sobol: return SobolDesign(inputs: inputs, baseSamples: samples).runs
    }
  }
}

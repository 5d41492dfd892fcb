import HeadroomModel

/// The model FLOPs utilisation a training sizing uses, and where it comes from: given, the median of
/// published runs on the part's silicon, or the precision's fallback (`Scenarios/mfu.yaml`).
public struct ResolvedMFU: Sendable, Hashable, Codable {
  /// Where the figure comes from.
  public enum Basis: Sendable, Hashable, Codable {
    /// Given by the caller.
    case given
    /// The median of these published runs (ids in `Scenarios/mfu.yaml`).
    case runs([String])
    /// The precision's fallback: no published run on the part's silicon.
    case fallback
  }

  /// The MFU, in (0, 1].
  public var mfu: Double
  /// The precision the figure was recorded for.
  public var precision: Precision
  public var basis: Basis
  /// `estimate` or `assumption` when the file marks the figure so.
  public var mark: String?

  public init(mfu: Double, precision: Precision, basis: Basis, mark: String? = nil) {
    self.mfu = mfu
    self.precision = precision
    self.basis = basis
    self.mark = mark
  }

  /// Whether the figure is the precision's fallback (an assumption).
  public var isFallback: Bool { basis == .fallback }

  /// Where the figure comes from, in words, for an accelerator.
  public func source(accelerator: String) -> String {
    switch basis {
    case .given: return "given with --mfu"
    case .runs(let ids):
      let runs =
        ids.count == 1
        ? "published run \(ids[0])" : "median of \(ids.count) published runs (\(ids.joined(separator: ", ")))"
      return "default for \(accelerator) \(precision.rawValue): \(runs) in Scenarios/mfu.yaml"
        + (mark.map { ", \($0)" } ?? "")
    case .fallback:
      return
        "\(precision.rawValue) fallback in Scenarios/mfu.yaml, an assumption: no published run on \(accelerator)"
    }
  }
}

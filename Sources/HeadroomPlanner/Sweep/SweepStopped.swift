/// A sweep stopped by a signal, with the samples that finished before it (in index order), so that
/// the command can still write them (`--save-samples`) for a later `--merge`.
public struct SweepStopped: Error, Sendable, CustomStringConvertible {
  /// The samples that finished.
  public var samples: [SweepSample]
  /// The signal that stopped the sweep.
  public var stopped: Stopped

  public init(samples: [SweepSample], stopped: Stopped) {
    self.samples = samples
    self.stopped = stopped
  }

  public var description: String { "\(stopped) after \(samples.count) samples" }
}

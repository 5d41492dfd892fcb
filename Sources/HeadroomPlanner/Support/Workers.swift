import Foundation

/// How many pieces of work run at once: the machine's active cores, or `HEADROOM_WORKERS` when set.
///
/// Results never depend on it (each piece is independent and results are kept in index order); the
/// determinism tests run the same study with one worker and with several and compare the bytes.
public enum Workers {
  /// The environment variable that limits the number of workers (a positive integer).
  public static let environmentVariable = "HEADROOM_WORKERS"

  /// The number of workers for this process.
  public static let count: Int = count(environment: ProcessInfo.processInfo.environment)

  /// The number of workers an environment asks for: `HEADROOM_WORKERS` when it is a positive integer
  /// (at most 1,024), else the active processor count.
  public static func count(environment: [String: String]) -> Int {
    if let text = environment[environmentVariable], let value = Int(text.trimmingCharacters(in: .whitespaces)),
      value > 0
    {
      return min(value, 1_024)
    }
    return max(1, ProcessInfo.processInfo.activeProcessorCount)
  }
}

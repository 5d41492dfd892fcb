/// Reads and writes plain counts the way people write them: `405e9`, `405B`, `15.6T`, `2,048`.
///
/// Suffixes: `k`/`K` = 10^3, `M` = 10^6, `B` or `G` = 10^9 (billion), `T` = 10^12, `P` = 10^15.
///
/// For example:
/// ```swift
/// CountText.parse("405B")     // 4.05e11
/// CountText.parse("15.6T")    // 1.56e13
/// CountText.parse("abc")      // nil
/// ```
public enum CountText {
  static let suffixes: [Character: Double] = [
    "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "G": 1e9, "T": 1e12, "P": 1e15,
  ]

  /// The count written in `text`, or nil when it is not a finite number with an optional suffix.
  public static func parse(_ text: String) -> Double? {
    var body = text.trimmingWhitespace().filter { $0 != "_" && $0 != "," }
    var factor = 1.0
    if let last = body.last, let multiplier = suffixes[last] {
      factor = multiplier
      body.removeLast()
      body = body.trimmingWhitespace()
    }
    guard !body.isEmpty, let value = Double(body), value.isFinite else { return nil }
    let result = value * factor
    return result.isFinite ? result : nil
  }

  /// A count for people: 405B, 15.6T, 2.05k, 37B.
  public static func format(_ value: Double, digits: Int = 3) -> String {
    let magnitude = abs(value)
    for (suffix, factor) in [("P", 1e15), ("T", 1e12), ("B", 1e9), ("M", 1e6), ("k", 1e3)] where magnitude >= factor {
      return NumberText.plain(value / factor, digits) + suffix
    }
    return NumberText.plain(value, digits)
  }
}

/// Suggests known names close to a mistyped one ("did you mean h100-sxm?").
public enum NearestNames {
  /// Up to `limit` known names nearest to `name`, closest first: names that start with it (shortest
  /// first: `h100` gives `h100-sxm` before `h100-pcie`), then names that contain it or that it contains,
  /// then names within a small edit distance (Levenshtein, at most max(3, half the name's length)); at equal
  /// distance, names sharing a longer start with it first.
  public static func nearest(to name: String, among known: [String], limit: Int = 3) -> [String] {
    let lowered = name.lowercased()
    let threshold = max(3, name.count / 2)
    let scored = known.map { candidate -> (name: String, tier: Int, distance: Int, shared: Int) in
      let other = candidate.lowercased()
      let distance = editDistance(lowered, other)
      // At equal distance, a name that keeps more of the typed start comes first (UX: US before MX).
      let shared = -zip(lowered, other).prefix { $0 == $1 }.count
      if !lowered.isEmpty && other.hasPrefix(lowered) { return (candidate, 0, distance, shared) }
      if !lowered.isEmpty && (other.contains(lowered) || lowered.contains(other)) {
        return (candidate, 1, distance, shared)
      }
      return (candidate, 2, distance, shared)
    }
    return scored.filter { $0.tier < 2 || $0.distance <= threshold }
      .sorted { ($0.tier, $0.distance, $0.shared, $0.name) < ($1.tier, $1.distance, $1.shared, $1.name) }
      .prefix(limit).map(\.name)
  }

  /// "; did you mean 'x' or 'y'?" or an empty string.
  public static func suggestion(for name: String, among known: [String]) -> String {
    let names = nearest(to: name, among: known)
    guard !names.isEmpty else { return "" }
    return "; did you mean " + names.map { "'\($0)'" }.joined(separator: " or ") + "?"
  }

  /// Levenshtein distance between two strings.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}

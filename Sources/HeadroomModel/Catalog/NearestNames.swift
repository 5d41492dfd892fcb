/// Suggests known names close to a mistyped one ("did you mean h100-sxm?").
public enum NearestNames {
  /// Up to `limit` known names nearest to `name` by edit distance, closest first.
  public static func nearest(to name: String, among known: [String], limit: Int = 3) -> [String] {
    let lowered = name.lowercased()
    let scored = known.map { candidate -> (String, Int) in
      let distance = editDistance(lowered, candidate.lowercased())
      let bonus = candidate.lowercased().contains(lowered) || lowered.contains(candidate.lowercased()) ? 2 : 0
      return (candidate, distance - bonus)
    }
    let threshold = max(3, name.count / 2)
    return scored.filter { $0.1 <= threshold }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
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

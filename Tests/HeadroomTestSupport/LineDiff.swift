/// A line diff (longest common subsequence) of lines a README shows against lines a command printed, for
/// messages that name the README line of each difference.
enum LineDiff {
  /// A unified-diff-like text: ` ` both, `-` only shown (with its file line), `+` only printed (with its
  /// output line, 1-based).
  ///
  /// - Parameters:
  ///   - from: the 0-based output index of `printed[0]`.
  ///   - what: which part of the output the shown lines were compared with, for the heading.
  static func describe(
    expected: [GoldenOutput.Line], printed: [String], from: Int, file: String, what: String
  ) -> String {
    let shown = expected.map(\.text)
    // lengths[i][j]: the longest common subsequence of shown[i...] and printed[j...].
    var lengths = Array(repeating: Array(repeating: 0, count: printed.count + 1), count: shown.count + 1)
    for i in stride(from: shown.count - 1, through: 0, by: -1) {
      for j in stride(from: printed.count - 1, through: 0, by: -1) {
        lengths[i][j] = shown[i] == printed[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
      }
    }
    let first = expected.first.map { "\(file):\($0.fileLine)" } ?? file
    var text = ["--- \(first): lines shown, compared with \(what)", "+++ output lines printed"]
    var i = 0
    var j = 0
    while i < shown.count || j < printed.count {
      if i < shown.count && j < printed.count && shown[i] == printed[j] {
        text.append("  \(file):\(expected[i].fileLine) | \(shown[i])")
        i += 1
        j += 1
      } else if i < shown.count && (j == printed.count || lengths[i + 1][j] >= lengths[i][j + 1]) {
        text.append("- \(file):\(expected[i].fileLine) | \(shown[i])")
        i += 1
      } else {
        text.append("+ output:\(from + j + 1) | \(printed[j])")
        j += 1
      }
    }
    return text.joined(separator: "\n")
  }
}

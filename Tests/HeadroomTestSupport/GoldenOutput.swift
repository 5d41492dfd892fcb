/// The output a README shows for a command, checked line by line against what the command printed.
///
/// A line that is exactly `...` stands for zero or more omitted lines: the lines shown before the first
/// `...` must open the output, each run of lines between two `...` must come next, whole and in order,
/// somewhere after the run before it, and the lines after the last `...` (unless it is the last line) must
/// close the output. Without a `...` the output must be exactly the lines shown. Trailing whitespace and
/// trailing blank lines are ignored on both sides; everything else, spacing included, must match.
///
/// For example, `GoldenOutput(["a", "...", "c"])` matches the output `a\nb\nc\n` and not `a\nc\nd\n`.
public struct GoldenOutput: Sendable, Hashable {
  /// One line shown, with where it is in its file.
  public struct Line: Sendable, Hashable {
    public var text: String
    /// The 1-based line number in the README.
    public var fileLine: Int

    public init(text: String, fileLine: Int) {
      self.text = text
      self.fileLine = fileLine
    }
  }

  /// The line that stands for omitted lines.
  public static let elision = "..."

  /// The lines shown, trailing blank lines removed.
  public var lines: [Line]

  public init(lines: [Line]) {
    var lines = lines.map { Line(text: $0.text.trimmingTrailingWhitespace, fileLine: $0.fileLine) }
    while lines.last?.text.isEmpty == true { lines.removeLast() }
    self.lines = lines
  }

  /// Lines numbered from 1, for tests of the matching itself.
  public init(_ texts: [String]) {
    self.init(lines: texts.enumerated().map { Line(text: $1, fileLine: $0 + 1) })
  }

  /// Whether some output is left out (the lines hold a `...`).
  public var isElided: Bool { lines.contains { $0.text == Self.elision } }

  /// The runs of lines between `...` lines: one more than there are `...` lines, empty where a `...` opens or
  /// closes the output or two follow each other.
  var runs: [[Line]] {
    var runs: [[Line]] = [[]]
    for line in lines {
      if line.text == Self.elision {
        runs.append([])
      } else {
        runs[runs.count - 1].append(line)
      }
    }
    return runs
  }

  /// Nil when `output` matches; else what differs, as a diff of the first run of shown lines that does not
  /// match against the output lines it was compared with (`-` shown in the file, `+` printed).
  public func mismatch(in output: String, file: String) -> String? {
    var printed = output.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0).trimmingTrailingWhitespace
    }
    while printed.last?.isEmpty == true { printed.removeLast() }
    let runs = self.runs
    var position = 0
    for (index, run) in runs.enumerated() {
      let texts = run.map(\.text)
      let isFirst = index == 0
      let isLast = index == runs.count - 1
      if isFirst && isLast {
        if printed == texts { return nil }
        return LineDiff.describe(expected: run, printed: printed, from: 0, file: file, what: "the whole output")
      }
      if run.isEmpty { continue }
      if isFirst {
        let window = Array(printed.prefix(texts.count))
        if window == texts {
          position = texts.count
          continue
        }
        return LineDiff.describe(expected: run, printed: window, from: 0, file: file, what: "the start of the output")
      }
      if isLast {
        let start = printed.count - texts.count
        if start >= position && Array(printed[start...]) == texts { return nil }
        let from = max(position, start)
        return LineDiff.describe(
          expected: run, printed: Array(printed[min(from, printed.count)...]), from: from, file: file,
          what: "the end of the output (after output line \(position))")
      }
      if let found = Self.find(texts, in: printed, from: position) {
        position = found + texts.count
        continue
      }
      let nearest = Self.nearest(texts, in: printed, from: position)
      return LineDiff.describe(
        expected: run, printed: Array(printed[nearest..<min(printed.count, nearest + texts.count)]), from: nearest,
        file: file, what: "lines anywhere after output line \(position) (nearest shown)")
    }
    return nil
  }

  /// The first index at or after `start` where `texts` are the next lines of `printed`.
  static func find(_ texts: [String], in printed: [String], from start: Int) -> Int? {
    guard printed.count - texts.count >= start else { return nil }
    return (start...(printed.count - texts.count)).first { Array(printed[$0..<($0 + texts.count)]) == texts }
  }

  /// The index at or after `start` where the most of `texts` match in place (the first such), to show a
  /// run that is nowhere whole against the lines most like it.
  static func nearest(_ texts: [String], in printed: [String], from start: Int) -> Int {
    guard start < printed.count else { return printed.count }
    var best = start
    var bestCount = -1
    for candidate in start..<printed.count {
      let count = zip(texts, printed[candidate...]).filter { $0 == $1 }.count
      if count > bestCount {
        best = candidate
        bestCount = count
      }
    }
    return best
  }
}

extension String {
  /// The string without spaces and tabs at its end.
  var trimmingTrailingWhitespace: String {
    var text = self
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
    return text
  }
}

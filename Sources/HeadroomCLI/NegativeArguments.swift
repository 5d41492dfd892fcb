/// Lets a negative number be a positional argument (`headroom runs show -1`).
///
/// argument-parser reads any word that starts with '-' as an option, so a negative positional was
/// reported as "Missing expected argument '<id>'" instead of being read and refused for what it is.
/// No command has a short option named by a digit, so a word like `-1` or `-2.5e3` that does not
/// follow an option (whose value it would be) can only be a positional: it is moved after a `--`
/// terminator, in order, where argument-parser reads it as a value. Options that take negative values
/// declare `parsing: .unconditional`, which takes the word after them whatever it starts with.
enum NegativeArguments {
  /// The arguments with negative-number positionals moved after `--` (unchanged when a `--` is given).
  static func rewrite(_ arguments: [String]) -> [String] {
    guard !arguments.contains("--") else { return arguments }
    var kept: [String] = []
    var moved: [String] = []
    for (index, word) in arguments.enumerated() {
      let previous = index > 0 ? arguments[index - 1] : ""
      let followsOption = previous.hasPrefix("-") && !isNegativeNumber(previous) && !previous.contains("=")
      if isNegativeNumber(word) && !followsOption {
        moved.append(word)
      } else {
        kept.append(word)
      }
    }
    return moved.isEmpty ? arguments : kept + ["--"] + moved
  }

  /// Whether a word is a negative number: '-', then a digit or '.', then a number Swift can read.
  static func isNegativeNumber(_ word: String) -> Bool {
    guard word.hasPrefix("-"), let second = word.dropFirst().first, second.isNumber || second == "." else {
      return false
    }
    return Double(word) != nil
  }
}

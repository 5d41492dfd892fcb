/// One command a README shows, with the output it shows for it.
///
/// A README example is a fenced code block whose first line is `$ headroom ...`. Each line starting `$ `
/// is a command, continued on the following lines while a quote is open or the line ends in a backslash
/// (a `#` comment is dropped); the lines after it, up to the next `$ ` line or the end of the block, are its
/// output (``GoldenOutput``: a `...` line stands for omitted lines).
///
/// For example, the block
/// ```
/// $ headroom classify h20 --to CN
/// Export classification of h20
/// ...
/// ```
/// is one example: arguments `["classify", "h20", "--to", "CN"]`, output opening with its second line.
public struct ReadmeExample: Sendable, Hashable {
  /// The 1-based README line of the `$`.
  public var line: Int
  /// The command's arguments, after `headroom`.
  public var arguments: [String]
  /// The output shown.
  public var expected: GoldenOutput

  /// The arguments joined by spaces, e.g. `fit --site dublin-colo-hall --system hgx-h200`; tables of
  /// examples key on how it starts.
  public var command: String { arguments.joined(separator: " ") }

  /// Every example of a README, in order.
  public static func all(in readme: Readme) throws(ParseError) -> [ReadmeExample] {
    var examples: [ReadmeExample] = []
    for block in readme.codeBlocks where block.lines.first?.hasPrefix("$ headroom") == true {
      examples += try parse(block, file: readme.name)
    }
    return examples
  }

  /// The examples of one block that opens with `$ headroom`.
  static func parse(_ block: Readme.CodeBlock, file: String) throws(ParseError) -> [ReadmeExample] {
    var examples: [ReadmeExample] = []
    var index = 0
    while index < block.lines.count {
      let line = block.fileLine(index)
      guard block.lines[index].hasPrefix("$ ") else {
        throw ParseError(file: file, line: line, message: "expected a '$ headroom' command line")
      }
      var text = String(block.lines[index].dropFirst(2))
      var words = ShellWords.split(text)
      index += 1
      while words == .continues {
        guard index < block.lines.count else {
          throw ParseError(file: file, line: line, message: "the command runs on to the end of its block")
        }
        text += "\n" + block.lines[index]
        words = ShellWords.split(text)
        index += 1
      }
      guard case .complete(let all) = words, all.first == "headroom" else {
        throw ParseError(file: file, line: line, message: "only 'headroom' commands can be checked: \(text)")
      }
      var output: [GoldenOutput.Line] = []
      while index < block.lines.count && !block.lines[index].hasPrefix("$ ") {
        output.append(GoldenOutput.Line(text: block.lines[index], fileLine: block.fileLine(index)))
        index += 1
      }
      examples.append(
        ReadmeExample(line: line, arguments: Array(all.dropFirst()), expected: GoldenOutput(lines: output)))
    }
    return examples
  }

  /// A README example that cannot be read, with where it is.
  public struct ParseError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public var description: String { "\(file):\(line): \(message)" }
  }
}

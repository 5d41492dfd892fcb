import Foundation

/// A Markdown file read as its fenced code blocks, each with the line numbers it came from, for tests that
/// check the examples a README shows.
///
/// For example, `try Readme(file: Repository.file("README.md")).codeBlocks.filter { $0.info == "swift" }`.
public struct Readme: Sendable {
  /// The file's name as messages show it, e.g. `README.md`.
  public var name: String
  /// The file's lines, without their line breaks.
  public var lines: [String]

  /// Reads a Markdown file.
  public init(file: URL) throws {
    self.init(name: file.lastPathComponent, text: try String(contentsOf: file, encoding: .utf8))
  }

  /// Reads Markdown text.
  public init(name: String, text: String) {
    self.name = name
    self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// The repository's own README.md.
  public static func repository() throws -> Readme { try Readme(file: Repository.file("README.md")) }

  /// The fenced code blocks (three backticks at the start of a line), in order; an unclosed block runs to
  /// the end of the file.
  public var codeBlocks: [CodeBlock] {
    var blocks: [CodeBlock] = []
    var open: CodeBlock?
    for (index, line) in lines.enumerated() {
      if line.hasPrefix("```") {
        if let block = open {
          blocks.append(block)
          open = nil
        } else {
          open = CodeBlock(info: String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), fenceLine: index + 1)
        }
      } else if open != nil {
        open?.lines.append(line)
      }
    }
    if let block = open { blocks.append(block) }
    return blocks
  }
}

extension Readme {
  /// One fenced code block: its info string (`swift`, `sh`, or empty) and its lines.
  public struct CodeBlock: Sendable, Hashable {
    /// What follows the opening backticks, e.g. `swift`.
    public var info: String
    /// The 1-based line number of the opening fence; the block's first line is the next one.
    public var fenceLine: Int
    /// The lines between the fences.
    public var lines: [String] = []

    /// The 1-based file line number of the block's line at `index`.
    public func fileLine(_ index: Int) -> Int { fenceLine + 1 + index }
  }
}

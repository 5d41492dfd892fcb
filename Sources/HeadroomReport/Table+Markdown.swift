extension Table {
  /// The table as a GitHub-flavoured Markdown table, with its title as a heading and notes below.
  public func renderMarkdown() -> String {
    func escape(_ cell: String) -> String { cell.replacingOccurrences(of: "|", with: "\\|") }
    var output: [String] = []
    if let title { output += ["### \(title)", ""] }
    output.append("| " + columns.map { escape($0.name) }.joined(separator: " | ") + " |")
    output.append("|" + columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined())
    for row in rows { output.append("| " + row.map(escape).joined(separator: " | ") + " |") }
    if !notes.isEmpty { output += [""] + notes.map { "- \($0)" } }
    return output.joined(separator: "\n") + "\n"
  }
}

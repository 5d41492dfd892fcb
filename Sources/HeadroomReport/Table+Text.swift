extension Table {
  /// The table as aligned plain text, with a rule under the header.
  public func renderText() -> String {
    var widths = columns.map { $0.name.count }
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return columns[index].alignment == .right ? padding + cell : cell + padding
      }.joined(separator: "  ").trailingSpacesRemoved()
    }
    var output: [String] = []
    if let title { output.append(title) }
    output.append(line(columns.map(\.name)))
    output.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    output += rows.map(line)
    if !notes.isEmpty {
      output.append("")
      output += notes
    }
    return output.joined(separator: "\n") + "\n"
  }
}

extension String {
  func trailingSpacesRemoved() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}

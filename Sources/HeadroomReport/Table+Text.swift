extension Table {
  /// The table as aligned plain text, with a rule under the header, fitted to a layout.
  ///
  /// With a width: the title and the notes wrap at word boundaries; long text columns (left-aligned
  /// cells with spaces) wrap within their column; if the table still does not fit, the columns that do
  /// not are moved below it into further parts that repeat the key columns (``keyColumns``), and a line
  /// under the first part names them. Without a width (``TextLayout/unlimited``) every line is as long
  /// as its content.
  public func renderText(layout: TextLayout = .unlimited) -> String {
    var table = self
    table.rows = groupedRows
    return table.renderFitted(layout: layout)
  }

  /// The rows with the plain numbers of number columns written with thousands separators (`17859` →
  /// `17,859`, `+1153.5` → `+1,153.5`), so every text table writes numbers one way, whatever its builder
  /// wrote (CSV and JSON keep them plain). A number column is right-aligned with every cell a plain
  /// number or a dash; years (a column of whole numbers from 1900 to 2100) and ids (`id`, `…_id`) are left
  /// as they are.
  var groupedRows: [[String]] {
    var rows = self.rows
    for (index, column) in columns.enumerated() where column.alignment == .right {
      let name = column.name.lowercased()
      guard name != "id" && !name.hasSuffix("_id") else { continue }
      let cells = rows.map { $0[index] }.filter { $0 != "—" && !$0.isEmpty }
      guard !cells.isEmpty, cells.allSatisfy(Self.isPlainNumber) else { continue }
      let years = cells.allSatisfy { Int($0).map { (1900...2100).contains($0) } ?? false }
      guard !years else { continue }
      for row in rows.indices { rows[row][index] = Self.grouped(rows[row][index]) }
    }
    return rows
  }

  /// Whether a cell is a plain decimal number: an optional sign, digits, an optional fraction.
  static func isPlainNumber(_ cell: String) -> Bool {
    var body = Substring(cell)
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), !parts[0].isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
    else { return false }
    return parts.count == 1 || !parts[1].isEmpty
  }

  /// A plain number with its whole part grouped by thousands (`-1234567.25` → `-1,234,567.25`).
  static func grouped(_ cell: String) -> String {
    guard isPlainNumber(cell) else { return cell }
    var body = Substring(cell)
    var sign = ""
    if body.first == "+" || body.first == "-" {
      sign = String(body.first!)
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    var whole = ""
    for (index, digit) in parts[0].reversed().enumerated() {
      if index > 0 && index % 3 == 0 { whole.append(",") }
      whole.append(digit)
    }
    return sign + String(whole.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
  }

  /// The text, fitted to a layout (rows already as printed).
  func renderFitted(layout: TextLayout) -> String {
    var output: [String] = []
    guard let width = layout.width else {
      if let title { output.append(title) }
      output += renderPart(columns.indices.map { $0 }, widths: naturalWidths, wrap: false)
      if !notes.isEmpty { output += [""] + notes }
      return output.joined(separator: "\n") + "\n"
    }
    if let title { output += TextWrap.lines(title, width: width) }
    let parts = Self.parts(self, width: width)
    for (index, part) in parts.enumerated() {
      if index > 0 { output.append("") }
      output += renderPart(part.columns, widths: part.widths, wrap: true)
      if index == 0 && parts.count > 1 {
        let moved = parts.dropFirst().flatMap { $0.columns.filter { $0 >= keyCount } }.map { columns[$0].name }
        output += TextWrap.lines(
          "(\(moved.count) column\(moved.count == 1 ? "" : "s") moved below to fit \(width) columns: "
            + moved.joined(separator: ", ") + "; --wide prints the table whole)", width: width, indent: 1)
      }
    }
    if !notes.isEmpty {
      output.append("")
      for note in notes { output += TextWrap.lines(note, width: width, indent: 2) }
    }
    return output.joined(separator: "\n") + "\n"
  }

  /// The widest cell of each column, header included.
  var naturalWidths: [Int] {
    var widths = columns.map { $0.name.count }
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], cell.count)
      }
    }
    return widths
  }

  /// The key columns repeated in every part: ``keyColumns``, at most all but one column.
  var keyCount: Int { min(max(keyColumns, 0), max(columns.count - 1, 0)) }

  /// One part of a table: the columns it shows and their widths.
  struct Part {
    var columns: [Int]
    var widths: [Int]
  }

  /// The table split into parts that each fit `width`, wrapping text columns where that is enough.
  static func parts(_ table: Table, width: Int) -> [Part] {
    let natural = table.naturalWidths
    let all = Array(table.columns.indices)
    if let widths = table.fitted(all, natural: natural, width: width) { return [Part(columns: all, widths: widths)] }
    let keys = Array(all.prefix(table.keyCount))
    var parts: [Part] = []
    var current = keys
    for column in all.dropFirst(keys.count) {
      if table.fitted(current + [column], natural: natural, width: width) != nil || current.count == keys.count {
        current.append(column)
      } else {
        parts.append(table.part(current, natural: natural, width: width))
        current = keys + [column]
      }
    }
    parts.append(table.part(current, natural: natural, width: width))
    return parts
  }

  /// A part's widths: fitted when possible, else the natural widths (a single column wider than the
  /// layout that cannot wrap is left as it is).
  func part(_ indices: [Int], natural: [Int], width: Int) -> Part {
    Part(columns: indices, widths: fitted(indices, natural: natural, width: width) ?? indices.map { natural[$0] })
  }

  /// Widths for some columns that fit `width` (by narrowing the widest wrappable columns), or nil.
  func fitted(_ indices: [Int], natural: [Int], width: Int) -> [Int]? {
    var widths = indices.map { natural[$0] }
    var excess = widths.reduce(0, +) + 2 * (indices.count - 1) - width
    guard excess > 0 else { return widths }
    let floors = indices.map { wrapFloor($0, natural: natural[$0]) }
    while excess > 0 {
      guard
        let widest = widths.indices.filter({ widths[$0] > floors[$0] }).max(by: { widths[$0] < widths[$1] })
      else { return nil }
      widths[widest] -= 1
      excess -= 1
    }
    return widths
  }

  /// How narrow a column may wrap: long text columns (left-aligned, wider than 24 characters, with a
  /// cell holding a space) down to 20 characters or their longest header word; other columns not at all.
  func wrapFloor(_ index: Int, natural: Int) -> Int {
    guard columns[index].alignment == .left, natural > 24, rows.contains(where: { $0[index].contains(" ") })
    else { return natural }
    let headerWord = columns[index].name.split(separator: " ").map(\.count).max() ?? 0
    return min(natural, max(20, headerWord))
  }

  /// The lines of one part: header, rule and rows, each cell wrapped to its width.
  func renderPart(_ indices: [Int], widths: [Int], wrap: Bool) -> [String] {
    func lines(_ cells: [String]) -> [String] {
      let wrapped = indices.enumerated().map { position, column in
        wrap ? TextWrap.lines(cells[column], width: widths[position]) : [cells[column]]
      }
      let height = wrapped.map(\.count).max() ?? 1
      return (0..<height).map { line in
        indices.enumerated().map { position, column in
          let cell = line < wrapped[position].count ? wrapped[position][line] : ""
          let padding = String(repeating: " ", count: max(0, widths[position] - cell.count))
          return columns[column].alignment == .right ? padding + cell : cell + padding
        }.joined(separator: "  ").trailingSpacesRemoved()
      }
    }
    var output = lines(columns.map(\.name))
    output.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { output += lines(row) }
    return output
  }
}

/// Word wrapping for text tables.
enum TextWrap {
  /// Text broken into lines of at most `width` characters at spaces (a word longer than a line is cut),
  /// continuation lines indented by `indent` spaces; text that fits is one line.
  static func lines(_ text: String, width: Int, indent: Int = 0) -> [String] {
    guard text.count > width, width > indent + 1 else { return [text] }
    let pad = String(repeating: " ", count: indent)
    var result: [String] = []
    var line = ""
    func room() -> Int { result.isEmpty ? width : width - indent }
    func flush() {
      result.append((result.isEmpty ? "" : pad) + line)
      line = ""
    }
    for piece in text.split(separator: " ") {
      var word = String(piece)
      if word.count > width - indent {
        // A word longer than any line (a URL) follows the text before it and is cut at the line's end.
        if !line.isEmpty {
          if line.count + 2 >= room() { flush() } else { line += " " }
        }
        while !word.isEmpty {
          let space = room() - line.count
          line += word.prefix(space)
          word = String(word.dropFirst(space))
          if !word.isEmpty { flush() }
        }
        continue
      }
      if !line.isEmpty && line.count + 1 + word.count > room() { flush() }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty || result.isEmpty { flush() }
    return result
  }
}

extension Character {
  /// Whether the character is one of the ASCII digits 0-9.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
  func trailingSpacesRemoved() -> String {
    var text = self
    while text.hasSuffix(" ") { text.removeLast() }
    return text
  }
}

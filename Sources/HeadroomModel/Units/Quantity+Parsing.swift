extension Quantity {
  /// Reads an amount written with its unit, e.g. `"700 W"`, `"1.2 GW"`, `"96 GiB"`, `"4.8 TB/s"`.
  ///
  /// The number may use an exponent (`3.8e25 FLOP`) and `_` or `,` as digit separators. The unit must
  /// belong to this dimension: `Power(parsing: "141 GB")` throws, naming the dimension `GB` belongs to.
  ///
  /// The forms ``formatted(significantDigits:)`` writes for people parse back too: `$31.2k` for money and
  /// `2.3M H100e` for counts (a k, M, B, T or P suffix on the number).
  public init(parsing text: String) throws(UnitParseError) {
    let dimension = Self.dimension
    func failure(_ reason: String, actual: String? = nil) -> UnitParseError {
      UnitParseError(
        text: text, expected: dimension.name, example: dimension.example, actualDimension: actual,
        reason: reason)
    }
    if let value = Self.displayValue(text) {
      self.init(baseValue: value)
      return
    }
    let (number, unit) = QuantityText.split(text)
    guard let number else { throw failure("no number") }
    guard !unit.isEmpty else { throw failure("no unit") }
    guard let factor = dimension.factor(of: unit) else {
      let other = UnitDimension.all.first { $0.factor(of: unit) != nil }
      throw failure("unknown unit '\(unit)' for \(UnitDimension.withArticle(dimension.name))", actual: other?.name)
    }
    let value = number * factor
    guard value.isFinite else { throw failure("not a finite number") }
    self.init(baseValue: value)
  }
}

extension Quantity {
  /// The base value of text in this dimension's display form with a count suffix (`$31.2k`,
  /// `2.3M H100e`), or nil when the text is not in that form.
  static func displayValue(_ text: String) -> Double? {
    let trimmed = text.trimmingWhitespace()
    switch displayStyle {
    case .dollars where trimmed.hasPrefix("$"):
      return CountText.parse(String(trimmed.dropFirst()))
    case .count(let symbol) where trimmed.hasSuffix(symbol) && trimmed.count > symbol.count:
      return CountText.parse(String(trimmed.dropLast(symbol.count)))
    default:
      return nil
    }
  }
}

/// Splits quantity text into its number and its unit symbol.
enum QuantityText {
  static func split(_ text: String) -> (Double?, String) {
    let trimmed = text.trimmingWhitespace()
    var numberEnd = trimmed.startIndex
    var sawDigit = false
    var previous: Character = " "
    for index in trimmed.indices {
      let character = trimmed[index]
      let isNumberCharacter: Bool
      switch character {
      case "0"..."9":
        isNumberCharacter = true
        sawDigit = true
      case ".", "_", ",": isNumberCharacter = true
      case "+", "-": isNumberCharacter = index == trimmed.startIndex || previous == "e" || previous == "E"
      case "e", "E":
        // An exponent only when a digit or sign follows ("3e24"), not the start of a unit ("5 EFLOP").
        let next = trimmed.index(after: index)
        isNumberCharacter =
          sawDigit && next < trimmed.endIndex
          && (trimmed[next].isNumber || trimmed[next] == "-" || trimmed[next] == "+")
      default: isNumberCharacter = false
      }
      if !isNumberCharacter { break }
      numberEnd = trimmed.index(after: index)
      previous = character
    }
    let numberText = trimmed[..<numberEnd].filter { $0 != "_" && $0 != "," }
    let unit = String(trimmed[numberEnd...]).trimmingWhitespace()
    return (sawDigit ? Double(numberText) : nil, unit)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}

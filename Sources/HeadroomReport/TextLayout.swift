/// How wide a text table may be: a terminal's width in columns, or no limit (`--wide`).
///
/// A table wider than its layout wraps its long text columns, and if that is not enough moves the
/// columns that do not fit below it, beside the key column, with a line saying which moved; notes and
/// titles wrap. For example:
/// ```swift
/// print(report.render(.table, layout: TextLayout(width: 120)))
/// ```
public struct TextLayout: Sendable, Hashable {
  /// The number of character columns a line may take; nil for no limit.
  public var width: Int?

  public init(width: Int?) {
    self.width = width.map { max($0, Self.narrowest) }
  }

  /// Lines as long as their content: nothing wraps and no column moves.
  public static let unlimited = TextLayout(width: nil)

  /// The width used when neither `COLUMNS` nor a terminal says otherwise.
  public static let defaultWidth = 120

  /// The narrowest layout honoured (a narrower terminal gets 40 columns).
  public static let narrowest = 40

  /// The layout for a terminal: `COLUMNS` when it is a positive number, else the terminal's own width
  /// when known (`terminalWidth`), else 120; `wide` turns fitting off.
  public static func terminal(wide: Bool, environment: [String: String], terminalWidth: Int?) -> TextLayout {
    if wide { return .unlimited }
    if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
      return TextLayout(width: columns)
    }
    if let terminalWidth, terminalWidth > 0 { return TextLayout(width: terminalWidth) }
    return TextLayout(width: defaultWidth)
  }
}

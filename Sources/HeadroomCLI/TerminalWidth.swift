import Foundation
import HeadroomReport

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The width of the terminal standard output writes to.
enum TerminalWidth {
  /// The terminal's width in columns, or nil when standard output is not a terminal.
  static func current() -> Int? {
    guard isatty(STDOUT_FILENO) == 1 else { return nil }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
    return Int(size.ws_col)
  }

  /// The layout of text tables: `--wide` for no limit, else `COLUMNS`, else the terminal, else 120.
  static func layout(wide: Bool) -> TextLayout {
    TextLayout.terminal(wide: wide, environment: ProcessInfo.processInfo.environment, terminalWidth: current())
  }
}

import Foundation
import HeadroomModel

/// Small helpers for writing SVG and HTML text: escaping, coordinates, axis ticks.
public enum SVG {
  /// Text safe inside an element or an attribute value.
  public static func escape(_ text: String) -> String {
    // Most labels hold none of the four characters: return them as they are.
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A coordinate with one decimal (`12.3`), enough at screen and print resolution.
  static func f(_ value: Double) -> String {
    let tenths = (value * 10).rounded()
    let whole = Int(tenths / 10)
    let fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
    if fraction == 0 { return "\(whole)" }
    return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
  }

  /// A number for a tick label or tooltip, three significant digits: `12.3`, `0.115`, `1,250`.
  public static func number(_ value: Double) -> String {
    guard value.isFinite else { return "–" }
    if abs(value) >= 1000 { return NumberText.plain(value.rounded(), 12).grouped() }
    return NumberText.plain(value, 3)
  }

  /// The top of an axis from 0 that holds `maximum`, at a round step, and its ticks (4 or 5 intervals).
  static func ticks(upTo maximum: Double) -> (top: Double, ticks: [Double]) {
    guard maximum.isFinite, maximum > 0 else { return (1, [0, 0.25, 0.5, 0.75, 1]) }
    let magnitude = pow(10, floor(log10(maximum)))
    for step in [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10].map({ $0 * magnitude }) where step * 5 >= maximum {
      let count = Int((maximum / step).rounded(.up))
      let intervals = max(count, 1)
      return (step * Double(intervals), (0...intervals).map { Double($0) * step })
    }
    return (maximum, [0, maximum])
  }
}

extension String {
  /// Digits grouped by thousands: `12500` → `12,500` (a leading sign and a fraction are kept).
  func grouped() -> String {
    let negative = hasPrefix("-")
    let body = negative ? String(dropFirst()) : self
    let parts = body.split(separator: ".", maxSplits: 1)
    guard let integer = parts.first, integer.allSatisfy(\.isNumber) else { return self }
    var result = ""
    for (index, character) in integer.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return (negative ? "-" : "") + String(result.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
  }
}

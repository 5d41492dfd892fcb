import Foundation

/// Numbers written for people: a few significant digits, no trailing zeros.
public enum NumberText {
  /// A number with at most `digits` significant digits and no trailing zeros: 989, 1.2, 0.0421.
  ///
  /// Numbers of 10^21 and more (in magnitude) are written in scientific notation (`3.8e25`) rather
  /// than as a line of digits; `inf`, `-inf` and `nan` are written as such, never trapping.
  public static func plain(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    if value == 0 { return "0" }
    let magnitude = exponent(of: value)
    if magnitude >= 21 { return scientific(value, digits) }
    // A whole number prints as its digits whatever the precision (`%.2f` of 2030 is 2030.00, trimmed):
    // skip `String(format:)`, which is slow, for the years and round ticks of the charts.
    if magnitude < 15, value.rounded(.towardZero) == value { return String(Int64(value)) }
    let decimals = min(max(0, digits - 1 - magnitude), 340)
    var text = fixed(value, decimals: decimals)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `value` with `decimals` digits after the point, as C's `%.*f` writes it (the text
  /// `String(format:)` gives, at a fraction of its cost: charts write thousands of tooltips).
  static func fixed(_ value: Double, decimals: Int) -> String {
    // At most 21 integer digits (larger numbers are written in scientific notation), a sign, a
    // point and 340 decimals.
    let capacity = 400
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
      let written = withVaList([Int32(decimals), value]) { vsnprintf(buffer.baseAddress, capacity, "%.*f", $0) }
      guard written >= 0, Int(written) < capacity else { return String(format: "%.\(decimals)f", value) }
      return String(cString: buffer.baseAddress!)
    }
  }

  /// A number in scientific notation with `digits` significant digits: 3.8e25.
  public static func scientific(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return nonFinite(value) }
    if value == 0 { return "0" }
    let exponent = exponent(of: value)
    // 10^exponent underflows to 0 for subnormal values: scale in two steps there.
    let mantissa = exponent < -300 ? value * 1e300 / pow(10, Double(exponent + 300)) : value / pow(10, Double(exponent))
    return "\(plain(mantissa, digits))e\(exponent)"
  }

  /// A number for messages: plain up to 10^6, scientific beyond (and below 10^-4), `inf` and `nan` as such.
  public static func readable(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let magnitude = abs(value)
    return magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-4) ? scientific(value, 3) : plain(value, 6)
  }

  /// The decimal exponent of a finite, non-zero number: 2 for 989, -2 for 0.0421.
  static func exponent(of value: Double) -> Int { Int(representing: floor(log10(abs(value)))) ?? 0 }

  static func nonFinite(_ value: Double) -> String { value.isNaN ? "nan" : value > 0 ? "inf" : "-inf" }
}

import Foundation

/// Numbers written for people: a few significant digits, no trailing zeros.
public enum NumberText {
  /// A number with at most `digits` significant digits and no trailing zeros: 989, 1.2, 0.0421.
  public static func plain(_ value: Double, _ digits: Int) -> String {
    if value == 0 { return "0" }
    let magnitude = Int(floor(log10(abs(value))))
    let decimals = max(0, digits - 1 - magnitude)
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// A number in scientific notation with `digits` significant digits: 3.8e25.
  public static func scientific(_ value: Double, _ digits: Int) -> String {
    if value == 0 { return "0" }
    let exponent = Int(floor(log10(abs(value))))
    let mantissa = value / pow(10, Double(exponent))
    return "\(plain(mantissa, digits))e\(exponent)"
  }
}

import HeadroomModel

/// Cell text for tables: a formatted figure, or an em dash when absent.
public enum Cells {
  public static let absent = "—"

  public static func quantity<Q: Quantity>(_ value: Q?) -> String { value.map { $0.formatted() } ?? absent }

  public static func number(_ value: Double?, digits: Int = 3) -> String {
    guard let value, value.isFinite else { return absent }
    return NumberText.plain(value, digits)
  }

  /// A whole number with thousands separators: 15,832.
  public static func grouped(_ value: Double?) -> String {
    guard let value, value.isFinite else { return absent }
    guard let integer = Int(representing: value) else { return NumberText.scientific(value, 3) }
    let digits = String(abs(integer))
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return (integer < 0 ? "-" : "") + String(result.reversed())
  }

  public static func teraflops(_ rate: ComputeRate?) -> String {
    rate.map { number($0.teraflops, digits: 4) } ?? absent
  }
}

import HeadroomModel

/// Cell text for the sizing reports.
enum SizingCells {
  static let absent = "—"

  static func quantity<Q: Quantity>(_ value: Q?) -> String { value.map { $0.formatted() } ?? absent }

  static func money(_ money: Money?) -> String { money.map { $0.formatted() } ?? absent }

  /// Dollars with cents for small amounts.
  static func cents(_ money: Money?) -> String {
    guard let money else { return absent }
    return money.dollars < 100 ? "$" + NumberText.plain(money.dollars, 3) : money.formatted()
  }

  static func milliseconds(_ duration: TimeSpan) -> String {
    NumberText.plain(duration.seconds * 1000, 3) + " ms"
  }

  static func milliseconds(_ duration: TimeSpan?) -> JSONValue { .number(duration.map { $0.seconds * 1000 }) }

  static func megawatts(_ power: Power?) -> JSONValue { .number(power?.megawatts) }

  /// A signed share in percent with one decimal: "+13.5 %", "0.0 %".
  static func percent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    let sign = tenths > 0 ? "+" : (tenths < 0 ? "-" : "")
    return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10) %"
  }

  /// A whole number with thousands separators: 15,832.
  static func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { result.append(",") }
      result.append(character)
    }
    return (value < 0 ? "-" : "") + String(result.reversed())
  }

  /// Ranks (1 = best) of values, higher better unless `ascending`; nil values rank last.
  static func ranks(_ values: [Double?], ascending: Bool = false) -> [Int?] {
    let order = values.indices.filter { values[$0] != nil }.sorted { a, b in
      ascending ? values[a]! < values[b]! : values[a]! > values[b]!
    }
    var result = [Int?](repeating: nil, count: values.count)
    for (rank, index) in order.enumerated() { result[index] = rank + 1 }
    return result
  }

  /// Adds pairs to a JSON object.
  static func adding(_ pairs: [(String, JSONValue)], to value: JSONValue) -> JSONValue {
    guard case .object(let existing) = value else { return value }
    return .object(existing + pairs)
  }
}

/// A calendar day (proleptic Gregorian), used for effective dates of rules and limits.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init(year: Int, month: Int = 1, day: Int = 1) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// Reads `YYYY-MM-DD` (or a bare year `YYYY`, meaning 1 January), or returns nil when the text is
  /// not a real calendar day between 1900 and 2200 (see ``problem(parsing:)`` for why).
  public init?(parsing text: String) {
    guard case .success(let day) = Self.parse(text) else { return nil }
    self = day
  }

  /// Why a text is not a day, in words, or nil when it is one.
  ///
  /// For example, `Day.problem(parsing: "2026-02-30")` is "February 2026 has 28 days".
  public static func problem(parsing text: String) -> String? {
    if case .failure(let reason) = parse(text) { return reason.text }
    return nil
  }

  /// The number of days in a month of a year (proleptic Gregorian: leap years every 4 years, except
  /// centuries not divisible by 400).
  public static func daysIn(month: Int, of year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Whether the year, month and day name a real calendar day.
  public var isValid: Bool { (1...12).contains(month) && (1...Self.daysIn(month: month, of: year)).contains(day) }

  struct Reason: Error { var text: String }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  static func parse(_ text: String) -> Result<Day, Reason> {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    // Digits are checked by Unicode scalar: a digit followed by a combining mark is one Character
    // that compares between "0" and "9" but is not a digit (found by the fuzzer).
    let values = parts.compactMap { part -> Int? in
      guard !part.isEmpty, part.unicodeScalars.count <= 4,
        part.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) })
      else { return nil }
      return Int(part)
    }
    guard (1...3).contains(parts.count), values.count == parts.count, parts[0].unicodeScalars.count == 4 else {
      return .failure(Reason(text: "expected a date as YYYY-MM-DD"))
    }
    let year = values[0]
    let month = values.count > 1 ? values[1] : 1
    let day = values.count > 2 ? values[2] : 1
    guard (1900...2200).contains(year) else { return .failure(Reason(text: "year \(year) is outside 1900-2200")) }
    guard (1...12).contains(month) else { return .failure(Reason(text: "month \(month) is not 1-12")) }
    let days = daysIn(month: month, of: year)
    guard (1...days).contains(day) else {
      return .failure(Reason(text: "\(monthNames[month - 1]) \(year) has \(days) days"))
    }
    return .success(Day(year: year, month: month, day: day))
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }
}

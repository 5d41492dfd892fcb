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

  /// Reads `YYYY-MM-DD` (or a bare year `YYYY`, meaning 1 January), or returns nil.
  public init?(parsing text: String) {
    let parts = text.split(separator: "-").map { Int($0) }
    guard !parts.isEmpty, parts.count <= 3, parts.allSatisfy({ $0 != nil }) else { return nil }
    let values = parts.map { $0! }
    let year = values[0]
    let month = values.count > 1 ? values[1] : 1
    let day = values.count > 2 ? values[2] : 1
    guard (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else {
      return nil
    }
    self.init(year: year, month: month, day: day)
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  public var description: String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }
}

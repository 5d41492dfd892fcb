/// Calendar arithmetic for lead times: a day plus a duration, and the first whole year after a day.
extension Day {
  /// The day with a given ordinal (days since 1 January 1970), the inverse of ``ordinal``.
  ///
  /// Howard Hinnant's `civil_from_days`.
  public init(ordinal: Int) {
    let z = ordinal + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
  }

  /// The day a duration after this one: whole years move the calendar year (2026-01-01 + 2 years =
  /// 2028-01-01; 29 February becomes 28 February), anything else adds days rounded to whole days.
  public func adding(_ span: TimeSpan) -> Day {
    let years = span.years
    if abs(years - years.rounded()) < 1e-9 {
      let year = self.year + Int(years.rounded())
      let last = month == 2 ? (Day.daysIn(year: year) == 366 ? 29 : 28) : 31
      return Day(year: year, month: month, day: min(day, last))
    }
    return Day(ordinal: ordinal + Int(span.days.rounded()))
  }

  /// The first calendar year that starts on or after this day: the year itself on 1 January, else the next.
  ///
  /// Capacity counts in a plan year only when it is there from the year's start (systems are installed at the
  /// start of a year), so something arriving on 2027-03-01 first counts in 2028.
  public var firstWholeYear: Int { month == 1 && day == 1 ? year : year + 1 }
}

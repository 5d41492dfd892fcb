import HeadroomModel
import Testing

/// Days are real calendar days: the month's length and leap years are checked when parsing.
@Suite struct DayTests {
  @Test(arguments: [
    ("2026-02-28", true), ("2026-02-29", false), ("2026-02-30", false), ("2024-02-29", true), ("2100-02-29", false),
    ("2000-02-29", true), ("2026-04-31", false), ("2026-12-31", true), ("2026-13-01", false), ("2026-00-10", false),
    ("2026-01-00", false), ("2026", true), ("2026-07", true), ("2026--01", false), ("+2026-01-01", false),
    ("2026-01-01-01", false), ("26-01-01", false), ("", false), ("2026-0x-01", false), ("1899-12-31", false),
    // Found by the fuzzer: a digit with a combining mark is one Character between "0" and "9".
    ("20\u{64F}28", false), ("2026-0\u{301}1-01", false), ("\u{661}\u{669}\u{669}\u{669}", false),
  ])
  func onlyRealCalendarDaysParse(text: String, valid: Bool) {
    // Given a text, When parsed, Then it is a day exactly when the calendar has it
    #expect((Day(parsing: text) != nil) == valid, "\(text)")
    #expect((Day.problem(parsing: text) == nil) == valid, "\(text)")
  }

  @Test func theProblemNamesTheMonthsLength() {
    // Given impossible days, Then the reason says how long the month is
    #expect(Day.problem(parsing: "2026-02-30") == "February 2026 has 28 days")
    #expect(Day.problem(parsing: "2024-02-30") == "February 2024 has 29 days")
    #expect(Day.problem(parsing: "2026-06-31") == "June 2026 has 30 days")
    #expect(Day.problem(parsing: "2026-13-01") == "month 13 is not 1-12")
  }

  @Test func leapYearsFollowTheGregorianRule() {
    // Given century and four-year rules, Then February has 29 days only in leap years
    #expect(Day.daysIn(month: 2, of: 2024) == 29)
    #expect(Day.daysIn(month: 2, of: 2025) == 28)
    #expect(Day.daysIn(month: 2, of: 1900) == 28)
    #expect(Day.daysIn(month: 2, of: 2000) == 29)
    #expect(Day(year: 2026, month: 2, day: 29).isValid == false)
  }
}

/// A date of the proleptic Gregorian calendar, parsed from a memo's ISO 8601 date.
///
/// Memoscope needs only ordering and distances in days for charts, so this avoids Foundation's
/// calendars and time zones altogether: the same string always gives the same day.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Year, month (1–12) and day (1–31).
  public let year: Int, month: Int, day: Int

  /// Parses `YYYY-MM-DD`, `YYYY-MM` (the 1st) or `YYYY` (1 January); nil for anything else
  /// or an impossible date.
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(parts.count), parts[0].count == 4,
      parts.dropFirst().allSatisfy({ $0.count == 2 }),
      parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
    else { return nil }
    let year = Int(parts[0])!
    let month = parts.count > 1 ? Int(parts[1])! : 1
    let day = parts.count > 2 ? Int(parts[2])! : 1
    guard (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses exactly `YYYY-MM-DD` (a real day); nil for anything else, e.g. for validating a
  /// date given on the command line.
  public init?(day text: String) {
    guard text.count == 10, let date = CalendarDate(iso: text) else { return nil }
    self = date
  }

  /// The calendar quarter, e.g. `2025-Q1`.
  public var quarter: String { "\(year)-Q\((month - 1) / 3 + 1)" }

  /// The first day of the quarter.
  public var quarterStart: CalendarDate {
    CalendarDate(
      iso: "\(year)-\((month - 1) / 3 * 3 + 1 < 10 ? "0" : "")\((month - 1) / 3 * 3 + 1)")!
  }

  /// The first day of the next quarter.
  public var nextQuarter: CalendarDate {
    let start = quarterStart
    let month = start.month + 3
    return month > 12
      ? CalendarDate(iso: "\(start.year + 1)-01")!
      : CalendarDate(iso: "\(start.year)-\(month < 10 ? "0" : "")\(month)")!
  }

  /// Days since 1970-01-01 (negative before).
  public var dayNumber: Int {
    // Howard Hinnant's days-from-civil, written out for Int.
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let monthIndex = (month + 9) % 12
    let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}

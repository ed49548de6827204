import Foundation

/// The one number formatter of every output: `.` as decimal separator whatever the locale, no
/// grouping. People read `fixed` and `percent`; data files and JSON get `trimmed` and
/// `shortest`.
public enum NumberText {
  /// `value` with exactly `decimals` decimals, e.g. `fixed(0.5, decimals: 2)` is `0.50`.
  public static func fixed(_ value: Double, decimals: Int = 1) -> String {
    String(format: "%.\(max(0, decimals))f", locale: Locale(identifier: "en_US_POSIX"), value)
  }

  /// A share (0…1) as a whole percentage, e.g. `62%`.
  public static func percent(_ share: Double) -> String {
    "\(Int((share * 100).rounded()))%"
  }

  /// `value` rounded to at most `decimals` decimals (halves away from zero), without trailing
  /// zeros: `1`, `0.5`, `0.1234`. Non-finite values print as `0`.
  public static func trimmed(_ value: Double, decimals: Int) -> String {
    var bytes: [UInt8] = []
    appendTrimmed(value, decimals: decimals, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the UTF-8 of `trimmed(value, decimals:)` to `bytes`, without making strings.
  public static func appendTrimmed(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
    let decimals = min(max(0, decimals), 15)
    var power = 1
    for _ in 0..<decimals { power *= 10 }
    let scaled = (value * Double(power)).rounded()
    guard scaled.isFinite else { return bytes.append(UInt8(ascii: "0")) }
    // Beyond what an Int holds exactly: the fixed form, trimmed.
    guard abs(scaled) < 9e15 else {
      var text = fixed(value, decimals: decimals)
      if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
      }
      return bytes.append(contentsOf: text.utf8)
    }
    let whole = Int(scaled)
    let integer = whole / power
    var fraction = abs(whole % power)
    // "-0.5": the integer part alone carries no sign.
    if whole < 0 && integer == 0 { bytes.append(UInt8(ascii: "-")) }
    appendInteger(integer, to: &bytes)
    guard fraction != 0 else { return }
    var digits = decimals
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    bytes.append(UInt8(ascii: "."))
    // `digits` places, leading zeros kept: 0.0504 is "0" "." "0504" -> fraction 504, 4 places.
    let end = bytes.count + digits
    bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: digits))
    var place = end - 1
    while fraction > 0 {
      bytes[place] = UInt8(ascii: "0") + UInt8(fraction % 10)
      fraction /= 10
      place -= 1
    }
  }

  /// Appends the decimal digits of `value` (with `-` when negative), as `String(value)` prints
  /// them.
  public static func appendInteger(_ value: Int, to bytes: inout [UInt8]) {
    if value < 0 { bytes.append(UInt8(ascii: "-")) }
    // The magnitude as unsigned, so Int.min has one too.
    var magnitude = value.magnitude
    let start = bytes.count
    repeat {
      bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
      magnitude /= 10
    } while magnitude > 0
    bytes[start...].reverse()
  }

  /// The shortest text that reads back as exactly `value`, as JSON numbers are written: `3`
  /// (not `3.0`), `0.1`, `1e-05`, `1.2345678901234568e+17`.
  public static func shortest(_ value: Double) -> String {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    return text
  }
}

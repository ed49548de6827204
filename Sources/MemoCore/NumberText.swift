import Foundation

/// The one way numbers are printed for people in every output (reports, comparisons, cluster
/// Markdown, terminal tables): `.` as decimal separator whatever the locale, no grouping.
public enum NumberText {
  /// `value` with exactly `decimals` decimals, e.g. `fixed(0.5, decimals: 2)` is `0.50`.
  public static func fixed(_ value: Double, decimals: Int = 1) -> String {
    String(format: "%.\(max(0, decimals))f", locale: Locale(identifier: "en_US_POSIX"), value)
  }

  /// A share (0…1) as a whole percentage, e.g. `62%`.
  public static func percent(_ share: Double) -> String {
    "\(Int((share * 100).rounded()))%"
  }
}

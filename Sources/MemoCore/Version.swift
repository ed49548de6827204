/// Memoscope's version, printed by `memoscope --version` and stamped into reports.
public enum MemoscopeVersion {
  /// The semantic version of this build.
  public static let current = "0.1.0"
}

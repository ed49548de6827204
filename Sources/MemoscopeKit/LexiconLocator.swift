import Foundation

/// Finds the lexicon a command should use when the user names none.
public enum LexiconLocator {
  /// The lexicon shipped with Memoscope, relative to the repository root.
  public static let bundledRelativePath = "Lexicons/ai-washing"

  /// The environment variable that names a default lexicon folder.
  public static let environmentVariable = "MEMOSCOPE_LEXICON"

  /// Resolves the lexicon folder: the explicit path if given, else `$MEMOSCOPE_LEXICON`, else
  /// `Lexicons/ai-washing` in the current folder, else the bundled lexicon found by walking up
  /// from the running executable (so `swift run` and `.build/release/memoscope` work from any
  /// folder). When nothing exists, returns the relative default so the error names it.
  ///
  /// - Parameters:
  ///   - explicit: The `--lexicon` value, if the user gave one.
  ///   - environment: The process environment (injectable for tests).
  ///   - executablePath: The running executable's path (injectable for tests).
  ///   - currentDirectory: The folder relative paths start from (injectable for tests).
  /// - Returns: A folder path to hand to `Lexicon.load`.
  public static func resolve(
    explicit: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    executablePath: String = CommandLine.arguments.first ?? "",
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    let fileManager = FileManager.default
    let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent(bundledRelativePath)
    if fileManager.fileExists(atPath: local.path) { return bundledRelativePath }
    var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    for _ in 0..<8 {
      let candidate = folder.appendingPathComponent(bundledRelativePath)
      if fileManager.fileExists(atPath: candidate.appendingPathComponent("lexicon.yaml").path) {
        return candidate.path
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return bundledRelativePath
  }
}

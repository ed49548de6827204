import Foundation
import MemoLexicon

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds the lexicon a command should use when the user names none.
public enum LexiconLocator {
  /// The lexicon shipped with Memoscope, relative to the repository root.
  public static let bundledRelativePath = "Lexicons/ai-washing"

  /// Where an installed copy keeps the lexicon, relative to the executable's folder
  /// (`<prefix>/bin/memoscope` and `<prefix>/share/memoscope/Lexicons/ai-washing`).
  public static let installedRelativePath = "../share/memoscope/Lexicons/ai-washing"

  /// The environment variable that names a default lexicon folder.
  public static let environmentVariable = "MEMOSCOPE_LEXICON"

  /// Resolves the lexicon folder: the explicit path if given, else `$MEMOSCOPE_LEXICON`, else
  /// `Lexicons/ai-washing` in the current folder, else the lexicon found from the running
  /// executable's real path (symbolic links resolved): `../share/memoscope/Lexicons/ai-washing`
  /// beside an installed binary, or `Lexicons/ai-washing` in a folder above it (a build in the
  /// repository). When nothing exists, returns the relative default so the error names it.
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
    executablePath: String = LexiconLocator.executablePath,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> String {
    if let explicit, !explicit.isEmpty { return explicit }
    if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
      return fromEnvironment
    }
    let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent(bundledRelativePath)
    if isLexicon(local) { return bundledRelativePath }
    return besideExecutable(executablePath) ?? bundledRelativePath
  }

  /// The lexicon found from an executable's real path, or nil.
  public static func besideExecutable(_ executablePath: String) -> String? {
    var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
      .deletingLastPathComponent()
    let installed = folder.appendingPathComponent(installedRelativePath).standardized
    if isLexicon(installed) { return installed.path }
    for _ in 0..<8 {
      let candidate = folder.appendingPathComponent(bundledRelativePath)
      if isLexicon(candidate) { return candidate.path }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return nil
  }

  /// The running executable's real path: `/proc/self/exe` on Linux (whatever `argv[0]` says,
  /// so a binary run from `PATH` or through a symbolic link finds its files), else the
  /// bundle's executable path.
  public static var executablePath: String {
    #if os(Linux)
      if let real = realpath("/proc/self/exe", nil) {
        defer { free(real) }
        return String(cString: real)
      }
    #endif
    return Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
  }

  /// When `error` says the default lexicon was not found (no `--lexicon`, no
  /// `MEMOSCOPE_LEXICON`), a message saying where Memoscope looked and how to name one.
  public static func notFoundMessage(
    for error: LexiconError, explicit: String?,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    guard explicit?.isEmpty ?? true, (environment[environmentVariable] ?? "").isEmpty else {
      return nil
    }
    switch error {
    case .notALexicon, .unreadable: break
    default: return nil
    }
    let binaryFolder = URL(fileURLWithPath: executablePath).deletingLastPathComponent()
    return """
      no lexicon found: looked in ./\(bundledRelativePath), in \
      \(binaryFolder.appendingPathComponent(installedRelativePath).standardized.path) and in \
      the folders above \(binaryFolder.path). Name one with --lexicon PATH or set \
      \(environmentVariable)=PATH (the shipped one is Lexicons/ai-washing in the Memoscope \
      repository).
      """
  }

  private static func isLexicon(_ folder: URL) -> Bool {
    FileManager.default.fileExists(atPath: folder.appendingPathComponent("lexicon.yaml").path)
  }
}

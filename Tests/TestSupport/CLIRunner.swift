import Foundation

/// Runs the built `memoscope` executable, as a user would, for CLI tests.
public enum CLIRunner {
  /// The `memoscope` binary beside the test bundle (SwiftPM builds both into one folder).
  public static var executable: URL? {
    var candidates: [URL] = []
    if let url = Bundle.main.executableURL { candidates.append(url.deletingLastPathComponent()) }
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(Bundle.main.bundleURL)
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
      candidates.append(bundle.bundleURL.deletingLastPathComponent())
    }
    for folder in candidates {
      var current = folder
      for _ in 0..<4 {
        let binary = current.appendingPathComponent("memoscope")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: binary.path, isDirectory: &isFolder),
          !isFolder.boolValue, FileManager.default.isExecutableFile(atPath: binary.path)
        {
          return binary
        }
        current = current.deletingLastPathComponent()
      }
    }
    return nil
  }

  /// Runs `memoscope` with `arguments` in `currentDirectory`, waiting for it to finish.
  ///
  /// - Parameters:
  ///   - arguments: The arguments after the program name.
  ///   - currentDirectory: The working folder; the test process's own when nil.
  ///   - environment: Variables added to (or replacing) the test process's environment.
  ///     `NO_COLOR` is set unless given here, so output is plain by default.
  ///   - standardInput: Bytes for the process's standard input (empty when nil).
  ///   - program: Runs this program instead of the built `memoscope` (a copy, a link, `env`).
  /// - Returns: The exit code and both output streams; exit code 127 and a message on stderr
  ///   when the binary cannot be found or started.
  public static func run(
    arguments: [String], currentDirectory: URL? = nil, environment: [String: String] = [:],
    standardInput: Data? = nil, program: URL? = nil
  ) -> (exitCode: Int32, stdout: String, stderr: String) {
    guard let executable = program ?? executable else {
      return (127, "", "CLIRunner: no memoscope binary next to the test bundle; run swift build")
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    var merged = ProcessInfo.processInfo.environment
    merged["NO_COLOR"] = "1"
    for (key, value) in environment { merged[key] = value }
    process.environment = merged
    // Files, not pipes: a chatty process cannot block on a full pipe buffer.
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("memoscope-cli-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(at: folder) }
      let outURL = folder.appendingPathComponent("stdout")
      let errURL = folder.appendingPathComponent("stderr")
      _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
      _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
      let out = try FileHandle(forWritingTo: outURL)
      let err = try FileHandle(forWritingTo: errURL)
      process.standardOutput = out
      process.standardError = err
      if let standardInput {
        let inURL = folder.appendingPathComponent("stdin")
        try standardInput.write(to: inURL)
        process.standardInput = try FileHandle(forReadingFrom: inURL)
      } else {
        process.standardInput = FileHandle.nullDevice
      }
      try process.run()
      process.waitUntilExit()
      try out.close()
      try err.close()
      let stdout = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
      let stderr = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
      return (process.terminationStatus, stdout, stderr)
    } catch {
      return (127, "", "CLIRunner: cannot run \(executable.path): \(error)")
    }
  }
}

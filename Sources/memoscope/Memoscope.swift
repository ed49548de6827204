import ArgumentParser
import Foundation
import MemoCore
import MemoscopeKit

#if canImport(Glibc)
  import Glibc
#endif

@main
struct Memoscope: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "memoscope",
    abstract: "Extract, score and cluster layoff memos for AI-washing language.",
    version: MemoscopeVersion.current,
    subcommands: [
      Extract.self, Score.self, LexiconCommand.self, Cluster.self, Compare.self, Report.self,
      LibraryCommand.self,
    ])

  /// Runs the command; the one place errors are printed.
  ///
  /// A `CommandFailure` prints `error: <message>` and exits with its code; usage errors (bad
  /// flags or values, failed `validate()`) exit with status 2, not 64.
  static func main() async {
    tuneAllocator()
    SignalCleanup.install()
    do {
      var command = try parseAsRoot()
      if var asyncCommand = command as? AsyncParsableCommand {
        try await asyncCommand.run()
      } else {
        try command.run()
      }
    } catch let failure as CommandFailure {
      if !failure.message.isEmpty {
        StandardError.write(
          lines: [(failure.prefixed ? "error: " : "") + failure.message] + failure.followingLines)
      }
      Foundation.exit(failure.code)
    } catch {
      if exitCode(for: error) == .validationFailure {
        // The message, then where to read the usage (ArgumentParser's own text, lower-cased
        // "error:" as every other error line).
        var lines = fullMessage(for: error).split(separator: "\n", omittingEmptySubsequences: false)
          .map(String.init)
        if let first = lines.first, first.hasPrefix("Error: ") {
          lines[0] = "error: " + first.dropFirst(7)
        }
        StandardError.write(lines: lines)
        Foundation.exit(2)
      }
      exit(withError: error)
    }
  }

  /// glibc's allocator, set for a short batch run (about 28,000 fresh pages, each zeroed by the
  /// kernel, were a sixth of `cluster`'s CPU on 10,000 memos): memory freed is kept for the next
  /// allocation instead of going back to the system and coming back as fresh pages. Arrays up
  /// to `mmapThreshold` come from the heap (glibc's default, 128 KiB rising with use, put many
  /// buffers in mappings of their own); the heap's top grows by `topPad` at a time and shrinks
  /// only past `trimThreshold`. Calibrated on the clustering benchmark's 10,000-file folder
  /// (the same settings through `MALLOC_*_` variables): minor faults 27,600–28,300 →
  /// 23,500–25,800, peak RSS +2–3 MB; pages count only once touched, so unused pad costs
  /// nothing. `mallopt` is not in Swift's Glibc module, so it is looked up by name.
  static func tuneAllocator() {
    #if canImport(Glibc)
      let mmapThreshold: Int32 = 32 << 20  // the most glibc accepts on 64-bit
      let trimThreshold: Int32 = 1 << 30
      let topPad: Int32 = 64 << 20
      // glibc's M_TRIM_THRESHOLD, M_TOP_PAD and M_MMAP_THRESHOLD.
      let (trimOption, padOption, mmapOption): (Int32, Int32, Int32) = (-1, -2, -3)
      typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
      guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
      let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
      _ = mallopt(mmapOption, mmapThreshold)
      _ = mallopt(trimOption, trimThreshold)
      _ = mallopt(padOption, topPad)
    #endif
  }
}

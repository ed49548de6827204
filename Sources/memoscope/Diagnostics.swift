import Foundation
import MemoscopeKit

/// The lines every command prints on stderr about its inputs.
enum Diagnostics {
  /// One `note:` line per input left out on purpose; inputs left out only for their file type
  /// are summed up in one line, so a folder of data files does not flood the terminal.
  static func notes(_ exclusions: [InputExclusion]) {
    var byType: [String: Int] = [:]
    var lines: [String] = []
    for exclusion in exclusions {
      switch exclusion.reason {
      case .notAMemoType(let fileExtension): byType[".\(fileExtension)", default: 0] += 1
      case .documentation: byType["README/LICENSE/CHANGELOG", default: 0] += 1
      default: lines.append("note: \(exclusion.description)")
      }
    }
    if !byType.isEmpty {
      let total = byType.values.reduce(0, +)
      let kinds = byType.keys.sorted().map { "\($0) \(byType[$0]!)" }.joined(separator: ", ")
      lines.append(
        "note: \(total) \(total == 1 ? "file" : "files") skipped in folder walks by type "
          + "(\(kinds)); name a file to read it")
    }
    StandardError.write(lines: lines)
  }
}

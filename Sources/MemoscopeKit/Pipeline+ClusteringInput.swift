import Foundation
import MemoCore

extension Pipeline {
  /// Reads non-JSONL inputs for clustering. Until extraction lands this reads plain text only:
  /// paragraphs split on blank lines.
  static func readMemosForClustering(_ paths: [String]) -> (memos: [Memo], problems: [String]) {
    var memos: [Memo] = []
    var problems: [String] = []
    for path in paths {
      guard let data = FileManager.default.contents(atPath: path) else {
        problems.append(MemoInputError.unreadable(path: path, reason: "cannot open the file").description)
        continue
      }
      let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
      let paragraphs = text.components(separatedBy: "\n\n")
        .map { $0.split(separator: "\n").joined(separator: " ").trimmingCharacters(in: .whitespaces) }
        .filter { !$0.isEmpty }
      memos.append(Memo(source: path, paragraphs: paragraphs))
    }
    return (memos, problems)
  }
}

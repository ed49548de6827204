import Foundation
import MemoCore
import Testing

@testable import MemoClustering

@Suite("MemoLineDecoder")
struct MemoLineDecoderTests {
  /// What JSONDecoder makes of the line, for comparison.
  func reference(_ line: String) -> Memo? {
    try? JSONDecoder().decode(Memo.self, from: Data(line.utf8))
  }

  func fast(_ line: String) -> Memo? {
    MemoLineDecoder.decode(Array(line.utf8))
  }

  @Test("A line written by JSONEncoder reads back as the same memo")
  func roundTrip() throws {
    let memo = Memo(
      source: "memos/a \"quoted\".txt", title: "Tab\there", author: nil, date: "2024-03-01",
      company: "Acme — Robotics", paragraphs: ["Line\none", "Café ☕ 𝄞 \u{1}", "back\\slash/"],
      encoding: "windows-1252", quoted: true, commentary: ["A story."], format: .html,
      titleSource: "memo-header", authorSource: nil, dateSource: "json-ld",
      companySource: "letterhead", url: "https://example.com/memo?a=1&b=2")
    let line = String(decoding: try JSONEncoder().encode(memo), as: UTF8.self)
    #expect(fast(line) == memo)
    // A line of `extract --format jsonl` (schema order, url last) stays on the fast path.
    let extracted = try JSONWriter.encode(
      memo, style: JSONStyle(indent: nil, colon: ":", sortedKeys: false))
    #expect(fast(extracted) == memo)
    #expect(
      fast(extracted.replacingOccurrences(of: #","url":"https"#, with: #","url":null,"x":"https"#))
        == nil)
  }

  @Test("Escapes, surrogate pairs and defaults decode as JSONDecoder decodes them")
  func escapes() {
    let line = #"""
       { "source" : "a.txt", "paragraphs" : [ "x\u00e9\uD834\uDD1E\/\b\f\r\"", "" ], "title" : null, "quoted" : null, "commentary" : null }  
      """#
    #expect(fast(line) != nil)
    #expect(fast(line) == reference(line))
    #expect(fast(line)?.paragraphs.first == "xé𝄞/\u{8}\u{C}\r\"")
    #expect(fast(line)?.encoding == "utf-8")
    #expect(fast(line)?.format == .text)
  }

  @Test("Lines the fast path does not handle are left to JSONDecoder")
  func fallsBack() {
    let lines = [
      #"{"source":"a","paragraphs":["x"],"extra":1}"#,
      #"{"source":"a","paragraphs":["x"],"source":"b"}"#,
      #"{"source":"a","paragraphs":["\uD834"]}"#,
      #"{"source":"a","paragraphs":["\uDD1E x"]}"#,
      #"{"source":"a","paragraphs":["x"]} trailing"#,
      #"{"source":"a","paragraphs":["x"],"format":"pdf"}"#,
      #"{"source":"a","paragraphs":["x\q"]}"#,
      #"{"source":null,"paragraphs":["x"]}"#,
      #"{"paragraphs":["x"]}"#,
      #"{"source":"a","paragraphs":["x"],"#,
      "{\"source\":\"a\",\"paragraphs\":[\"tab\tinside\"]}",
    ]
    for line in lines {
      #expect(fast(line) == nil, "\(line)")
    }
    #expect(MemoLineDecoder.decode([0x7B, 0x22, 0x73, 0xFF, 0x22]) == nil)
    let badUTF8 =
      Array(#"{"source":"a","paragraphs":[""#.utf8) + [0xC3, 0x28] + Array(#""]}"#.utf8)
    #expect(MemoLineDecoder.decode(badUTF8) == nil)
  }

  @Test("A quote, backslash, control or non-ASCII byte at any offset reads as JSONDecoder reads it")
  func specialBytesAtEveryOffset() {
    let specials = [#"\""#, #"\\"#, #"\n"#, "é", "\u{1}", "☕"]
    for special in specials {
      for length in 0..<20 {
        for position in 0...length {
          var text = String(repeating: "a", count: length)
          text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
          let line = #"{"source":"s","paragraphs":[""# + text + #""]}"#
          #expect(fast(line) == reference(line), "\(special) at \(position) of \(length)")
        }
      }
    }
  }
}

import Foundation
import MemoCore
import Testing

@testable import MemoClustering

@Suite("Clusterer")
struct ClustererTests {
  let corpus = TestMemos.familyA + TestMemos.familyB + TestMemos.singletons

  @Test("Two template families are found, each member once, singletons left out")
  func findsFamilies() throws {
    let result = try Clusterer().cluster(corpus)
    #expect(result.documents == 11)
    #expect(
      result.clusters.map { $0.members.map(\.source) } == [
        ["b1.txt", "b2.txt", "b3.txt", "b4.txt"],
        ["a1.txt", "a3.txt", "a2.txt", "a4.txt"],
      ])
    #expect(result.clusters.map(\.id) == [1, 2])
    #expect(result.cutPairs.isEmpty)
  }

  @Test("Members are ordered by date, undated last, so the first is the likely origin")
  func membersByDate() throws {
    let result = try Clusterer().cluster(TestMemos.familyA)
    let members = try #require(result.clusters.first?.members)
    #expect(members.map(\.date) == ["2024-03-01", "2024-04-02", "2024-05-10", nil])
    #expect(
      members.map(\.company) == [
        "Harbor Freight Labs", "Marrow Systems", "Quillon", "Pell Networks",
      ])
  }

  @Test("Every verified pair is listed with its exact Jaccard and containment")
  func pairsAreReported() throws {
    let result = try Clusterer().cluster(TestMemos.familyA)
    let pairs = try #require(result.clusters.first?.pairs)
    #expect(pairs.count == 6)
    for pair in pairs {
      #expect(pair.jaccard >= 0.15 && pair.jaccard <= 1)
      #expect(pair.containment >= pair.jaccard)
    }
    // a1 and a2 differ only in masked names and numbers and one word.
    let a1a2 = try #require(pairs.first { $0.a == "a1.txt" && $0.b == "a2.txt" })
    #expect(a1a2.jaccard > 0.8)
  }

  @Test("Masking makes swapped names and numbers irrelevant; --no-mask lowers similarity")
  func maskingMatters() throws {
    let masked = try Clusterer().cluster(TestMemos.familyA)
    let plain = try Clusterer(options: ClusteringOptions(masking: false)).cluster(TestMemos.familyA)
    let maskedBest = masked.clusters[0].pairs.map(\.jaccard).max()!
    let plainBest = plain.clusters[0].pairs.map(\.jaccard).max()!
    #expect(maskedBest > plainBest)
    #expect(masked.parameters.masking && !plain.parameters.masking)
  }

  @Test("One spurious pair does not merge two families: the weak link is cut and reported")
  func chainedPairTrap() throws {
    var a = TestMemos.familyA
    var b = TestMemos.familyB
    a[0].paragraphs.append(TestMemos.bridgeParagraph)
    b[0].paragraphs.append(TestMemos.bridgeParagraph)
    let result = try Clusterer().cluster(a + b)
    #expect(
      result.clusters.map { Set($0.members.map(\.source)) } == [
        ["b1.txt", "b2.txt", "b3.txt", "b4.txt"], ["a1.txt", "a2.txt", "a3.txt", "a4.txt"],
      ])
    #expect(result.cutPairs.map { "\($0.a) \($0.b)" } == ["b1.txt a1.txt"])
    #expect(result.cutPairs[0].jaccard >= 0.15)
  }

  @Test("Without the guard the same input would chain: the pair is verified")
  func chainedPairIsReal() throws {
    var a1 = TestMemos.familyA[0]
    var b1 = TestMemos.familyB[0]
    a1.paragraphs.append(TestMemos.bridgeParagraph)
    b1.paragraphs.append(TestMemos.bridgeParagraph)
    let result = try Clusterer().cluster([a1, b1])
    #expect(result.clusters.count == 1)
  }

  @Test("Shuffled input gives identical JSON bytes")
  func orderIndependent() throws {
    var a = TestMemos.familyA
    a[0].paragraphs.append(TestMemos.bridgeParagraph)
    var b = TestMemos.familyB
    b[0].paragraphs.append(TestMemos.bridgeParagraph)
    let memos = a + b + TestMemos.singletons
    let expected = try Clusterer().cluster(memos).json()
    var state: UInt64 = 42
    for _ in 0..<5 {
      var shuffled = memos
      for i in stride(from: shuffled.count - 1, to: 0, by: -1) {
        state = StableHash.mix(state)
        shuffled.swapAt(i, Int(state % UInt64(i + 1)))
      }
      #expect(try Clusterer().cluster(shuffled).json() == expected)
    }
  }

  @Test("The same input twice gives the same result")
  func deterministic() throws {
    let first = try Clusterer().cluster(corpus)
    let second = try Clusterer().cluster(corpus)
    #expect(first == second)
    #expect(first.json() == second.json())
  }

  @Test("Unrelated memos stay apart")
  func unrelatedApart() throws {
    let result = try Clusterer().cluster(
      TestMemos.singletons + [TestMemos.familyA[0], TestMemos.familyB[0]])
    #expect(result.clusters.isEmpty)
  }

  @Test("Empty input and empty memos are handled")
  func emptyInput() throws {
    #expect(try Clusterer().cluster([]).clusters.isEmpty)
    let blank = [Memo(source: "x", paragraphs: []), Memo(source: "y", paragraphs: [])]
    #expect(try Clusterer().cluster(blank).clusters.isEmpty)
  }

  @Test("Out-of-range options are rejected with the option's name")
  func invalidOptions() {
    #expect(throws: ClusteringError.invalidOption("threshold", "must be in (0, 1], got 1.5")) {
      try Clusterer(options: ClusteringOptions(threshold: 1.5)).cluster([])
    }
    #expect(
      ClusteringError.invalidOption("threshold", "must be in (0, 1], got 1.5").description
        == "clustering option 'threshold': must be in (0, 1], got 1.5. Use the default or a value in range."
    )
  }

  @Test("Parameters are reported with the result")
  func parameters() throws {
    let result = try Clusterer(options: ClusteringOptions(threshold: 0.2)).cluster(corpus)
    #expect(result.parameters.threshold == 0.2)
    #expect(result.parameters.bands == 64 && result.parameters.rows == 2)
    #expect(result.parameters.hashes == 128 && result.parameters.shingleSize == 5)
  }
}

@Suite("ClusterResult JSON")
struct ClusterResultJSONTests {
  @Test("The streamed JSON decodes back to the rounded result, special characters included")
  func roundTrip() throws {
    var memos = TestMemos.familyA
    memos[0].title = "Quote \" backslash \\ tab \t newline \n bell \u{7} and ünïcode"
    let result = try Clusterer().cluster(memos)
    let decoded = try JSONDecoder().decode(ClusterResult.self, from: Data(result.json().utf8))
    #expect(decoded == result.rounded())
    #expect(
      result.json().contains(#""Quote \" backslash \\ tab \t newline \n bell \u0007 and ünïcode""#))
  }

  @Test("Numbers are printed with at most 4 decimals and no trailing zeros")
  func numbers() {
    #expect(JSONText.number(1) == "1")
    #expect(JSONText.number(0.5) == "0.5")
    #expect(JSONText.number(0.123456) == "0.1235")
    #expect(JSONText.number(0.00004) == "0")
    #expect(JSONText.number(0.0001) == "0.0001")
    #expect(JSONText.number(0.15) == "0.15")
  }

  @Test("Passages of memos too long for ranks are found by reading them again")
  func longMemosReadAgain() throws {
    // 14,000 sentences of 5 words: more than 65,536 shingle positions, so no ranks are kept.
    let words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
    var text: [String] = []
    var state: UInt64 = 5
    for _ in 0..<14_000 {
      var sentence: [String] = []
      for _ in 0..<5 {
        state = StableHash.mix(state, seed: 9)
        sentence.append(words[Int(state % 8)])
      }
      text.append(sentence.joined(separator: " ") + ".")
    }
    let long = text.joined(separator: " ")
    let memos = [
      Memo(source: "a.txt", paragraphs: ["opening words for a", long]),
      Memo(source: "b.txt", paragraphs: ["another start entirely", long]),
    ]
    let result = try Clusterer().cluster(memos)
    #expect(result.clusters.count == 1)
    let passage = try #require(result.clusters.first?.passages.first)
    #expect(passage.members == ["a.txt", "b.txt"])
    #expect(passage.text == String(long.dropLast()))
  }

  @Test("A passage is quoted by tokenizing its paragraph alone: the exact text of its first memo")
  func quotingByParagraph() throws {
    var memos: [Memo] = []
    for (index, company) in ["Harbor Freight", "Acme", "Zülpich Logistik", "Vantage"].enumerated() {
      memos.append(
        Memo(
          source: "h\(index).txt", date: "2025-0\(index + 1)-01", company: company,
          paragraphs: TestMemos.harborTemplate.map {
            $0.replacingOccurrences(of: "{C}", with: company)
              .replacingOccurrences(of: "{N}", with: "\(10 + index)")
              .replacingOccurrences(of: "{M}", with: "\(40 + index)")
          } + ["Straße café naïve — \(index) señor Ünter, the same closing line here."]))
    }
    let passages = try Clusterer().cluster(memos).clusters.flatMap(\.passages)
    #expect(passages.count >= 2)
    #expect(passages.contains { $0.text.contains("Straße café naïve") })
    for passage in passages {
      let first = try #require(memos.first { $0.source == passage.members[0] })
      // Whole words: the quote starts and ends where a paragraph's word does.
      let paragraph = try #require(first.paragraphs.first { $0.contains(passage.text) })
      let words = paragraph.split(whereSeparator: { $0 == " " })
      #expect(paragraph.hasPrefix(passage.text) || paragraph.contains(" " + passage.text))
      #expect(words.count >= passage.tokens)
    }
  }
}

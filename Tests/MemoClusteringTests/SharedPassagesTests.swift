import Foundation
import MemoCore
import Testing

@testable import MemoClustering

@Suite("Shared passages")
struct SharedPassagesTests {
  @Test("A shared sentence is found exactly, quoted from the first memo, with its members")
  func exactPassage() {
    let x = Memo(
      source: "x.txt",
      paragraphs: [
        "Our kitchen reopens in June. We are reducing our workforce by 12 percent as we invest in artificial intelligence across every team. Thanks for reading."
      ])
    let y = Memo(
      source: "y.txt",
      paragraphs: [
        "Parking is free on Fridays now. We are reducing our workforce by 15 percent as we invest in artificial intelligence across every team. See you soon."
      ])
    let report = PassageFinder().sharedPassages(among: [x, y])
    #expect(
      report.passages.map(\.text) == [
        "We are reducing our workforce by 12 percent as we invest in artificial intelligence across every team"
      ])
    #expect(report.passages.map(\.members) == [["x.txt", "y.txt"]])
    #expect(report.passages[0].tokens == 17)
    // 17 of 25 and 17 of 26 words
    #expect(report.coverage.map { ($0 * 100).rounded() } == [68, 65])
  }

  @Test("Small gaps of differing words are bridged into one passage")
  func gapsBridged() {
    let x = Memo(
      source: "x",
      paragraphs: [
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron"
      ])
    let y = Memo(
      source: "y",
      paragraphs: [
        "alpha beta gamma delta epsilon zeta eta CHANGED iota kappa lambda mu nu xi omicron"
      ])
    let report = PassageFinder().sharedPassages(among: [x, y])
    #expect(
      report.passages.map(\.text) == [
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron"
      ])
  }

  @Test("Passages shorter than the minimum are not reported")
  func shortIgnored() {
    let x = Memo(
      source: "x", paragraphs: ["one two three four five six and then something else entirely here"]
    )
    let y = Memo(
      source: "y", paragraphs: ["one two three four five six but nothing at all in common later"])
    #expect(PassageFinder().sharedPassages(among: [x, y]).passages.isEmpty)
  }

  @Test("Three memos: a passage lists exactly the memos that contain it")
  func threeMemos() {
    let shared =
      "the board asked every team to adopt automation tools before the end of the fiscal year"
    let a = Memo(source: "a", paragraphs: ["First memo opening words here.", shared])
    let b = Memo(source: "b", paragraphs: ["Second memo talks about lunch.", shared])
    let c = Memo(
      source: "c", paragraphs: ["Third memo is about parking spaces only and nothing else at all."])
    let report = PassageFinder().sharedPassages(among: [a, b, c])
    #expect(report.passages.map(\.members) == [["a", "b"]])
    #expect(report.passages.map(\.text) == [shared])
    #expect(report.coverage[2] == 0)
  }

  @Test("A footer repeated across many documents is flagged as boilerplate and not counted")
  func boilerplateFlagged() throws {
    let footer =
      "This message is confidential and intended only for employees of the company. If you received it in error please delete it and tell the sender right away."
    var memos = TestMemos.familyA.map { memo -> Memo in
      var memo = memo
      memo.paragraphs.append(footer)
      return memo
    }
    memos += TestMemos.singletons.map { memo -> Memo in
      var memo = memo
      memo.paragraphs.append(footer)
      return memo
    }
    memos += TestMemos.familyB.map { memo -> Memo in
      var memo = memo
      memo.paragraphs.append(footer)
      return memo
    }
    let result = try Clusterer().cluster(memos)
    let harbor = try #require(
      result.clusters.first { $0.members.contains { $0.source == "a1.txt" } })
    let flagged = harbor.passages.filter(\.boilerplate)
    #expect(
      flagged.map(\.text) == [
        footer.replacingOccurrences(
          of: ".", with: "", options: .backwards,
          range: footer.index(before: footer.endIndex)..<footer.endIndex)
      ])
    #expect(flagged[0].documentFrequency == 11)
    #expect(harbor.passages.last?.boilerplate == true)
    #expect(harbor.passages.first?.boilerplate == false)
  }

  @Test("Passage grams rebuilt from ranks agree with grams computed from the tokens")
  func gramsFromRanks() {
    let memo = Memo(
      source: "m",
      company: "Harbor Freight Lines",
      paragraphs: TestMemos.harborTemplate.map {
        $0.replacingOccurrences(of: "{C}", with: "Harbor Freight Lines")
          .replacingOccurrences(of: "{N}", with: "12").replacingOccurrences(of: "{M}", with: "40")
      } + ["Short one.", "", "Another short paragraph of a few words here."])
    for masking in [true, false] {
      let tokens = ClusterTokenizer.tokens(of: memo, masking: masking)
      for size in [1, 3, 5, 8] {
        let direct = PassageDocument(source: "m", tokens: tokens, shingleSize: size)
        let (set, ranks) = Shingles.setAndRanks(of: tokens, size: size)
        let rebuilt = PassageDocument(
          source: "m", tokenCount: tokens.count,
          paragraphStarts: PassageDocument.paragraphStarts(of: tokens), ranks: ranks!,
          shingles: set, shingleSize: size)
        #expect(rebuilt.paragraphs == direct.paragraphs, "size \(size)")
        #expect(rebuilt.grams == direct.grams, "size \(size)")
      }
    }
  }

  @Test("Passages are quoted exactly from ASCII and non-ASCII paragraphs alike")
  func quotedText() {
    let shared =
      "wir reduzieren die belegschaft um zwölf stellen für künstliche intelligenz überall"
    let ascii =
      "we are reducing the workforce by twelve roles for artificial intelligence everywhere"
    let x = Memo(source: "x", paragraphs: ["Straße. " + shared + " — Ende.", "Hi. " + ascii + "!"])
    let y = Memo(source: "y", paragraphs: ["Café: " + shared + "?", "Yo. " + ascii + "."])
    let report = PassageFinder().sharedPassages(among: [x, y])
    #expect(report.passages.map(\.text).sorted() == [ascii, shared].sorted())
  }
}

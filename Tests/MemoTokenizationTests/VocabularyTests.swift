import MemoCore
import MemoTokenization
import Testing

@Suite("Vocabulary")
struct VocabularyTests {
  @Test("Forms read back exactly after the reserved byte room and the table are outgrown")
  func formsPastReservation() {
    // `intern` copies forms into zero-padded room that grows when a form does not fit: use a
    // tiny reservation, forms of many lengths (one longer than all the room so far) and repeats.
    var vocabulary = Vocabulary(reservingForms: 2, bytes: 3)
    let forms = (0..<1500).map { index in
      String(repeating: "ab", count: index % 7) + "w\(index)"
        + (index == 700 ? String(repeating: "z", count: 9000) : "")
    }
    let ids = forms.map { vocabulary.intern($0) }
    #expect(ids == (0..<1500).map { UInt32($0) })
    #expect(forms.map { vocabulary.intern($0) } == ids)
    #expect(vocabulary.count == 1500)
    #expect(ids.map { vocabulary.form($0) } == forms)
    #expect(ids.map { vocabulary.hash($0) } == forms.map { StableHash.of($0) })
    #expect(forms.map { vocabulary.id(of: $0) } == ids)
    #expect(vocabulary.id(of: "absent") == nil)
  }

  @Test("An empty form interns and reads back")
  func emptyForm() {
    var vocabulary = Vocabulary()
    let empty = vocabulary.intern("")
    let word = vocabulary.intern("word")
    #expect(vocabulary.form(empty) == "")
    #expect(vocabulary.form(word) == "word")
    #expect(vocabulary.intern("") == empty)
  }
}

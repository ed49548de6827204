import MemoCore
import MemoTokenization

/// One element of an expanded pattern.
enum Slot: Hashable, Sendable {
  /// A normalized word (or a literal number).
  case word(String)
  /// `*`: any one token.
  case any
  /// `#`: one number token.
  case number
}

/// What a trie node reports when reached: a pattern of an entry, or an exception.
struct PhraseOutput: Hashable, Sendable {
  /// True for an exception pattern, false for an entry pattern.
  var isException: Bool
  /// The entry index (pattern) or the exception index (exception).
  var index: Int32
}

/// All patterns of a lexicon compiled into one trie over token symbols.
///
/// Words are symbols (joined to documents by `StableHash` of the normalized form), `#` is a
/// number class and `*` an any-token edge. Matching simulates the trie from every token with a
/// set of live states: each live state is a start position within the longest pattern, so the
/// work per token is bounded by the pattern length (times the few `*`/`#` branches), never by
/// the number of patterns. Matches never cross sentences (nor, therefore, paragraphs).
struct PhraseMatcher: Sendable {
  /// The symbol of the `#` number class; word symbols start at 1.
  static let numberSymbol: UInt32 = 0
  static let unknownSymbol = UInt32.max

  private var symbolByHash = HashTable()
  private(set) var symbolForms: [String] = ["#"]
  private var edgeKeys: [UInt64] = Array(repeating: .max, count: 1024)
  private var edgeValues: [Int32] = Array(repeating: 0, count: 1024)
  private var edgeCount = 0
  private var anyChild: [Int32] = [-1]
  private var outputs: [[PhraseOutput]] = [[]]
  /// Whether each node has outputs (built by `finish`).
  private var hasOutput: [Bool] = []
  /// The root's child for each symbol, -1 for none (built by `finish`).
  private var rootChildren: [Int32] = []
  /// The length (in tokens) of each node's path from the root.
  private var depth: [Int32] = [0]

  /// The number of trie nodes.
  var nodeCount: Int { anyChild.count }

  private mutating func symbol(for form: String) -> UInt32 {
    let hash = StableHash.of(form)
    if let symbol = symbolByHash[hash] { return symbol }
    let symbol = UInt32(symbolForms.count)
    symbolForms.append(form)
    symbolByHash.insert(hash, symbol)
    return symbol
  }

  @inline(__always)
  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 24) & mask
  }

  @inline(__always)
  private func child(_ node: Int32, _ symbol: UInt32) -> Int32 {
    let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(symbol)
    let mask = edgeKeys.count - 1
    var slot = Self.slot(key, mask: mask)
    while true {
      let found = edgeKeys[slot]
      if found == key { return edgeValues[slot] }
      if found == .max { return -1 }
      slot = (slot + 1) & mask
    }
  }

  private mutating func setChild(_ node: Int32, _ symbol: UInt32, _ child: Int32) {
    if (edgeCount + 1) * 2 > edgeKeys.count {
      let oldKeys = edgeKeys
      let oldValues = edgeValues
      edgeKeys = Array(repeating: .max, count: oldKeys.count * 2)
      edgeValues = Array(repeating: 0, count: oldKeys.count * 2)
      let mask = edgeKeys.count - 1
      for index in oldKeys.indices where oldKeys[index] != .max {
        var slot = Self.slot(oldKeys[index], mask: mask)
        while edgeKeys[slot] != .max { slot = (slot + 1) & mask }
        edgeKeys[slot] = oldKeys[index]
        edgeValues[slot] = oldValues[index]
      }
    }
    let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(symbol)
    let mask = edgeKeys.count - 1
    var slot = Self.slot(key, mask: mask)
    while edgeKeys[slot] != .max { slot = (slot + 1) & mask }
    edgeKeys[slot] = key
    edgeValues[slot] = child
    edgeCount += 1
  }

  private mutating func newNode(depth parentDepth: Int32) -> Int32 {
    anyChild.append(-1)
    outputs.append([])
    depth.append(parentDepth + 1)
    return Int32(anyChild.count - 1)
  }

  /// Adds a sequence and returns the outputs its node had before (for duplicate checks).
  mutating func insert(_ slots: [Slot], output: PhraseOutput) -> [PhraseOutput] {
    var node: Int32 = 0
    for slot in slots {
      switch slot {
      case .any:
        if anyChild[Int(node)] < 0 { anyChild[Int(node)] = newNode(depth: depth[Int(node)]) }
        node = anyChild[Int(node)]
      case .number, .word:
        let symbol: UInt32
        if case .word(let form) = slot {
          symbol = self.symbol(for: form)
        } else {
          symbol = Self.numberSymbol
        }
        var next = child(node, symbol)
        if next < 0 {
          next = newNode(depth: depth[Int(node)])
          setChild(node, symbol, next)
        }
        node = next
      }
    }
    let before = outputs[Int(node)]
    if !before.contains(output) { outputs[Int(node)].append(output) }
    return before
  }

  /// Builds the read-only tables `scan` uses; call once after the last `insert`.
  mutating func finish() {
    hasOutput = outputs.map { !$0.isEmpty }
    rootChildren = (0..<symbolForms.count).map { child(0, UInt32($0)) }
  }

  /// Calls `body` for every match of every pattern: the output and the token range.
  ///
  /// - Complexity: O(n · L) for n tokens and the longest pattern length L.
  func scan(_ text: TokenizedText, _ body: (PhraseOutput, Range<Int>) -> Void) {
    let symbols = text.vocabulary.hashes.map { symbolByHash[$0] ?? Self.unknownSymbol }
    let rootAny = anyChild[0]
    let rootNumber = rootChildren.isEmpty ? -1 : rootChildren[Int(Self.numberSymbol)]
    var active: [(node: Int32, start: Int32)] = []
    var next: [(node: Int32, start: Int32)] = []
    active.reserveCapacity(64)
    next.reserveCapacity(64)
    var sentence: Int32 = -1
    var paragraph: Int32 = -1
    for (index, token) in text.tokens.enumerated() {
      // A new sentence (every paragraph starts one) drops the partial matches.
      if token.sentence != sentence || token.paragraph != paragraph {
        sentence = token.sentence
        paragraph = token.paragraph
        active.removeAll(keepingCapacity: true)
      }
      let symbol = symbols[Int(token.id)]
      let isNumber = token.kind == .number
      // States starting here, from the root's dense table.
      let fromRoot = symbol != Self.unknownSymbol ? rootChildren[Int(symbol)] : -1
      let numberFromRoot = isNumber ? rootNumber : -1
      if active.isEmpty && fromRoot < 0 && numberFromRoot < 0 && rootAny < 0 { continue }
      next.removeAll(keepingCapacity: true)
      for state in active {
        if symbol != Self.unknownSymbol {
          let target = child(state.node, symbol)
          if target >= 0 { next.append((target, state.start)) }
        }
        if isNumber {
          let target = child(state.node, Self.numberSymbol)
          if target >= 0 { next.append((target, state.start)) }
        }
        let target = anyChild[Int(state.node)]
        if target >= 0 { next.append((target, state.start)) }
      }
      let start = Int32(index)
      if fromRoot >= 0 { next.append((fromRoot, start)) }
      if numberFromRoot >= 0 { next.append((numberFromRoot, start)) }
      if rootAny >= 0 { next.append((rootAny, start)) }
      for state in next where hasOutput[Int(state.node)] {
        for output in outputs[Int(state.node)] {
          body(output, Int(state.start)..<(index + 1))
        }
      }
      swap(&active, &next)
    }
  }
}

/// An open-addressing map from well-mixed 64-bit keys (stable hashes) to `UInt32` values,
/// cheaper to probe than `Dictionary`, which rehashes every key with SipHash.
struct HashTable: Sendable {
  private var keys: [UInt64] = Array(repeating: 0, count: 1024)
  /// `value + 1`; 0 marks an empty slot.
  private var values: [UInt32] = Array(repeating: 0, count: 1024)
  private var count = 0

  @inline(__always)
  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: ((key ^ (key >> 32)) &* 0x9e37_79b9_7f4a_7c15) >> 20) & mask
  }

  subscript(key: UInt64) -> UInt32? {
    let mask = keys.count - 1
    var slot = Self.slot(key, mask: mask)
    while true {
      let value = values[slot]
      if value == 0 { return nil }
      if keys[slot] == key { return value - 1 }
      slot = (slot + 1) & mask
    }
  }

  /// Adds a key that is not present yet.
  mutating func insert(_ key: UInt64, _ value: UInt32) {
    if (count + 1) * 2 > keys.count {
      let oldKeys = keys
      let oldValues = values
      keys = Array(repeating: 0, count: oldKeys.count * 2)
      values = Array(repeating: 0, count: oldKeys.count * 2)
      count = 0
      for index in oldKeys.indices where oldValues[index] != 0 {
        insert(oldKeys[index], oldValues[index] - 1)
      }
    }
    let mask = keys.count - 1
    var slot = Self.slot(key, mask: mask)
    while values[slot] != 0 { slot = (slot + 1) & mask }
    keys[slot] = key
    values[slot] = value + 1
    count += 1
  }
}

import MemoCore
import MemoTokenization

/// One element of an expanded pattern.
enum Slot: Hashable, Sendable {
  /// A normalized word (or a literal number), matched as written.
  case word(String)
  /// A word class by its key (`Lemma.key`): any of the forms `PhraseMatcher.addClass` gave it.
  case lemma(String)
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

/// All patterns of a lexicon compiled into one automaton over token symbols: a trie, minimized
/// into an acyclic graph by `finish` (equal tails stored once).
///
/// Words are symbols (joined to documents by `StableHash` of the normalized form), `#` is a
/// number class and `*` an any-token edge. Matching simulates the automaton from every token
/// with a set of live states: each live state is a start position within the longest pattern,
/// so the work per token is bounded by the pattern length (times the few `*`/`#` branches),
/// never by the number of patterns. Matches never cross sentences (nor, therefore, paragraphs).
struct PhraseMatcher: Sendable {
  /// The symbol of the `#` number class; word symbols start at 1.
  static let numberSymbol: UInt32 = 0
  static let unknownSymbol = UInt32.max

  private var symbolByHash = HashTable()
  /// Each inflected form's word class symbol (`addClass`); a form may also have a symbol of its
  /// own in `symbolByHash`, when a pattern uses it as an exact word.
  private var classSymbolByHash = HashTable()
  /// The hash and class symbol of every form `addClass` gave a class, in order.
  private var classForms: [(hash: UInt64, symbol: UInt32)] = []
  /// Every form a pattern uses, exactly or through its class, to what `scan` needs about it
  /// (built by `finish`): one probe per document form, the answer in the probed slot.
  private var formStarts = FormTable()
  private(set) var symbolForms: [String] = ["#"]
  /// One edge of the trie: (parent node << 32 | symbol), the child and the child's flags, side
  /// by side so that a probe touches one cache line and reaching a node needs no other load.
  private struct Edge {
    var key: UInt64
    var child: Int32
    var childFlags: UInt32 = 0
  }
  /// The word and number edges, open addressing keyed by (node, symbol); `key == .max` is empty.
  private var edges = [Edge](repeating: Edge(key: .max, child: 0), count: 1024)
  private var edgeCount = 0
  private var anyChild: [Int32] = [-1]
  private var outputs: [[PhraseOutput]] = [[]]
  /// What each node has, as `NodeFlags` bits, and above them a 28-bit filter of its word
  /// edges' symbols (built by `finish`), so `scan` skips the edge table's cache misses for most
  /// tokens that cannot extend a partial match. Copied into edges and live states.
  private var flags: [UInt32] = []
  /// The root's child for each symbol, -1 for none (built by `finish`).
  private var rootChildren: [Int32] = []
  /// One bit per (node, symbol) hash for every word edge, about eight bits per edge (built by
  /// `finish`): a table small enough for the cache that rules out most absent edges before
  /// `edge` probes the large edge table, whose probes are cache misses.
  private var edgeBits: [UInt64] = [0]
  private var edgeBitShift: UInt64 = 63

  /// The number of automaton states and edges (after `finish`).
  var size: (states: Int, edges: Int) { (anyChild.count, edgeCount) }

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

  /// The bit of `edgeBits` for an edge key.
  @inline(__always)
  private static func edgeBit(_ key: UInt64, shift: UInt64) -> (word: Int, bit: UInt64) {
    let hash = (key ^ (key >> 29)) &* 0xbf58_476d_1ce4_e5b9
    let index = Int(truncatingIfNeeded: hash >> shift)
    return (index >> 6, 1 << UInt64(index & 63))
  }

  /// The edge from `node` for `symbol`, if any.
  @inline(__always)
  private func edge(_ node: Int32, _ symbol: UInt32) -> Edge? {
    let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(symbol)
    let bit = Self.edgeBit(key, shift: edgeBitShift)
    if edgeBits.withUnsafeBufferPointer({ $0[bit.word] }) & bit.bit == 0 { return nil }
    return probe(key)
  }

  /// The edge with `key` in the edge table, if any.
  @inline(__always)
  private func probe(_ key: UInt64) -> Edge? {
    edges.withUnsafeBufferPointer { edges in
      let mask = edges.count - 1
      var slot = Self.slot(key, mask: mask)
      while true {
        let found = edges[slot]
        if found.key == key { return found }
        if found.key == .max { return nil }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The child of `node` for `symbol`, or -1 (while building: no `edgeBits` needed).
  private func child(_ node: Int32, _ symbol: UInt32) -> Int32 {
    probe(UInt64(UInt32(bitPattern: node)) << 32 | UInt64(symbol))?.child ?? -1
  }

  private mutating func setChild(_ node: Int32, _ symbol: UInt32, _ child: Int32) {
    if (edgeCount + 1) * 2 > edges.count {
      let old = edges
      edges = Array(repeating: Edge(key: .max, child: 0), count: old.count * 2)
      let mask = edges.count - 1
      for edge in old where edge.key != .max {
        var slot = Self.slot(edge.key, mask: mask)
        while edges[slot].key != .max { slot = (slot + 1) & mask }
        edges[slot] = edge
      }
    }
    let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(symbol)
    let mask = edges.count - 1
    var slot = Self.slot(key, mask: mask)
    while edges[slot].key != .max { slot = (slot + 1) & mask }
    edges[slot] = Edge(key: key, child: child)
    edgeCount += 1
  }

  private mutating func newNode() -> Int32 {
    anyChild.append(-1)
    outputs.append([])
    return Int32(anyChild.count - 1)
  }

  /// Adds a sequence and returns the outputs its node had before (for duplicate checks).
  mutating func insert(_ slots: [Slot], output: PhraseOutput) -> [PhraseOutput] {
    var node: Int32 = 0
    for slot in slots {
      switch slot {
      case .any:
        if anyChild[Int(node)] < 0 { anyChild[Int(node)] = newNode() }
        node = anyChild[Int(node)]
      case .number, .word, .lemma:
        let symbol: UInt32
        switch slot {
        case .word(let form): symbol = self.symbol(for: form)
        case .lemma(let key): symbol = self.symbol(for: "~" + key)
        default: symbol = Self.numberSymbol
        }
        var next = child(node, symbol)
        if next < 0 {
          next = newNode()
          setChild(node, symbol, next)
        }
        node = next
      }
    }
    let before = outputs[Int(node)]
    if !before.contains(output) { outputs[Int(node)].append(output) }
    return before
  }

  /// Makes every form of a word class match the class's `.lemma(key)` slots. A form belongs to
  /// one class (its key); the first class given keeps it.
  mutating func addClass(key: String, forms: [String]) {
    let symbol = self.symbol(for: "~" + key)
    for form in forms {
      let hash = StableHash.of(form)
      if classSymbolByHash[hash] == nil {
        classSymbolByHash.insert(hash, symbol)
        classForms.append((hash, symbol))
      }
    }
  }

  /// Builds the read-only tables `scan` uses; call once after the last `insert`.
  ///
  /// First the trie is minimized into an acyclic automaton: nodes with the same outputs and the
  /// same edges to equivalent nodes are merged, bottom up. Optional words, `*` slots and
  /// alternatives early in a pattern copy everything after them once per path in the trie (a
  /// pattern `(cut|shed|…) [*] # [percent] of [our|the] (staff|…)` holds its tail dozens of
  /// times); merged, the tail is stored once, so the edge table a scan probes stays small enough
  /// to live in the cache. Matches are unchanged: every path, and its outputs, is kept.
  mutating func finish() {
    minimize()
    flags = outputs.indices.map { node in
      (outputs[node].isEmpty ? 0 : NodeFlags.output) | (anyChild[node] < 0 ? 0 : NodeFlags.any)
    }
    for edge in edges where edge.key != .max {
      let node = Int(edge.key >> 32)
      let symbol = UInt32(truncatingIfNeeded: edge.key)
      flags[node] |=
        symbol == Self.numberSymbol ? NodeFlags.number : NodeFlags.word | NodeFlags.filter(symbol)
    }
    for index in edges.indices where edges[index].key != .max {
      edges[index].childFlags = flags[Int(edges[index].child)]
    }
    // About eight bits per edge, a power of two of at least 2^16 bits.
    var bits = 16
    while (1 << bits) < edgeCount * 8 { bits += 1 }
    edgeBitShift = UInt64(64 - bits)
    edgeBits = [UInt64](repeating: 0, count: (1 << bits) / 64)
    for edge in edges where edge.key != .max {
      let bit = Self.edgeBit(edge.key, shift: edgeBitShift)
      edgeBits[bit.word] |= bit.bit
    }
    rootChildren = (0..<symbolForms.count).map { child(0, UInt32($0)) }
    // Each form's symbol (its own, else its class's), its class's symbol when it has both,
    // and the root's children for them.
    func start(_ symbol: UInt32) -> (node: Int32, flags: UInt32) {
      let node = rootChildren[Int(symbol)]
      return (node, node >= 0 ? flags[Int(node)] : 0)
    }
    formStarts = FormTable()
    for symbol in 1..<symbolForms.count {
      let hash = StableHash.of(symbolForms[symbol])
      guard !formStarts.contains(hash) else { continue }
      let own = start(UInt32(symbol))
      var entry = FormStart(
        symbol: UInt32(symbol), node: own.node, flags: own.flags, symbol2: Self.unknownSymbol,
        node2: -1, flags2: 0)
      if let classSymbol = classSymbolByHash[hash] {
        let inflected = start(classSymbol)
        entry.symbol2 = classSymbol
        entry.node2 = inflected.node
        entry.flags2 = inflected.flags
      }
      formStarts.insert(form: hash, entry)
    }
    for form in classForms where !formStarts.contains(form.hash) {
      let inflected = start(form.symbol)
      formStarts.insert(
        form: form.hash,
        FormStart(
          symbol: form.symbol, node: inflected.node, flags: inflected.flags,
          symbol2: Self.unknownSymbol, node2: -1, flags2: 0))
    }
  }

  /// A node's identity for minimization: its outputs and its edges to already merged nodes.
  private struct NodeSignature: Hashable {
    var outputs: [PhraseOutput]
    var any: Int32
    var edges: [UInt64]
  }

  /// Merges equivalent nodes (see `finish`) and renumbers the rest breadth first from the root,
  /// so that nodes reached one after another sit near each other in memory.
  private mutating func minimize() {
    let count = anyChild.count
    var children = [[(symbol: UInt32, child: Int32)]](repeating: [], count: count)
    for edge in edges where edge.key != .max {
      children[Int(edge.key >> 32)].append((UInt32(truncatingIfNeeded: edge.key), edge.child))
    }
    // A child is always created after its parent, so walking the nodes from the last one
    // merges every node's children before the node itself.
    var representative = [Int32](repeating: -1, count: count)
    var seen: [NodeSignature: Int32] = [:]
    for node in stride(from: count - 1, through: 0, by: -1) {
      let any = anyChild[node] < 0 ? -1 : representative[Int(anyChild[node])]
      let merged = children[node].map {
        UInt64($0.symbol) << 32 | UInt64(UInt32(bitPattern: representative[Int($0.child)]))
      }.sorted()
      let signature = NodeSignature(
        outputs: outputs[node].sorted {
          ($0.isException ? 1 : 0, $0.index) < ($1.isException ? 1 : 0, $1.index)
        },
        any: any, edges: merged)
      if let existing = seen[signature] {
        representative[node] = existing
      } else {
        representative[node] = Int32(node)
        seen[signature] = Int32(node)
      }
    }
    // Breadth-first renumbering of the merged graph.
    var newID = [Int32](repeating: -1, count: count)
    var order: [Int32] = [0]
    newID[0] = 0
    var head = 0
    while head < order.count {
      let node = Int(order[head])
      head += 1
      var next = children[node].sorted { $0.symbol < $1.symbol }.map {
        representative[Int($0.child)]
      }
      if anyChild[node] >= 0 { next.append(representative[Int(anyChild[node])]) }
      for target in next where newID[Int(target)] < 0 {
        newID[Int(target)] = Int32(order.count)
        order.append(target)
      }
    }
    let oldOutputs = outputs
    let oldAny = anyChild
    anyChild = order.map {
      oldAny[Int($0)] < 0 ? -1 : newID[Int(representative[Int(oldAny[Int($0)])])]
    }
    outputs = order.map { oldOutputs[Int($0)] }
    edges = [Edge](repeating: Edge(key: .max, child: 0), count: 1024)
    edgeCount = 0
    for (index, node) in order.enumerated() {
      for edge in children[Int(node)] {
        setChild(Int32(index), edge.symbol, newID[Int(representative[Int(edge.child)])])
      }
    }
  }

  /// Calls `body` for every match of every pattern: the output and the token range.
  ///
  /// - Complexity: O(n · L) for n tokens and the longest pattern length L.
  /// `numberForms`, when not empty, marks by form id the vocabulary forms read as numbers
  /// whatever their token kind (number words, `NumberWords`).
  func scan(
    _ text: TokenizedText, numberForms: [Bool] = [], _ body: (PhraseOutput, Range<Int>) -> Void
  ) {
    // Per vocabulary form: its symbol, and the node a match starting with it reaches (one
    // array written once per form, rather than three filled with defaults first).
    let forms = text.vocabulary.hashes.withUnsafeBufferPointer { hashes in
      formStarts.lookUp(hashes)
    }
    let rootAny = anyChild[0]
    let rootAnyFlags = rootAny >= 0 ? flags[Int(rootAny)] : 0
    let rootNumber = rootChildren.isEmpty ? -1 : rootChildren[Int(Self.numberSymbol)]
    let rootNumberFlags = rootNumber >= 0 ? flags[Int(rootNumber)] : 0
    var active = LiveStates()
    var next = LiveStates()
    var sentence: Int32 = -1
    var paragraph: Int32 = -1
    let readsNumberForms = !numberForms.isEmpty
    text.tokens.withUnsafeBufferPointer { tokens in
      forms.withUnsafeBufferPointer { forms in
        numberForms.withUnsafeBufferPointer { numberForms in
          var filterBit: UInt32 = 0
          for index in 0..<tokens.count {
            let token = tokens[index]
            // A new sentence (every paragraph starts one) drops the partial matches.
            if token.sentence != sentence || token.paragraph != paragraph {
              sentence = token.sentence
              paragraph = token.paragraph
              active.removeAll()
            }
            let form = forms[Int(token.id)]
            let fromRoot = form.node
            let isNumber =
              token.kind == .number || (readsNumberForms && numberForms[Int(token.id)])
            let numberFromRoot = isNumber ? rootNumber : -1
            if active.isEmpty && fromRoot < 0 && form.node2 < 0 && numberFromRoot < 0 && rootAny < 0
            {
              continue
            }
            let symbol = form.symbol
            filterBit = symbol == Self.unknownSymbol ? 0 : NodeFlags.filter(symbol)
            let symbol2 = form.symbol2
            let filterBit2 = symbol2 == Self.unknownSymbol ? 0 : NodeFlags.filter(symbol2)
            // Each new state reports its outputs at once and is kept only if it can still grow.
            next.removeAll()
            let end = index + 1
            @inline(__always) func reach(_ state: LiveState, _ next: inout LiveStates) {
              if state.flags & NodeFlags.output != 0 {
                for output in outputs[Int(state.node)] { body(output, Int(state.start)..<end) }
              }
              if state.flags & NodeFlags.edges != 0 { next.append(state) }
            }
            for position in 0..<active.count {
              let state = active[position]
              if state.flags & filterBit != 0, let edge = edge(state.node, symbol) {
                reach(
                  LiveState(node: edge.child, start: state.start, flags: edge.childFlags), &next)
              }
              if state.flags & filterBit2 != 0, let edge = edge(state.node, symbol2) {
                reach(
                  LiveState(node: edge.child, start: state.start, flags: edge.childFlags), &next)
              }
              if isNumber && state.flags & NodeFlags.number != 0,
                let edge = edge(state.node, Self.numberSymbol)
              {
                reach(
                  LiveState(node: edge.child, start: state.start, flags: edge.childFlags), &next)
              }
              if state.flags & NodeFlags.any != 0 {
                let target = anyChild[Int(state.node)]
                reach(LiveState(node: target, start: state.start, flags: flags[Int(target)]), &next)
              }
            }
            let start = Int32(index)
            if fromRoot >= 0 {
              reach(LiveState(node: fromRoot, start: start, flags: form.flags), &next)
            }
            if form.node2 >= 0 {
              reach(LiveState(node: form.node2, start: start, flags: form.flags2), &next)
            }
            if numberFromRoot >= 0 {
              reach(LiveState(node: numberFromRoot, start: start, flags: rootNumberFlags), &next)
            }
            if rootAny >= 0 {
              reach(LiveState(node: rootAny, start: start, flags: rootAnyFlags), &next)
            }
            swap(&active, &next)
          }
        }
      }
    }
  }

}

/// What `PhraseMatcher.scan` needs about one vocabulary form: its symbol (`unknownSymbol` if no
/// pattern uses it), the root's child for it (-1 if none) and that child's flags; and the same
/// for its word class when the form also has a symbol of its own.
private struct FormStart {
  var symbol: UInt32
  var node: Int32
  var flags: UInt32
  var symbol2: UInt32
  var node2: Int32
  var flags2: UInt32

  /// A form no pattern uses.
  static let unknown = FormStart(
    symbol: PhraseMatcher.unknownSymbol, node: -1, flags: 0, symbol2: PhraseMatcher.unknownSymbol,
    node2: -1, flags2: 0)
}

/// Open addressing from a form's stable hash to its `FormStart`, stored in the slot itself, so
/// that a document form that patterns use costs one probe and no second, dependent load (the
/// index-then-array layout this replaced missed the cache twice per such form). A slot whose
/// `start.symbol` is `unknownSymbol` is empty.
private struct FormTable: Sendable {
  private struct Slot {
    var key: UInt64
    var start: FormStart
  }
  private var slots = [Slot](repeating: Slot(key: 0, start: .unknown), count: 1024)
  private var count = 0
  /// One bit per 16 bits of key, as in `HashTable`: most absent forms are rejected here.
  private var present = [UInt64](repeating: 0, count: 1024)

  @inline(__always)
  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: ((key ^ (key >> 32)) &* 0x9e37_79b9_7f4a_7c15) >> 20) & mask
  }

  func contains(_ key: UInt64) -> Bool {
    let mask = slots.count - 1
    var slot = Self.slot(key, mask: mask)
    while slots[slot].start.symbol != PhraseMatcher.unknownSymbol {
      if slots[slot].key == key { return true }
      slot = (slot + 1) & mask
    }
    return false
  }

  /// Adds a form that is not present yet.
  mutating func insert(form key: UInt64, _ start: FormStart) {
    if (count + 1) * 2 > slots.count {
      let old = slots
      slots = Array(repeating: Slot(key: 0, start: .unknown), count: old.count * 2)
      count = 0
      for entry in old where entry.start.symbol != PhraseMatcher.unknownSymbol {
        insert(form: entry.key, entry.start)
      }
    }
    let mask = slots.count - 1
    var slot = Self.slot(key, mask: mask)
    while slots[slot].start.symbol != PhraseMatcher.unknownSymbol { slot = (slot + 1) & mask }
    slots[slot] = Slot(key: key, start: start)
    count += 1
    present[Int(truncatingIfNeeded: key >> 54)] |= 1 << ((key >> 48) & 63)
  }

  /// The entry of every hash, in order (`FormStart.unknown` for forms no pattern uses).
  func lookUp(_ hashes: UnsafeBufferPointer<UInt64>) -> [FormStart] {
    slots.withUnsafeBufferPointer { slots in
      present.withUnsafeBufferPointer { present in
        [FormStart](unsafeUninitializedCapacity: hashes.count) { buffer, initialized in
          let mask = slots.count - 1
          let unknown = FormStart.unknown
          for index in 0..<hashes.count {
            let key = hashes[index]
            var start = unknown
            if present[Int(truncatingIfNeeded: key >> 54)] & (1 << ((key >> 48) & 63)) != 0 {
              var slot = Self.slot(key, mask: mask)
              while slots[slot].start.symbol != PhraseMatcher.unknownSymbol {
                if slots[slot].key == key {
                  start = slots[slot].start
                  break
                }
                slot = (slot + 1) & mask
              }
            }
            (buffer.baseAddress! + index).initialize(to: start)
          }
          initialized = hashes.count
        }
      }
    }
  }
}

/// A partial match in `PhraseMatcher.scan`: the trie node reached, the token it started at, and
/// the node's flags.
private struct LiveState {
  var node: Int32
  var start: Int32
  var flags: UInt32
}

/// The live states of `PhraseMatcher.scan`, in memory it manages itself.
///
/// `scan` clears and refills two of these for every token; an `Array` there pays a uniqueness
/// check (a runtime call) and a capacity check on every append, which cost more than the trie
/// steps. This keeps only the capacity check; it behaves as an array of `LiveState` that is only
/// appended to, read by index and cleared.
private struct LiveStates: ~Copyable {
  private var base: UnsafeMutablePointer<LiveState>
  private var capacity = 64
  /// The number of states.
  private(set) var count = 0

  init() {
    base = .allocate(capacity: capacity)
  }

  deinit {
    base.deallocate()
  }

  var isEmpty: Bool { count == 0 }

  subscript(index: Int) -> LiveState {
    precondition(index >= 0 && index < count)
    return base[index]
  }

  mutating func append(_ state: LiveState) {
    if count == capacity {
      let bigger = UnsafeMutablePointer<LiveState>.allocate(capacity: capacity * 2)
      bigger.initialize(from: base, count: count)
      base.deallocate()
      base = bigger
      capacity *= 2
    }
    (base + count).initialize(to: state)
    count += 1
  }

  /// Forgets every state (they are trivial values; the memory is kept).
  mutating func removeAll() { count = 0 }
}

/// The bits of `PhraseMatcher`'s per-node flags.
private enum NodeFlags {
  /// The node ends a pattern.
  static let output: UInt32 = 1
  /// The node has word edges.
  static let word: UInt32 = 2
  /// The node has a `#` edge.
  static let number: UInt32 = 4
  /// The node has a `*` edge.
  static let any: UInt32 = 8
  /// Any edge at all.
  static let edges: UInt32 = word | number | any

  /// The filter bit (bits 4 to 31) of a word symbol: set in a node's flags when it may have an
  /// edge for the symbol.
  @inline(__always)
  static func filter(_ symbol: UInt32) -> UInt32 { 1 << (4 + symbol % 28) }
}

/// An open-addressing map from well-mixed 64-bit keys (stable hashes) to `UInt32` values,
/// cheaper to probe than `Dictionary`, which rehashes every key with SipHash.
struct HashTable: Sendable {
  /// A key and `value + 1` side by side (one cache line per probe); 0 marks an empty slot.
  private struct Entry {
    var key: UInt64
    var valuePlusOne: UInt32
  }
  private var entries = [Entry](repeating: Entry(key: 0, valuePlusOne: 0), count: 1024)
  private var count = 0
  /// One bit per 16 bits of key, set for every key present: 8 KB that stay in the L1 cache, so
  /// most absent keys (a document's words that no pattern uses) are rejected without a probe.
  private var present = [UInt64](repeating: 0, count: 1024)

  @inline(__always)
  private static func presenceBit(_ key: UInt64) -> (word: Int, bit: UInt64) {
    let bits = Int(truncatingIfNeeded: key >> 48)
    return (bits >> 6, 1 << UInt64(bits & 63))
  }

  @inline(__always)
  private static func slot(_ key: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: ((key ^ (key >> 32)) &* 0x9e37_79b9_7f4a_7c15) >> 20) & mask
  }

  subscript(key: UInt64) -> UInt32? {
    let presence = Self.presenceBit(key)
    if present[presence.word] & presence.bit == 0 { return nil }
    return entries.withUnsafeBufferPointer { entries in
      let mask = entries.count - 1
      var slot = Self.slot(key, mask: mask)
      while true {
        let entry = entries[slot]
        if entry.valuePlusOne == 0 { return nil }
        if entry.key == key { return entry.valuePlusOne - 1 }
        slot = (slot + 1) & mask
      }
    }
  }

  /// Adds a key that is not present yet.
  mutating func insert(_ key: UInt64, _ value: UInt32) {
    if (count + 1) * 2 > entries.count {
      let old = entries
      entries = Array(repeating: Entry(key: 0, valuePlusOne: 0), count: old.count * 2)
      count = 0
      for entry in old where entry.valuePlusOne != 0 {
        insert(entry.key, entry.valuePlusOne - 1)
      }
    }
    let mask = entries.count - 1
    var slot = Self.slot(key, mask: mask)
    while entries[slot].valuePlusOne != 0 { slot = (slot + 1) & mask }
    entries[slot] = Entry(key: key, valuePlusOne: value + 1)
    count += 1
    let presence = Self.presenceBit(key)
    present[presence.word] |= presence.bit
  }
}

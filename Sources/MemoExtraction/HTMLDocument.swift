import CHTMLTree
import CLibXML2
import Foundation

/// One element or text node of a parsed page, copied out of libxml2.
struct DOMNode: Sendable {
  /// The lower-case tag name, or `#text` for a text node.
  var name: String
  /// The text of a text node; empty for elements.
  var text: String
  /// The element's attributes in source order, names lower-cased.
  var attributes: [(name: String, value: String)]
  var parent: Int32
  var firstChild: Int32 = -1
  var nextSibling: Int32 = -1
  /// Whether `name` is `#text`, stored because the walks ask for every node.
  let isText: Bool
  /// Hidden by `hidden`, `aria-hidden="true"` or an inline `display:none`. Kept in the tree:
  /// a page can render its body hidden and reveal it by script (see `BlockBuilder`).
  var isHidden = false

  init(
    name: String, text: String, attributes: [(name: String, value: String)], parent: Int32,
    isHidden: Bool = false
  ) {
    self.name = name
    self.text = text
    self.attributes = attributes
    self.parent = parent
    self.isHidden = isHidden
    isText = name == "#text"
  }

  func attributeEquals(_ name: String, _ value: String) -> Bool {
    attributes.contains {
      $0.name == name && $0.value.caseInsensitiveCompare(value) == .orderedSame
    }
  }

  func attribute(_ name: String) -> String? {
    for attribute in attributes where attribute.name == name { return attribute.value }
    return nil
  }
}

/// A page copied into Swift values: its body's elements and text, and head metadata.
///
/// Nodes are stored in document order (pre-order), so every child comes after its parent.
/// Scripts, styles and templates are left out while copying; hidden elements are kept and
/// marked (`DOMNode.isHidden`).
struct HTMLTree: Sendable {
  var nodes: [DOMNode] = []
  /// The text of `<title>`.
  var title: String?
  /// `<meta>` tags as (name, property, itemprop or http-equiv lower-cased, content).
  var metas: [(key: String, value: String)] = []
  /// The bodies of `<script type="application/ld+json">` blocks.
  var jsonLD: [String] = []
  /// The `alt` texts of the first images (at most `imageAltLimit`); images are not nodes.
  var imageAlts: [String] = []
  /// How many images' `alt` texts are kept: logos and letterheads come early.
  static let imageAltLimit = 40
  /// Whether the page has an `<iframe>` (dropped, not a node): only then are its bytes
  /// searched for a framed document (`InlineFrameDocument`).
  var hasInlineFrame = false

  /// The children of a node, in order.
  func children(of index: Int32) -> ChildSequence {
    ChildSequence(nodes: nodes, first: index < 0 ? -1 : nodes[Int(index)].firstChild)
  }

  struct ChildSequence: Sequence, IteratorProtocol {
    let nodes: [DOMNode]
    var first: Int32
    mutating func next() -> Int32? {
      guard first >= 0 else { return nil }
      defer { first = nodes[Int(first)].nextSibling }
      return first
    }
  }
}

/// Parses pages into `HTMLTree`s.
enum HTMLParser {
  /// Whether the compact builder runs: only on libxml2 versions (at build and at run time) that
  /// the tree-equality tests cover (`memoscope_html_fast_parse_supported`).
  static let fastParseSupported: Bool = memoscope_html_fast_parse_supported() != 0

  /// libxml2 wants `xmlInitParser()` once, before threads parse; Swift runs this once.
  static let libraryReady: Bool = {
    xmlInitParser()
    return true
  }()

  /// Parses UTF-8 bytes (already decoded by `TextDecoding`) into a tree, through the
  /// compact builder (`memoscope_html_build`: libxml2's parser without its DOM).
  ///
  /// It must give the same tree as `HTMLDocumentHandle(utf8:path:).makeTree()` (libxml2's
  /// own document), which `HTMLDocumentTests` checks on every page it has.
  ///
  /// On a libxml2 the tree-equality tests do not cover (`fastParseSupported` false), it parses
  /// with `htmlReadMemory` instead: slower, the same tree by construction.
  static func tree(
    utf8 bytes: [UInt8], path: String, fast: Bool = HTMLParser.fastParseSupported
  ) throws(ExtractionError) -> HTMLTree {
    guard fast else { return try HTMLDocumentHandle(utf8: bytes, path: path).makeTree() }
    _ = libraryReady
    memoscope_xml_silence_errors()
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
      throw .unparsable(path: path, reason: "no bytes to parse")
    }
    var compact = memoscope_tree()
    let status = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        memoscope_html_build(chars.baseAddress, Int32(chars.count), &compact)
      }
    }
    guard status == 0 else {
      throw .unparsable(path: path, reason: "libxml2 returned no document")
    }
    defer { memoscope_tree_free(&compact) }
    return withUnsafePointer(to: &compact) { TreeCopier.makeTree(CompactDocument(tree: $0)) }
  }
}

/// Owns one libxml2 document and frees it exactly once. Never leaves this module.
///
/// Extraction parses with `HTMLParser`; this plain `htmlReadMemory` document is the reference
/// the tests compare it with.
struct HTMLDocumentHandle: ~Copyable {
  private let document: htmlDocPtr

  /// Parses UTF-8 bytes with `memoscope_html_parse_options`.
  init(utf8 bytes: [UInt8], path: String) throws(ExtractionError) {
    _ = HTMLParser.libraryReady
    memoscope_xml_silence_errors()
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
      throw .unparsable(path: path, reason: "no bytes to parse")
    }
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        htmlReadMemory(
          chars.baseAddress, Int32(chars.count), nil, "UTF-8", memoscope_html_parse_options())
      }
    }
    guard let parsed else {
      throw .unparsable(path: path, reason: "libxml2 returned no document")
    }
    document = parsed
  }

  deinit { xmlFreeDoc(document) }

  /// Copies the document into an `HTMLTree`.
  borrowing func makeTree() -> HTMLTree {
    TreeCopier.makeTree(LibXMLDocument(document: document))
  }
}

/// What `TreeCopier` reads of a parsed page, from libxml2's document or the compact tree.
protocol ParsedDocument {
  associatedtype Node: Equatable
  /// The document element.
  var root: Node? { get }
  /// About how many nodes the document holds (a capacity to reserve, never read otherwise).
  var nodeCountHint: Int { get }
  func isElement(_ node: Node) -> Bool
  /// Text or CDATA.
  func isText(_ node: Node) -> Bool
  /// An element's name as stored (libxml2 lower-cases ASCII).
  func withName<Result>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
  /// A text node's content as stored.
  func withContent<Result>(_ node: Node, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result
  /// An element's attributes that `memoscope_is_kept_attribute` lists, in source order.
  func attributes(_ node: Node) -> [(name: String, value: String)]
  func firstChild(_ node: Node) -> Node?
  func next(_ node: Node) -> Node?
  func parent(_ node: Node) -> Node?
}

/// Copies a parsed page into an `HTMLTree`, walking iteratively (no recursion).
enum TreeCopier {
  /// Tags whose content is never text a reader sees.
  static let dropped: Set<String> = [
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "select", "option", "textarea", "input", "link",
    "img", "picture", "source", "map", "area", "frameset", "frame", "param", "track", "dialog",
  ]

  /// `dropped` packed as `packed(_:)` values, for a lookup without hashing a `String`.
  private static let droppedPacked: [UInt64] = dropped.compactMap { packed($0) }.sorted()

  /// Up to eight bytes of a name as one little-endian integer, or nil for longer names.
  static func packed(_ name: String) -> UInt64? {
    var name = name
    return name.withUTF8 { bytes -> UInt64? in
      guard bytes.count <= 8 else { return nil }
      var value: UInt64 = 0
      for offset in 0..<bytes.count { value |= UInt64(bytes[offset]) << (8 * offset) }
      return value
    }
  }

  /// Whether a name is in `dropped` (all of whose names have at most eight bytes).
  static func isDropped(_ name: String) -> Bool {
    guard let value = packed(name) else { return false }
    return droppedPacked.contains(value)
  }

  /// `packed` names of the elements `makeTree` reads for the head and images.
  private static let metaKey = packed("meta")
  private static let titleKey = packed("title")
  private static let imgKey = packed("img")
  private static let scriptKey = packed("script")
  private static let iframeKey = packed("iframe")

  static func makeTree<Document: ParsedDocument>(_ document: Document) -> HTMLTree {
    var tree = HTMLTree()
    guard let root = document.root else { return tree }
    // Reserved once: growing by doubling copied the nodes of a large page several times.
    tree.nodes.reserveCapacity(max(1024, document.nodeCountHint))
    var node = root
    var parents: [Int32] = [-1]
    var lastChildren: [Int32] = [-1]
    walk: while true {
      var descendInto: Int32 = -1
      if document.isElement(node) {
        let name = document.withName(node, lowercased)
        // The names compared as packed integers (no `String` comparison per element).
        let key = packed(name)
        if key == Self.metaKey {
          collectMeta(document.attributes(node), into: &tree)
        } else if key == Self.titleKey {
          if tree.title == nil { tree.title = directText(of: node, in: document) }
        } else if key == Self.imgKey {
          if tree.imageAlts.count < HTMLTree.imageAltLimit,
            let alt = document.attributes(node).first(where: { $0.name == "alt" })?.value
          {
            tree.imageAlts.append(alt)
          }
        } else if key == Self.iframeKey {
          // Dropped as the other embeds are; the reader may look for a framed document.
          tree.hasInlineFrame = true
        } else if key == Self.scriptKey {
          let type =
            document.attributes(node).first { $0.name == "type" }?.value.lowercased() ?? ""
          if isJSONLD(type) { tree.jsonLD.append(directText(of: node, in: document)) }
        } else if !(key.map(droppedPacked.contains) ?? false) {
          let attributes = document.attributes(node)
          let index = append(
            DOMNode(
              name: name, text: "", attributes: attributes, parent: parents.last!,
              isHidden: isHidden(attributes)),
            to: &tree, lastChildren: &lastChildren)
          if document.firstChild(node) != nil { descendInto = index }
        }
      } else if document.isText(node) {
        let text: String? = document.withContent(node) { content in
          guard let first = content.first, first != 0 else { return nil }
          // White space between tags still separates words; keep it as one shared space.
          return isBlank(content) ? " " : cString(content)
        }
        if let text {
          _ = append(
            DOMNode(name: "#text", text: text, attributes: [], parent: parents.last!),
            to: &tree, lastChildren: &lastChildren)
        }
      }
      if descendInto >= 0, let child = document.firstChild(node) {
        parents.append(descendInto)
        lastChildren.append(-1)
        node = child
        continue
      }
      while true {
        if node == root { break walk }
        if let next = document.next(node) {
          node = next
          break
        }
        guard let up = document.parent(node), parents.count > 1 else { break walk }
        parents.removeLast()
        lastChildren.removeLast()
        node = up
      }
    }
    return tree
  }

  private static func append(
    _ domNode: DOMNode, to tree: inout HTMLTree, lastChildren: inout [Int32]
  ) -> Int32 {
    let index = Int32(tree.nodes.count)
    let parent = domNode.parent
    tree.nodes.append(domNode)
    if parent >= 0 {
      let previous = lastChildren[lastChildren.count - 1]
      if previous < 0 {
        tree.nodes[Int(parent)].firstChild = index
      } else {
        tree.nodes[Int(previous)].nextSibling = index
      }
      lastChildren[lastChildren.count - 1] = index
    }
    return index
  }

  /// Whether a lower-cased script type says `ld+json`: by bytes for ASCII types (nearly all;
  /// the same answer, as no ASCII character but CR LF pairs into one `Character`), else with
  /// Foundation's `contains` as before.
  private static func isJSONLD(_ type: String) -> Bool {
    guard type.utf8.allSatisfy({ $0 < 0x80 }) else { return type.contains("ld+json") }
    return type.containsBytes("ld+json")
  }

  /// Bytes up to the first NUL (as C strings end) as a `String`, ill-formed UTF-8 repaired.
  static func cString(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    var end = bytes.count
    if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
      end = base.distance(to: nul.assumingMemoryBound(to: UInt8.self))
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
  }

  /// A name as a lower-cased `String`; libxml2 already lower-cases HTML names, so the
  /// Unicode-aware `lowercased()` only runs when an upper-case or non-ASCII byte is present.
  static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    let text = cString(bytes)
    return text.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 })
      ? text.lowercased() : text
  }

  /// Whether the bytes (up to a NUL) are only ASCII white space.
  private static func isBlank(_ content: UnsafeBufferPointer<UInt8>) -> Bool {
    for byte in content {
      switch byte {
      case 0: return true
      case 0x20, 0x0A, 0x0D, 0x09, 0x0C: continue
      default: return false
      }
    }
    return true
  }

  /// The concatenated text of a node's direct text children (for `<title>` and scripts).
  private static func directText<Document: ParsedDocument>(
    of node: Document.Node, in document: Document
  ) -> String {
    var text = ""
    var child = document.firstChild(node)
    while let current = child {
      if document.isText(current) { text += document.withContent(current, cString) }
      child = document.next(current)
    }
    return text
  }

  private static func collectMeta(
    _ attributes: [(name: String, value: String)], into tree: inout HTMLTree
  ) {
    guard let content = attributes.first(where: { $0.name == "content" })?.value else { return }
    for attribute in attributes
    where ["name", "property", "itemprop", "http-equiv"].contains(attribute.name) {
      tree.metas.append((attribute.value.lowercased(), content))
    }
  }

  /// `hidden`, `aria-hidden="true"`, or an inline `display:none` / `visibility:hidden`.
  private static func isHidden(_ attributes: [(name: String, value: String)]) -> Bool {
    for attribute in attributes {
      switch attribute.name {
      case "hidden": return true
      case "aria-hidden": if attribute.value.lowercased() == "true" { return true }
      case "style":
        if let compact = InlineStyle.asciiCompact(attribute.value) {
          if InlineStyle.contains(compact, anyOf: ["display:none", "visibility:hidden"]) {
            return true
          }
        } else {
          let style = attribute.value.lowercased().filter { $0 != " " }
          if style.contains("display:none") || style.contains("visibility:hidden") { return true }
        }
      default: break
      }
    }
    return false
  }
}

/// libxml2's own document (`htmlReadMemory`), read through its node pointers.
struct LibXMLDocument: ParsedDocument {
  let document: htmlDocPtr

  var root: xmlNodePtr? { xmlDocGetRootElement(document) }
  var nodeCountHint: Int { 1024 }
  func isElement(_ node: xmlNodePtr) -> Bool { node.pointee.type == XML_ELEMENT_NODE }
  func isText(_ node: xmlNodePtr) -> Bool {
    node.pointee.type == XML_TEXT_NODE || node.pointee.type == XML_CDATA_SECTION_NODE
  }
  func withName<Result>(_ node: xmlNodePtr, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    Self.withCString(node.pointee.name, body)
  }
  func withContent<Result>(_ node: xmlNodePtr, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    Self.withCString(node.pointee.content, body)
  }
  func attributes(_ node: xmlNodePtr) -> [(name: String, value: String)] {
    var result: [(name: String, value: String)] = []
    var attribute = node.pointee.properties
    while let current = attribute {
      if let rawName = current.pointee.name, memoscope_is_kept_attribute(rawName) != 0 {
        let name = String(cString: rawName)
        var value = ""
        var child = current.pointee.children
        while let text = child {
          if let content = text.pointee.content { value += String(cString: content) }
          child = text.pointee.next
        }
        result.append((name, value))
      }
      attribute = current.pointee.next
    }
    return result
  }
  func firstChild(_ node: xmlNodePtr) -> xmlNodePtr? { node.pointee.children }
  func next(_ node: xmlNodePtr) -> xmlNodePtr? { node.pointee.next }
  func parent(_ node: xmlNodePtr) -> xmlNodePtr? {
    node.pointee.parent.map { UnsafeMutablePointer(OpaquePointer($0)) }
  }

  private static func withCString<Result>(
    _ pointer: UnsafePointer<xmlChar>?, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    guard let pointer else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
    return body(UnsafeBufferPointer(start: pointer, count: strlen(pointer)))
  }
}

/// The compact tree of `CHTMLTree` (`memoscope_html_build`), read through node indices.
struct CompactDocument: ParsedDocument {
  let tree: UnsafePointer<memoscope_tree>

  private func node(_ index: Int32) -> memoscope_node { tree.pointee.nodes[Int(index)] }
  private func bytes(_ offset: UInt32, _ length: UInt32) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: tree.pointee.bytes.map { $0 + Int(offset) }, count: Int(length))
  }

  var root: Int32? { tree.pointee.root >= 0 ? tree.pointee.root : nil }
  /// Every node the compact tree holds, dropped elements and comments included.
  var nodeCountHint: Int { Int(max(0, tree.pointee.nodeCount)) }
  func isElement(_ index: Int32) -> Bool { node(index).kind == MEMOSCOPE_ELEMENT }
  func isText(_ index: Int32) -> Bool {
    let kind = node(index).kind
    return kind == MEMOSCOPE_TEXT || kind == MEMOSCOPE_CDATA
  }
  func withName<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    body(bytes(node(index).offset, node(index).length))
  }
  func withContent<Result>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
    -> Result
  {
    body(bytes(node(index).offset, node(index).length))
  }
  func attributes(_ index: Int32) -> [(name: String, value: String)] {
    let element = node(index)
    guard element.attributeCount > 0 else { return [] }
    var result: [(name: String, value: String)] = []
    result.reserveCapacity(Int(element.attributeCount))
    for slot in element.firstAttribute..<(element.firstAttribute + element.attributeCount) {
      let attribute = tree.pointee.attributes[Int(slot)]
      result.append(
        (
          TreeCopier.cString(bytes(attribute.nameOffset, attribute.nameLength)),
          TreeCopier.cString(bytes(attribute.valueOffset, attribute.valueLength))
        ))
    }
    return result
  }
  func firstChild(_ index: Int32) -> Int32? {
    let child = node(index).firstChild
    return child >= 0 ? child : nil
  }
  func next(_ index: Int32) -> Int32? {
    let sibling = node(index).next
    return sibling >= 0 ? sibling : nil
  }
  func parent(_ index: Int32) -> Int32? {
    let up = node(index).parent
    return up >= 0 ? up : nil
  }
}

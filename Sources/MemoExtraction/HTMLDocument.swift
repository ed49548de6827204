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

  init(name: String, text: String, attributes: [(name: String, value: String)], parent: Int32) {
    self.name = name
    self.text = text
    self.attributes = attributes
    self.parent = parent
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
/// Scripts, styles, templates and hidden elements are left out while copying.
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

/// Owns one libxml2 document and frees it exactly once. Never leaves this module.
struct HTMLDocumentHandle: ~Copyable {
  private let document: htmlDocPtr

  /// libxml2 wants `xmlInitParser()` once, before threads parse; Swift runs this once.
  private static let libraryReady: Bool = {
    xmlInitParser()
    return true
  }()

  /// Parses UTF-8 bytes (already decoded by `TextDecoding`) with the shim's options.
  ///
  /// `fast` (the default) uses the shim's `memoscope_html_read` fast path, which leaves out
  /// attributes and `<script>`/`<style>` text that `makeTree` never reads; `false` is plain
  /// `htmlReadMemory`, kept so tests can check that both give the same `HTMLTree`.
  init(utf8 bytes: [UInt8], path: String, fast: Bool = true) throws(ExtractionError) {
    _ = Self.libraryReady
    memoscope_xml_silence_errors()
    guard !bytes.isEmpty, bytes.count < Int(Int32.max) else {
      throw .unparsable(path: path, reason: "no bytes to parse")
    }
    let parsed = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        memoscope_html_read(chars.baseAddress, Int32(chars.count), fast ? 1 : 0)
      }
    }
    guard let parsed else {
      throw .unparsable(path: path, reason: "libxml2 returned no document")
    }
    document = parsed
  }

  deinit { xmlFreeDoc(document) }

  /// Tags whose content is never text a reader sees.
  private static let dropped: Set<String> = [
    "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object",
    "embed", "video", "audio", "select", "option", "textarea", "button", "input", "link",
    "img", "picture", "source", "map", "area", "frameset", "frame", "param", "track", "dialog",
  ]

  /// Copies the document into an `HTMLTree`, walking iteratively (no recursion).
  borrowing func makeTree() -> HTMLTree {
    var tree = HTMLTree()
    guard let root = xmlDocGetRootElement(document) else { return tree }
    tree.nodes.reserveCapacity(1024)
    var node: xmlNodePtr = root
    var parents: [Int32] = [-1]
    var lastChildren: [Int32] = [-1]
    walk: while true {
      var descendInto: Int32 = -1
      switch node.pointee.type {
      case XML_ELEMENT_NODE:
        let name = Self.lowercasedName(node)
        if name == "meta" {
          Self.collectMeta(node, into: &tree)
        } else if name == "title" {
          if tree.title == nil { tree.title = Self.directText(node) }
        } else if name == "img" {
          if tree.imageAlts.count < HTMLTree.imageAltLimit,
            let alt = Self.attributes(node).first(where: { $0.name == "alt" })?.value
          {
            tree.imageAlts.append(alt)
          }
        } else if name == "script" {
          let type = Self.attributes(node).first { $0.name == "type" }?.value.lowercased() ?? ""
          if type.contains("ld+json") { tree.jsonLD.append(Self.directText(node)) }
        } else if !Self.dropped.contains(name) {
          let attributes = Self.attributes(node)
          if !Self.isHidden(attributes) {
            let index = Self.append(
              DOMNode(name: name, text: "", attributes: attributes, parent: parents.last!),
              to: &tree, lastChildren: &lastChildren)
            if node.pointee.children != nil { descendInto = index }
          }
        }
      case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
        if let content = node.pointee.content, content.pointee != 0 {
          // White space between tags still separates words; keep it as one shared space.
          let text = Self.isBlank(content) ? " " : String(cString: content)
          do {
            _ = Self.append(
              DOMNode(name: "#text", text: text, attributes: [], parent: parents.last!),
              to: &tree, lastChildren: &lastChildren)
          }
        }
      default:
        break
      }
      if descendInto >= 0, let child = node.pointee.children {
        parents.append(descendInto)
        lastChildren.append(-1)
        node = child
        continue
      }
      while true {
        if node == root { break walk }
        if let next = node.pointee.next {
          node = next
          break
        }
        guard let up = node.pointee.parent, parents.count > 1 else { break walk }
        parents.removeLast()
        lastChildren.removeLast()
        node = UnsafeMutablePointer(OpaquePointer(up))
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

  private static func lowercasedName(_ node: xmlNodePtr) -> String {
    guard let name = node.pointee.name else { return "" }
    return lowercased(name)
  }

  /// A C string as a lower-cased `String`; libxml2 already lower-cases HTML names, so the
  /// Unicode-aware `lowercased()` only runs when an upper-case or non-ASCII byte is present.
  private static func lowercased(_ cString: UnsafePointer<xmlChar>) -> String {
    let text = String(cString: cString)
    return text.utf8.contains(where: { ($0 >= 0x41 && $0 <= 0x5A) || $0 >= 0x80 })
      ? text.lowercased() : text
  }

  /// Whether a C string holds only ASCII white space.
  private static func isBlank(_ content: UnsafePointer<xmlChar>) -> Bool {
    var pointer = content
    while pointer.pointee != 0 {
      switch pointer.pointee {
      case 0x20, 0x0A, 0x0D, 0x09, 0x0C: pointer += 1
      default: return false
      }
    }
    return true
  }

  /// Only attributes extraction reads are copied (the rest, href, src, data-*, on*…, never
  /// is): the shim's `memoscope_is_kept_attribute` holds the list, so that its fast parse
  /// (which already leaves the others out) and this copy agree. libxml2 lower-cases ASCII in
  /// attribute names, and no other letter lower-cases into one of those names.
  private static func attributes(_ node: xmlNodePtr) -> [(name: String, value: String)] {
    var result: [(name: String, value: String)] = []
    var attribute = node.pointee.properties
    while let current = attribute {
      if let rawName = current.pointee.name, memoscope_is_kept_attribute(rawName) != 0 {
        let name = String(cString: rawName)
        var value = ""
        var child = current.pointee.children
        if let only = child, only.pointee.next == nil {
          // The usual case: one text child, copied without concatenation.
          if let content = only.pointee.content { value = String(cString: content) }
          child = nil
        }
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

  /// The concatenated text of a node's direct text children (for `<title>` and scripts).
  private static func directText(_ node: xmlNodePtr) -> String {
    var text = ""
    var child = node.pointee.children
    while let current = child {
      if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
        let content = current.pointee.content
      {
        text += String(cString: content)
      }
      child = current.pointee.next
    }
    return text
  }

  private static func collectMeta(_ node: xmlNodePtr, into tree: inout HTMLTree) {
    let attributes = attributes(node)
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

/// Why a value could not be turned into JSON.
public struct JSONEncodingError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, with the coding path.
  public var description: String
}

extension JSONValue {
  /// The JSON form of an `Encodable` value, keys in the order it encodes them.
  ///
  /// Non-finite numbers cannot be written in JSON and throw, as `JSONEncoder` does.
  public init<Value: Encodable>(encoding value: Value) throws(JSONEncodingError) {
    let node = JSONNode()
    do {
      try value.encode(to: JSONNodeEncoder(node: node, codingPath: []))
    } catch let error as JSONEncodingError {
      throw error
    } catch {
      throw JSONEncodingError(description: "\(error)")
    }
    self = node.resolved
  }
}

/// The value being built at one place of the tree (private storage of the encoder).
private final class JSONNode {
  enum Content {
    case empty
    case value(JSONValue)
    case object([(String, JSONNode)])
    case array([JSONNode])
  }

  var content = Content.empty

  var resolved: JSONValue {
    switch content {
    case .empty: return .object([])
    case .value(let value): return value
    case .object(let fields): return .object(fields.map { ($0.0, $0.1.resolved) })
    case .array(let items): return .array(items.map(\.resolved))
    }
  }

  func child(forKey key: String) -> JSONNode {
    let node = JSONNode()
    if case .object(var fields) = content {
      content = .empty
      if let existing = fields.firstIndex(where: { $0.0 == key }) {
        fields[existing].1 = node
      } else {
        fields.append((key, node))
      }
      content = .object(fields)
    }
    return node
  }

  func appendChild() -> JSONNode {
    let node = JSONNode()
    if case .array(var items) = content {
      content = .empty
      items.append(node)
      content = .array(items)
    }
    return node
  }

  func makeObject() {
    if case .object = content { return }
    content = .object([])
  }

  func makeArray() {
    if case .array = content { return }
    content = .array([])
  }

  func set(_ value: JSONValue) { content = .value(value) }

  func set<Value: Encodable>(_ value: Value, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: set(.string(text))
    case let flag as Bool: set(.bool(flag))
    case let number as Int: set(.integer(number))
    case let number as Double: try set(.number(Self.finite(number, codingPath)))
    default: try value.encode(to: JSONNodeEncoder(node: self, codingPath: codingPath))
    }
  }

  static func finite(_ number: Double, _ codingPath: [any CodingKey]) throws -> Double {
    guard number.isFinite else {
      let path = codingPath.map(\.stringValue).joined(separator: ".")
      throw JSONEncodingError(description: "\(path): \(number) cannot be written in JSON")
    }
    return number
  }
}

private struct JSONNodeEncoder: Encoder {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.makeObject()
    return KeyedEncodingContainer(JSONKeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    node.makeArray()
    return JSONUnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    JSONSingleContainer(node: node, codingPath: codingPath)
  }
}

private struct IndexKey: CodingKey {
  var stringValue: String
  var intValue: Int?
  init(stringValue: String) { self.stringValue = stringValue }
  init(intValue: Int) {
    stringValue = String(intValue)
    self.intValue = intValue
  }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: JSONNode
  let codingPath: [any CodingKey]

  func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).set(.null) }
  func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
  func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
  func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
  func encode(_ value: Float, forKey key: Key) throws { try put(Double(value), key) }
  func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
  func encode(_ value: Int8, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: Int16, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: Int32, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: Int64, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: UInt, forKey key: Key) throws { try put(Int(clamping: value), key) }
  func encode(_ value: UInt8, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: UInt16, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: UInt32, forKey key: Key) throws { try put(Int(value), key) }
  func encode(_ value: UInt64, forKey key: Key) throws { try put(Int(clamping: value), key) }
  func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

  private func put<T: Encodable>(_ value: T, _ key: Key) throws {
    try node.child(forKey: key.stringValue).set(value, codingPath: codingPath + [key])
  }

  func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    JSONNodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
      .container(keyedBy: keyType)
  }

  func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    JSONNodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
      .unkeyedContainer()
  }

  func superEncoder() -> any Encoder {
    JSONNodeEncoder(node: node.child(forKey: "super"), codingPath: codingPath)
  }

  func superEncoder(forKey key: Key) -> any Encoder {
    JSONNodeEncoder(node: node.child(forKey: key.stringValue), codingPath: codingPath + [key])
  }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]
  var count: Int {
    if case .array(let items) = node.content { return items.count }
    return 0
  }

  private var nextPath: [any CodingKey] { codingPath + [IndexKey(intValue: count)] }

  mutating func encodeNil() throws { node.appendChild().set(.null) }
  mutating func encode(_ value: Bool) throws { try put(value) }
  mutating func encode(_ value: String) throws { try put(value) }
  mutating func encode(_ value: Double) throws { try put(value) }
  mutating func encode(_ value: Float) throws { try put(Double(value)) }
  mutating func encode(_ value: Int) throws { try put(value) }
  mutating func encode(_ value: Int8) throws { try put(Int(value)) }
  mutating func encode(_ value: Int16) throws { try put(Int(value)) }
  mutating func encode(_ value: Int32) throws { try put(Int(value)) }
  mutating func encode(_ value: Int64) throws { try put(Int(value)) }
  mutating func encode(_ value: UInt) throws { try put(Int(clamping: value)) }
  mutating func encode(_ value: UInt8) throws { try put(Int(value)) }
  mutating func encode(_ value: UInt16) throws { try put(Int(value)) }
  mutating func encode(_ value: UInt32) throws { try put(Int(value)) }
  mutating func encode(_ value: UInt64) throws { try put(Int(clamping: value)) }
  mutating func encode<T: Encodable>(_ value: T) throws { try put(value) }

  private func put<T: Encodable>(_ value: T) throws {
    let path = nextPath
    try node.appendChild().set(value, codingPath: path)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type
  ) -> KeyedEncodingContainer<NestedKey> {
    let path = nextPath
    return JSONNodeEncoder(node: node.appendChild(), codingPath: path).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let path = nextPath
    return JSONNodeEncoder(node: node.appendChild(), codingPath: path).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let path = nextPath
    return JSONNodeEncoder(node: node.appendChild(), codingPath: path)
  }
}

private struct JSONSingleContainer: SingleValueEncodingContainer {
  let node: JSONNode
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.set(.null) }
  mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
  mutating func encode(_ value: String) throws { node.set(.string(value)) }
  mutating func encode(_ value: Double) throws {
    node.set(.number(try JSONNode.finite(value, codingPath)))
  }
  mutating func encode(_ value: Float) throws { try encode(Double(value)) }
  mutating func encode(_ value: Int) throws { node.set(.integer(value)) }
  mutating func encode(_ value: Int8) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: Int16) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: Int32) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: Int64) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: UInt) throws { node.set(.integer(Int(clamping: value))) }
  mutating func encode(_ value: UInt8) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: UInt16) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: UInt32) throws { node.set(.integer(Int(value))) }
  mutating func encode(_ value: UInt64) throws { node.set(.integer(Int(clamping: value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.set(value, codingPath: codingPath)
  }
}

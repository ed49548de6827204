import CLibXML2
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file found by `InputCollector`, ready to be read once.
public struct CollectedFile: Sendable, Equatable {
  /// The path for people and for the memo's `source`: as given or found, with bytes that are
  /// not valid UTF-8 shown as `\xNN`.
  public var path: String
  /// The path's bytes, to open the file (they differ from `path` only when the name is not
  /// valid UTF-8).
  public var pathBytes: [UInt8]
  /// The device and inode, which identify the file whatever the path to it.
  public var device: UInt64
  /// See `device`.
  public var inode: UInt64
  /// The size `stat` reported.
  public var size: Int
  /// The folder the walk found the file in, kept open so the file is opened by its name
  /// relative to it (`openat`) instead of resolving every parent folder again; nil for files
  /// named on the command line and past `FolderHandle.maxKept` folders.
  var folder: FolderHandle?
  /// Where the file's name starts in `pathBytes` (used with `folder`).
  var nameStart = 0

  /// Creates a file entry.
  public init(path: String, pathBytes: [UInt8], device: UInt64, inode: UInt64, size: Int) {
    self.path = path
    self.pathBytes = pathBytes
    self.device = device
    self.inode = inode
    self.size = size
  }

  /// Two entries are equal when they name the same file the same way (the open folder is a
  /// way to reach it, not part of it).
  public static func == (lhs: CollectedFile, rhs: CollectedFile) -> Bool {
    lhs.path == rhs.path && lhs.pathBytes == rhs.pathBytes && lhs.device == rhs.device
      && lhs.inode == rhs.inode && lhs.size == rhs.size
  }

  /// Opens the file read-only: by its name in the open folder when the walk kept one, else
  /// by its whole path. Returns the descriptor, or -1 with `errno` set.
  func openForReading() -> Int32 {
    if let folder, nameStart > 0, nameStart < pathBytes.count {
      return pathBytes.withUnsafeBufferPointer { bytes in
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count - nameStart + 1) {
          name in
          for index in nameStart..<bytes.count {
            name[index - nameStart] = CChar(bitPattern: bytes[index])
          }
          name[bytes.count - nameStart] = 0
          return openat(folder.descriptor, name.baseAddress!, O_RDONLY | O_CLOEXEC)
        }
      }
    }
    return open(pathBytes.cString, O_RDONLY | O_CLOEXEC)
  }
}

/// A folder kept open by the walk for opening its files by name (see `CollectedFile.folder`);
/// closed when the last file entry holding it goes.
final class FolderHandle: Sendable {
  /// How many folders a walk keeps open. Calibration: far below the usual limit of 1,024
  /// descriptors, and a tree with more folders than this has few files in each, where
  /// resolving the whole path costs little beside reading.
  static let maxKept = 64

  let descriptor: Int32

  /// Takes a duplicate of `descriptor` (an open folder's), or nil when it cannot be made.
  init?(duplicating descriptor: Int32) {
    let copy = fcntl(descriptor, F_DUPFD_CLOEXEC, 0)
    guard copy >= 0 else { return nil }
    self.descriptor = copy
  }

  deinit { close(descriptor) }
}

/// One entry of a collection: a file, standard input, or a path that failed.
public enum CollectedInput: Sendable, Equatable {
  /// A regular file to read.
  case file(CollectedFile)
  /// Standard input (`-` or `/dev/stdin`), read once.
  case standardInput
  /// A path that could not be collected (missing, unreadable folder, empty folder, …).
  case failure(ExtractionError)

  /// The path shown for the entry.
  public var path: String {
    switch self {
    case .file(let file): file.path
    case .standardInput: InputCollector.standardInputName
    case .failure(let error): error.path
    }
  }
}

/// What `InputCollector.collect(_:)` found: the inputs in order and what it left out.
public struct InputCollection: Sendable {
  /// Files, standard input and failures, in a stable order.
  public var inputs: [CollectedInput]
  /// Inputs left out on purpose, each with its reason, in the order they were met.
  public var exclusions: [InputExclusion]
}

/// Expands command-line paths into the list of files to read, in a stable order.
///
/// Files are taken as given; folders are walked recursively and their files sorted by path
/// (byte order). Each file and each folder is taken once, identified by device and inode, so a
/// symbolic link loop ends and overlapping paths count each file once (an `InputExclusion`
/// names the path left out and the one kept). A folder walk skips hidden files and folders
/// (names starting with `.`) silently, and with an exclusion each: a folder's documentation
/// (`README`, `LICENSE`, `CHANGELOG` in any extension) and data or code files that are never
/// memos (`.json`, `.yaml`, `.csv`, `.js`, …): name such a file explicitly to read it. An
/// unreadable folder is one failure and the walk carries on; names that are not valid UTF-8 are
/// read. `-` and `/dev/stdin` stand for standard input.
public enum InputCollector {
  /// The `source` of a memo read from standard input.
  public static let standardInputName = "(standard input)"

  /// Collects every input under `paths`.
  public static func collect(_ paths: [String]) -> InputCollection {
    var walk = Walk()
    for path in paths { walk.add(path) }
    return InputCollection(inputs: walk.inputs, exclusions: walk.exclusions)
  }

  /// The display paths of `collect(_:)`, with failures in place (exclusions left out).
  public static func paths(_ paths: [String]) -> [Result<String, ExtractionError>] {
    collect(paths).inputs.map { input in
      switch input {
      case .failure(let error): .failure(error)
      case .file, .standardInput: .success(input.path)
      }
    }
  }

  /// Folder documentation stems skipped by a folder walk (compared case-insensitively).
  ///
  /// `notice`, `copying` and `contributing` are not among them: a WARN notice is a layoff
  /// document.
  static let documentationStems: Set<String> = ["readme", "license", "licence", "changelog"]

  /// Extensions of data and code files that a folder walk never reads as memos.
  static let nonMemoExtensions: Set<String> = [
    "json", "yaml", "yml", "toml", "csv", "tsv", "js", "mjs", "css", "map", "py", "sh", "swift",
    "svg", "ds_store",
  ]

  /// True for hidden entries, which a folder walk skips whether file or folder.
  static func isSkippedInFolderWalk(_ name: [UInt8]) -> Bool { name.first == UInt8(ascii: ".") }

  /// Why a folder walk skips a file of this name, or nil when it reads it.
  static func skipReason(_ name: String) -> InputExclusion.Reason? {
    let lowered = name.lowercased()
    let stem = lowered.split(separator: ".", maxSplits: 1).first.map(String.init) ?? lowered
    if documentationStems.contains(stem) { return .documentation }
    guard let dot = lowered.lastIndex(of: ".") else { return nil }
    let fileExtension = String(lowered[lowered.index(after: dot)...])
    return nonMemoExtensions.contains(fileExtension) ? .notAMemoType(extension: fileExtension) : nil
  }

  /// `skipReason(displayPath(name))` for a folder entry's name, read on its bytes when they are
  /// ASCII and do not start with a dot (no `String`, no lower-casing, no hashing: a tenth of
  /// the serial folder walk over 10,000 files).
  static func skipReason(bytes name: [UInt8]) -> InputExclusion.Reason? {
    guard let first = name.first, first != UInt8(ascii: "."), name.allSatisfy({ $0 < 0x80 })
    else { return skipReason(displayPath(name)) }
    func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
    func equals(_ range: Range<Int>, _ word: [UInt8]) -> Bool {
      range.count == word.count && zip(name[range], word).allSatisfy { lowered($0) == $1 }
    }
    let firstDot = name.firstIndex(of: UInt8(ascii: ".")) ?? name.count
    if asciiDocumentationStems.contains(where: { equals(0..<firstDot, $0) }) {
      return .documentation
    }
    guard let lastDot = name.lastIndex(of: UInt8(ascii: ".")) else { return nil }
    let extensionRange = (lastDot + 1)..<name.count
    guard let found = asciiNonMemoExtensions.first(where: { equals(extensionRange, $0) }) else {
      return nil
    }
    return .notAMemoType(extension: String(decoding: found, as: UTF8.self))
  }

  private static let asciiDocumentationStems = documentationStems.map { Array($0.utf8) }
  private static let asciiNonMemoExtensions = nonMemoExtensions.map { Array($0.utf8) }

  /// A path's bytes for display: valid UTF-8 as is, other bytes as `\xNN`.
  public static func displayPath(_ bytes: [UInt8]) -> String {
    if let text = String(validating: bytes, as: UTF8.self) { return text }
    var result = ""
    var index = 0
    while index < bytes.count {
      // The longest valid UTF-8 sequence starting here (1 to 4 bytes), else one escaped byte.
      var decoded: String?
      var length = 1
      for candidate in (1...4).reversed() where index + candidate <= bytes.count {
        if let text = String(validating: bytes[index..<(index + candidate)], as: UTF8.self),
          text.unicodeScalars.count == 1
        {
          decoded = text
          length = candidate
          break
        }
      }
      if let decoded {
        result += decoded
      } else {
        let hex = String(bytes[index], radix: 16, uppercase: true)
        result += "\\x" + (hex.count == 1 ? "0" : "") + hex
      }
      index += length
    }
    return result
  }

  /// True when `path` names standard input.
  public static func isStandardInput(_ path: String) -> Bool {
    path == "-" || path == "/dev/stdin" || path == "/proc/self/fd/0" || path == "/dev/fd/0"
  }
}

/// The state of one collection: identities seen, inputs and exclusions so far.
private struct Walk {
  struct Identity: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  var inputs: [CollectedInput] = []
  var exclusions: [InputExclusion] = []
  var files: [Identity: String] = [:]
  var folders: [Identity: String] = [:]
  var standardInputTaken = false
  /// Folders kept open for their files so far (at most `FolderHandle.maxKept`).
  var keptFolders = 0

  mutating func add(_ path: String) {
    if InputCollector.isStandardInput(path) {
      if standardInputTaken {
        exclusions.append(InputExclusion(path: path, reason: .standardInputAgain))
      } else {
        standardInputTaken = true
        inputs.append(.standardInput)
      }
      return
    }
    let bytes = Array(path.utf8)
    var info = stat()
    guard stat(path, &info) == 0 else {
      let code = errno
      if code == ENOENT || code == ENOTDIR {
        var link = stat()
        if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
          exclusions.append(InputExclusion(path: path, reason: .brokenLink))
          return
        }
        inputs.append(.failure(.notFound(path: path)))
      } else {
        inputs.append(.failure(.unreadable(path: path, reason: Self.reason(code))))
      }
      return
    }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      walkFolder(path: path, bytes: bytes, info: info)
    case S_IFREG:
      addFile(path: path, bytes: bytes, info: info)
    case S_IFIFO:
      // A pipe named on the command line (`<(command)`) is read like standard input would be.
      addFile(path: path, bytes: bytes, info: info)
    case S_IFSOCK:
      inputs.append(.failure(.notAFile(path: path, kind: "a socket")))
    default:
      inputs.append(.failure(.notAFile(path: path, kind: "a device")))
    }
  }

  mutating func addFile(path: String, bytes: [UInt8], info: stat) {
    let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    if let first = files[identity] {
      exclusions.append(InputExclusion(path: path, reason: .sameFile(as: first)))
      return
    }
    files[identity] = path
    inputs.append(
      .file(
        CollectedFile(
          path: path, pathBytes: bytes, device: identity.device, inode: identity.inode,
          size: Int(info.st_size))))
  }

  /// Walks `path` depth first, each folder's entries in byte order, then sorts what it found.
  mutating func walkFolder(path: String, bytes: [UInt8], info: stat) {
    let rootIdentity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    if let first = folders[rootIdentity] {
      exclusions.append(InputExclusion(path: path, reason: .folderAlreadyRead(as: first)))
      return
    }
    folders[rootIdentity] = path
    let rootBytes =
      bytes.last == UInt8(ascii: "/") && bytes.count > 1 ? Array(bytes.dropLast()) : bytes
    // Found entries with their sort key (the path's bytes).
    var found: [(key: [UInt8], input: CollectedInput)] = []
    var pending: [[UInt8]] = [rootBytes]
    while let folder = pending.popLast() {
      let folderPath = InputCollector.displayPath(folder)
      guard let stream = opendir(folder.cString) else {
        let message = Self.reason(errno)
        found.append((folder, .failure(.unreadable(path: folderPath, reason: message))))
        continue
      }
      var names: [[UInt8]] = []
      while let entry = readdir(stream) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          Array(raw.prefix(while: { $0 != 0 }))
        }
        if name == [0x2E] || name == [0x2E, 0x2E] || InputCollector.isSkippedInFolderWalk(name) {
          continue
        }
        names.append(name)
      }
      // Entries are looked up relative to the open folder (`fstatat`), not by their whole
      // path from the root: the same answers as `stat` and `lstat`, without resolving every
      // parent folder again for each file.
      defer { closedir(stream) }
      let folderDescriptor = dirfd(stream)
      names.sort { $0.lexicographicallyPrecedes($1) }
      let lookups = EntryLookup.all(names, in: folderDescriptor)
      var subfolders: [[UInt8]] = []
      // Made when the folder's first regular file is met.
      var handle: FolderHandle?
      var handleTried = false
      for (name, lookup) in zip(names, lookups) {
        let child = folder + [UInt8(ascii: "/")] + name
        let childPath = InputCollector.displayPath(child)
        guard lookup.error == 0 else {
          let code = lookup.error
          if lookup.isLink && (code == ENOENT || code == ENOTDIR) {
            exclusions.append(InputExclusion(path: childPath, reason: .brokenLink))
          } else if code == ELOOP {
            exclusions.append(InputExclusion(path: childPath, reason: .brokenLink))
          } else {
            found.append(
              (child, .failure(.unreadable(path: childPath, reason: Self.reason(code)))))
          }
          continue
        }
        switch lookup.mode & S_IFMT {
        case S_IFDIR:
          let identity = Identity(device: lookup.device, inode: lookup.inode)
          if let first = folders[identity] {
            exclusions.append(
              InputExclusion(path: childPath, reason: .folderAlreadyRead(as: first)))
            continue
          }
          folders[identity] = childPath
          subfolders.append(child)
        case S_IFREG:
          if let reason = lookup.skipReason {
            exclusions.append(InputExclusion(path: childPath, reason: reason))
            continue
          }
          var file = CollectedFile(
            path: childPath, pathBytes: child, device: lookup.device, inode: lookup.inode,
            size: lookup.size)
          if !handleTried {
            handleTried = true
            if keptFolders < FolderHandle.maxKept {
              handle = FolderHandle(duplicating: folderDescriptor)
              if handle != nil { keptFolders += 1 }
            }
          }
          if let handle {
            file.folder = handle
            file.nameStart = folder.count + 1
          }
          found.append((child, .file(file)))
        case S_IFIFO:
          found.append((child, .failure(.notAFile(path: childPath, kind: "a named pipe"))))
        case S_IFSOCK:
          found.append((child, .failure(.notAFile(path: childPath, kind: "a socket"))))
        default:
          found.append((child, .failure(.notAFile(path: childPath, kind: "a device"))))
        }
      }
      // Depth first, in byte order: the first folder popped is the first name.
      pending.append(contentsOf: subfolders.reversed())
    }
    found.sort { $0.key.lexicographicallyPrecedes($1.key) }
    files.reserveCapacity(files.count + found.count)
    var added = 0
    for entry in found {
      switch entry.input {
      case .file(let file):
        let identity = Identity(device: file.device, inode: file.inode)
        if let first = files[identity] {
          exclusions.append(InputExclusion(path: file.path, reason: .sameFile(as: first)))
          continue
        }
        files[identity] = file.path
        inputs.append(entry.input)
        added += 1
      default:
        inputs.append(entry.input)
        added += 1
      }
    }
    if added == 0 && !exclusions.contains(where: { $0.path.hasPrefix(path) }) {
      inputs.append(.failure(.emptyFolder(path: path)))
    }
  }

  static func reason(_ code: Int32) -> String {
    code == EACCES ? "permission denied" : String(cString: strerror(code)).lowercased()
  }
}

/// One folder entry as the walk needs it: what `fstatat` found, following links, and for a
/// regular file why a folder walk skips it.
private struct EntryLookup: Sendable {
  var mode: mode_t = 0
  var device: UInt64 = 0
  var inode: UInt64 = 0
  var size = 0
  /// `errno` when `fstatat` failed, else 0.
  var error: Int32 = 0
  /// After a failure: whether the entry itself is a symbolic link (a broken one).
  var isLink = false
  var skipReason: InputExclusion.Reason?

  /// Looks up `names` in the open folder `descriptor`, in order. A large folder's entries are
  /// looked up on all cores: one `fstatat` after the other was most of the serial start of a
  /// run over 10,000 files.
  static func all(_ names: [[UInt8]], in descriptor: Int32) -> [EntryLookup] {
    let chunks = names.count >= 512 ? 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) : 1
    guard chunks > 1 else { return names.map { EntryLookup($0, in: descriptor) } }
    var lookups = [EntryLookup](repeating: EntryLookup(), count: names.count)
    lookups.withUnsafeMutableBufferPointer { buffer in
      let shared = SharedLookups(buffer: buffer)
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in (names.count * chunk / chunks)..<(names.count * (chunk + 1) / chunks) {
          shared.buffer[index] = EntryLookup(names[index], in: descriptor)
        }
      }
    }
    return lookups
  }

  init() {}

  init(_ name: [UInt8], in descriptor: Int32) {
    let path = name.cString
    var info = stat()
    guard fstatat(descriptor, path, &info, 0) == 0 else {
      error = errno
      var link = stat()
      isLink =
        fstatat(descriptor, path, &link, AT_SYMLINK_NOFOLLOW) == 0
        && (link.st_mode & S_IFMT) == S_IFLNK
      return
    }
    mode = info.st_mode
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int(info.st_size)
    if mode & S_IFMT == S_IFREG {
      skipReason = InputCollector.skipReason(bytes: name)
    }
  }
}

/// Lookups written by concurrent workers, each to its own indices.
private struct SharedLookups: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<EntryLookup>
}

/// `read(2)`, named apart from `InputReader.read`.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}

extension Array where Element == UInt8 {
  /// The bytes with a terminating NUL, as C expects a path.
  var cString: [CChar] { map { CChar(bitPattern: $0) } + [0] }
}

/// Reads a collected input's bytes once, hashing them as they arrive.
public enum InputReader {
  /// The bytes of an input, with their hash.
  public struct Contents: Sendable {
    /// The file's bytes (decompressed for `.gz`).
    public var bytes: [UInt8]
    /// How many bytes were read from the file (before decompressing).
    public var fileSize: Int
    /// The `Fingerprint` asked for of the file's bytes as stored (before decompressing).
    public var hash: UInt64
  }

  /// How `read` hashes the bytes.
  public enum Fingerprint: Sendable {
    /// FNV-1a 64, as `StableHash` and reports' input stamps: one multiply per byte, each
    /// waiting for the last (about a tenth of extracting an HTML page).
    case fnv1a64
    /// A 64-bit hash of eight bytes per step (`InputReader.quickHash`), for finding duplicate
    /// files when no stamp is printed. Not stable across byte orders; never written anywhere.
    case quick
  }

  /// Reads `input` (a file or standard input) with a size limit.
  ///
  /// - Throws: `ExtractionError` naming the path: unreadable, too large, empty, corrupt gzip.
  public static func read(
    _ input: CollectedInput, limit: Int, fingerprint: Fingerprint = .fnv1a64
  ) throws(ExtractionError) -> Contents {
    switch input {
    case .failure(let error): throw error
    case .standardInput:
      return try read(
        descriptor: 0, path: InputCollector.standardInputName, limit: limit,
        fingerprint: fingerprint)
    case .file(let file):
      let descriptor = file.openForReading()
      guard descriptor >= 0 else {
        let code = errno
        if code == ENOENT { throw .notFound(path: file.path) }
        throw .unreadable(path: file.path, reason: Walk.reason(code))
      }
      defer { close(descriptor) }
      let gzip = file.path.lowercased().hasSuffix(".gz")
      // A .gz file may inflate to the limit from much less: read up to the limit and check after.
      if !gzip && file.size > limit {
        throw .tooLarge(path: file.path, size: file.size, limit: limit)
      }
      var contents = try read(
        descriptor: descriptor, path: file.path, limit: limit, expected: file.size,
        fingerprint: fingerprint)
      if gzip {
        contents.bytes = try gunzip(contents.bytes, path: file.path, limit: limit)
        if contents.bytes.isEmpty { throw .emptyFile(path: file.path) }
      }
      return contents
    }
  }

  /// Reads a descriptor to its end (at most `limit` bytes plus one, to detect a larger input),
  /// into one buffer of the expected size when it is known (a regular file's `stat` size).
  static func read(
    descriptor: Int32, path: String, limit: Int, expected: Int = 0,
    fingerprint: Fingerprint = .fnv1a64
  ) throws(ExtractionError) -> Contents {
    var capacity = max(expected + 1, 1 << 12)
    var bytes = [UInt8](repeating: 0, count: capacity)
    var count = 0
    while true {
      if count == capacity {
        if count > limit { throw .tooLarge(path: path, size: count, limit: limit) }
        capacity *= 2
        bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
      }
      let filled = count
      let got = bytes.withUnsafeMutableBytes {
        systemRead(descriptor, $0.baseAddress! + filled, capacity - filled)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: Walk.reason(errno))
      }
      if got == 0 { break }
      count += got
      // A regular file that gave exactly its `stat` size when one byte more was asked for is
      // at its end: the read that would return 0 is skipped (one system call of three per
      // small file). A file grown since gives that byte, and is read on to its end.
      if expected > 0 && count == expected { break }
    }
    if count > limit { throw .tooLarge(path: path, size: count, limit: limit) }
    if count == 0 { throw .emptyFile(path: path) }
    bytes.removeSubrange(count...)
    let hash = bytes.withUnsafeBufferPointer { buffer in
      switch fingerprint {
      case .fnv1a64: fnv1a64(buffer)
      case .quick: quickHash(buffer)
      }
    }
    return Contents(bytes: bytes, fileSize: count, hash: hash)
  }

  /// FNV-1a 64's initial value (`StableHash()`).
  package static let fnvOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// FNV-1a 64 (as `StableHash`) over the buffer, without a generic sequence per byte,
  /// continuing from `hash` (a file read in blocks hashes as if read whole).
  package static func fnv1a64(
    _ buffer: UnsafeBufferPointer<UInt8>, continuing hash: UInt64 = fnvOffsetBasis
  ) -> UInt64 {
    var hash = hash
    for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
    return hash
  }

  /// A 64-bit hash over eight bytes per step: each little-endian word is mixed in with a
  /// multiply and a shift (MurmurHash3's constants), the length and the tail last, then
  /// MurmurHash3's finalizer. A quarter of FNV-1a's time in profiles of `extract`;
  /// collisions between different files are as unlikely as with any 64-bit hash.
  package static func quickHash(_ buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
    let count = buffer.count
    guard let base = buffer.baseAddress else { return hash }
    let raw = UnsafeRawPointer(base)
    var offset = 0
    while offset + 8 <= count {
      let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while offset < count {
      tail |= UInt64(base[offset]) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ tail ^ UInt64(count) << 3) &* 0xC4CE_B9FE_1A85_EC53
    hash ^= hash >> 33
    hash = hash &* 0xFF51_AFD7_ED55_8CCD
    hash ^= hash >> 33
    return hash
  }

  /// Inflates gzip bytes in memory (any number of members), refusing more than `limit`.
  static func gunzip(_ compressed: [UInt8], path: String, limit: Int) throws(ExtractionError)
    -> [UInt8]
  {
    var stream = z_stream()
    // 15 + 32: a 32 KiB window, gzip or zlib header detected automatically.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw .unreadable(path: path, reason: "cannot start gzip decompression") }
    defer { inflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var input = compressed
    var failure: ExtractionError?
    input.withUnsafeMutableBufferPointer { source in
      stream.next_in = source.baseAddress
      stream.avail_in = UInt32(source.count)
      while true {
        let status = chunk.withUnsafeMutableBufferPointer { target in
          stream.next_out = target.baseAddress
          stream.avail_out = UInt32(target.count)
          return inflate(&stream, Z_NO_FLUSH)
        }
        output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
        if output.count > limit {
          failure = .tooLarge(path: path, size: output.count, limit: limit)
          return
        }
        if status == Z_STREAM_END {
          // Another gzip member may follow (as `gzip -c a b > c` writes).
          guard stream.avail_in > 0 else { return }
          inflateReset(&stream)
          continue
        }
        if status != Z_OK {
          failure = .unreadable(path: path, reason: "corrupt gzip data")
          return
        }
        if stream.avail_in == 0 && stream.avail_out > 0 {
          failure = .unreadable(path: path, reason: "corrupt gzip data (truncated)")
          return
        }
      }
    }
    if let failure { throw failure }
    return output
  }
}

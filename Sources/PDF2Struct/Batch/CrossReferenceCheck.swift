import Foundation

/// Checks a PDF's own cross-reference pointers, without poppler: the last `startxref` must
/// point at an `xref` table or an xref stream object, every in-use entry of a classic table at
/// the object it names, and each `/Prev` at an earlier section. Poppler quietly rebuilds a
/// broken table by scanning the whole file, and the conversion then goes on; this check lets
/// the output say so in `diagnostics` (code `xref_repaired`), since objects may then be missing
/// or stale. Reads at most `maxEntries` entries and `maxSections` sections, so hostile tables
/// cost bounded time.
public struct CrossReferenceCheck: Sendable {
    public static let diagnosticCode = "xref_repaired"

    /// At most this many table entries are checked (the rest are assumed sound).
    public var maxEntries = 1_000_000
    /// At most this many sections are followed through `/Prev`.
    public var maxSections = 64

    public init() {}

    /// The diagnostic to record when the pointers are broken, nil when they are sound.
    public func diagnostic(for data: Data, part: Int) -> Diagnostic? {
        problem(in: data).map {
            Diagnostic(code: Self.diagnosticCode,
                       message: "damaged cross-reference table (\($0)); poppler rebuilt it by scanning the file, so text may be missing",
                       part: part)
        }
    }

    /// What is wrong with the pointers, or nil when they are sound.
    public func problem(in data: Data) -> String? {
        data.withUnsafeBytes { raw -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            var scanner = Scanner(bytes: bytes)
            guard let keyword = scanner.lastIndex(of: "startxref", within: 4096) else { return "no startxref at the end of the file" }
            scanner.position = keyword + 9
            guard var offset = scanner.integer() else { return "startxref gives no offset" }
            var budget = maxEntries
            var visited = Set<Int>()
            for _ in 0..<maxSections {
                guard visited.insert(offset).inserted else { return "the /Prev chain loops at byte \(offset)" }
                guard offset >= 0, offset < bytes.count else {
                    return "a cross-reference offset (\(offset)) lies beyond the end of the file (\(bytes.count) bytes)"
                }
                scanner.position = offset
                scanner.skipWhitespace()
                if scanner.consume("xref") {
                    if let problem = checkTable(&scanner, budget: &budget) { return problem }
                    guard let trailer = scanner.index(of: "trailer", within: 64),
                          let previous = scanner.dictionaryInteger("/Prev", from: trailer) else { return nil }
                    offset = previous
                } else if let object = scanner.objectHeader() {
                    guard scanner.index(of: "/XRef", within: 4096) != nil else {
                        return "startxref points at object \(object.number), which is not a cross-reference stream"
                    }
                    guard let previous = scanner.dictionaryInteger("/Prev", from: offset) else { return nil }
                    offset = previous
                } else {
                    return "no cross-reference table at byte \(offset)"
                }
            }
            return nil
        }
    }

    private func checkTable(_ scanner: inout Scanner, budget: inout Int) -> String? {
        while true {
            scanner.skipWhitespace()
            if scanner.peek("trailer") { return nil }
            guard let first = scanner.integer(), let count = scanner.integer(), first >= 0, count >= 0 else {
                return "malformed cross-reference subsection at byte \(scanner.position)"
            }
            for number in first..<(first + count) {
                guard let entryOffset = scanner.integer(), let generation = scanner.integer() else {
                    return "malformed cross-reference entry for object \(number)"
                }
                scanner.skipWhitespace()
                guard let type = scanner.next(), type == UInt8(ascii: "n") || type == UInt8(ascii: "f") else {
                    return "malformed cross-reference entry for object \(number)"
                }
                guard type == UInt8(ascii: "n"), entryOffset > 0, budget > 0 else { continue }
                budget -= 1
                var probe = Scanner(bytes: scanner.bytes, position: entryOffset)
                guard let header = probe.objectHeader(), header.number == number, header.generation == generation else {
                    return "the entry for object \(number) points at byte \(entryOffset), where that object is not"
                }
            }
        }
    }
}

/// A cursor over the bytes of a PDF, with the few token readers the cross-reference check needs.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0x00
    }

    mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    mutating func next() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    func peek(_ word: String) -> Bool {
        let utf8 = Array(word.utf8)
        guard position + utf8.count <= bytes.count else { return false }
        return (0..<utf8.count).allSatisfy { bytes[position + $0] == utf8[$0] }
    }

    mutating func consume(_ word: String) -> Bool {
        guard peek(word) else { return false }
        position += word.utf8.count
        return true
    }

    /// A non-negative decimal integer after optional whitespace (at most 18 digits).
    mutating func integer() -> Int? {
        skipWhitespace()
        var value = 0
        var digits = 0
        while position < bytes.count, (48...57).contains(bytes[position]), digits < 18 {
            value = value * 10 + Int(bytes[position] - 48)
            position += 1
            digits += 1
        }
        return digits > 0 ? value : nil
    }

    /// `N G obj` at the cursor (after at most a few bytes of whitespace).
    mutating func objectHeader() -> (number: Int, generation: Int)? {
        let start = position
        skipWhitespace()
        guard position - start <= 4, let number = integer(), let generation = integer() else { return nil }
        skipWhitespace()
        return consume("obj") ? (number, generation) : nil
    }

    /// The start of the last occurrence of `word` in the final `window` bytes.
    func lastIndex(of word: String, within window: Int) -> Int? {
        let utf8 = Array(word.utf8)
        guard bytes.count >= utf8.count else { return nil }
        var start = bytes.count - utf8.count
        let stop = max(0, bytes.count - window)
        while start >= stop {
            if (0..<utf8.count).allSatisfy({ bytes[start + $0] == utf8[$0] }) { return start }
            start -= 1
        }
        return nil
    }

    /// The start of the first occurrence of `word` within `window` bytes from the cursor.
    func index(of word: String, within window: Int) -> Int? {
        let utf8 = Array(word.utf8)
        var start = position
        while start + utf8.count <= min(bytes.count, position + window) {
            if (0..<utf8.count).allSatisfy({ bytes[start + $0] == utf8[$0] }) { return start }
            start += 1
        }
        return nil
    }

    /// The integer after `key` in the dictionary that starts at `from`, searched up to the
    /// next `stream` or `startxref` keyword and at most 4 KB, or nil.
    func dictionaryInteger(_ key: String, from: Int) -> Int? {
        var probe = Scanner(bytes: bytes, position: from)
        let ends = ["stream", "startxref"].compactMap { probe.index(of: $0, within: 4096) }
        let end = ends.min() ?? min(bytes.count, from + 4096)
        guard let found = probe.index(of: key, within: end - from), found < end else { return nil }
        probe.position = found + key.utf8.count
        return probe.integer()
    }
}

/// UTF-8 output under construction: pieces are copied into one growing byte array and the
/// result is handed over once, at the end, instead of through many small concatenations.
/// Room is made ahead of writing in steps of at most `growthStep` bytes (zeroed, so touched),
/// and writes go straight into it, so a small piece costs a bounds check and a copy rather
/// than an array append each. Room reserved beyond that is not touched, so it costs no
/// resident memory until it is used. Invariant: `count <= bytes.count`.
struct TextBuffer {
    /// The written bytes are `bytes[..<count]`; the rest is room made ahead.
    private var bytes: [UInt8]
    private(set) var count = 0
    private static let minimumCapacity = 256
    /// Pieces up to this many bytes are copied byte by byte.
    private static let shortPiece = 16
    /// The most room made ahead at a time.
    private static let growthStep = 1 << 16

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(max(capacity, Self.minimumCapacity))
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written; the buffer is left empty.
    mutating func takeBytes() -> [UInt8] {
        bytes.removeLast(bytes.count - count)
        var taken: [UInt8] = []
        swap(&taken, &bytes)
        count = 0
        return taken
    }

    /// The bytes as text; they are valid UTF-8 as long as only whole characters were appended.
    var text: String { String(decoding: bytes[..<count], as: UTF8.self) }

    /// Makes room for at least `needed` more bytes: the reserved capacity left, up to a step.
    @inline(never)
    private mutating func makeRoom(_ needed: Int) {
        bytes.append(contentsOf: repeatElement(0, count: max(needed, min(Self.growthStep, bytes.capacity - bytes.count))))
    }

    mutating func append(_ byte: UInt8) {
        if count == bytes.count { makeRoom(1) }
        bytes[count] = byte
        count += 1
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        let length = run.count
        guard length > 0 else { return }
        if bytes.count - count < length { makeRoom(length) }
        let start = count
        bytes.withUnsafeMutableBufferPointer { target in
            let destination = target.baseAddress! + start
            // Most pieces are a few bytes (a key's end, an indent, a digit group): a loop
            // copies them faster than a call to memmove.
            if length <= Self.shortPiece {
                for offset in 0..<length { destination[offset] = run[offset] }
            } else {
                destination.update(from: run.baseAddress!, count: length)
            }
        }
        count += length
    }

    mutating func append(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        append(UnsafeBufferPointer(rebasing: run))
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ text: Substring) {
        var text = text
        text.withUTF8 { append($0) }
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    /// Appends `value` in decimal.
    mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        append(digitsOf: value.magnitude, minimumCount: 1)
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `minimumCount` digits.
    mutating func append(digitsOf value: UInt, minimumCount: Int) {
        var length = 1
        var shifted = value / 10
        while shifted != 0 {
            length += 1
            shifted /= 10
        }
        length = max(length, minimumCount)
        if bytes.count - count < length { makeRoom(length) }
        let end = count + length
        bytes.withUnsafeMutableBufferPointer { target in
            var rest = value
            var index = end
            while index > end - length {
                index -= 1
                target[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
        }
        count = end
    }
}

/// UTF-8 output under construction: pieces are copied into one growing byte array and the
/// result is handed over once, at the end, instead of through many small concatenations.
struct TextBuffer {
    /// Always fully allocated; only the first `count` bytes are written.
    private var storage: [UInt8]
    private(set) var count = 0
    private static let minimumCapacity = 256

    init(capacity: Int = 0) {
        storage = [UInt8](repeating: 0, count: max(capacity, Self.minimumCapacity))
    }

    var isEmpty: Bool { count == 0 }

    /// The bytes written; the buffer is left empty.
    mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &storage)
        taken.removeSubrange(count...)
        count = 0
        return taken
    }

    /// The bytes as text; they are valid UTF-8 as long as only whole characters were appended.
    var text: String { storage.withUnsafeBufferPointer { String(decoding: $0[..<count], as: UTF8.self) } }

    mutating func append(_ byte: UInt8) {
        reserve(1)
        storage.withUnsafeMutableBufferPointer { $0[count] = byte }
        count += 1
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard let source = run.baseAddress else { return }
        reserve(run.count)
        storage.withUnsafeMutableBufferPointer { target in
            (target.baseAddress! + count).update(from: source, count: run.count)
        }
        count += run.count
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
        reserve(length)
        storage.withUnsafeMutableBufferPointer { target in
            var rest = value
            for index in (count..<count + length).reversed() {
                target[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
        }
        count += length
    }

    /// Makes room for `extra` more bytes, doubling the storage when it is full.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > storage.count { grow(toHold: count + extra) }
    }

    private mutating func grow(toHold needed: Int) {
        storage.append(contentsOf: repeatElement(0, count: max(needed, 2 * storage.count) - storage.count))
    }
}

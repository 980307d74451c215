/// UTF-8 output under construction: pieces are copied into one growing byte array and the
/// result is handed over once, at the end, instead of through many small concatenations.
/// Only written bytes are ever touched: room reserved ahead is not filled, so it costs no
/// resident memory until it is used.
struct TextBuffer {
    private var storage: [UInt8]
    var count: Int { storage.count }
    private static let minimumCapacity = 256

    init(capacity: Int = 0) {
        storage = []
        storage.reserveCapacity(max(capacity, Self.minimumCapacity))
    }

    var isEmpty: Bool { storage.isEmpty }

    /// The bytes written; the buffer is left empty.
    mutating func takeBytes() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &storage)
        return taken
    }

    /// The bytes as text; they are valid UTF-8 as long as only whole characters were appended.
    var text: String { String(decoding: storage, as: UTF8.self) }

    mutating func append(_ byte: UInt8) {
        storage.append(byte)
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        storage.append(contentsOf: run)
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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { digits in
            var rest = value
            for index in (0..<length).reversed() {
                digits[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            append(UnsafeBufferPointer(digits))
        }
    }
}

/// UTF-8 output under construction: pieces are appended as bytes (in bulk where possible) and
/// the text becomes a `String` once, at the end, instead of through many small concatenations.
struct TextBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { bytes.isEmpty }

    var count: Int { bytes.count }

    mutating func append(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ text: Substring) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        if run.count <= Self.shortRun {
            for byte in run { bytes.append(byte) }
        } else {
            bytes.append(contentsOf: run)
        }
    }

    mutating func append(_ run: Slice<UnsafeBufferPointer<UInt8>>) {
        append(UnsafeBufferPointer(rebasing: run))
    }

    /// Up to this length a run is appended byte by byte, which costs less than a bulk append's set-up.
    private static let shortRun = 8

    /// Appends `value` in decimal.
    mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        append(digitsOf: value.magnitude, minimumCount: 1)
    }

    /// Appends the decimal digits of `value`, left-padded with zeros to `minimumCount` digits.
    mutating func append(digitsOf value: UInt, minimumCount: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)   // room for the 20 digits of UInt.max
        withUnsafeMutableBytes(of: &digits) { raw in
            var rest = value
            var index = raw.count
            repeat {
                index -= 1
                raw[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0 || raw.count - index < minimumCount
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index...]))
        }
    }

    /// The bytes as text; they are valid UTF-8 as long as only whole characters were appended.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

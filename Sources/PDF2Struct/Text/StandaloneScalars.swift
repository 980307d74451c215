/// Scalars that always make up a `Character` on their own: no grapheme-cluster rule joins
/// them to a neighbour (ASCII except CR, Latin-1 and Latin Extended letters and signs, general
/// punctuation, currency signs, geometric shapes, the Latin ligatures). In a text made only of
/// them, characters and scalars coincide one to one, so a scan over scalars gives exactly the
/// answers of the `Character`-level code; any other text keeps to that code.
enum StandaloneScalars {
    /// Non-ASCII ranges of standalone scalars. Left out on purpose: U+00AD (a control for
    /// grapheme breaking), combining marks, format characters, joiners, Hangul, regional
    /// indicators, scalars with singleton canonical decompositions (Greek ano teleia, Kelvin…).
    private static let ranges: [ClosedRange<UInt32>] = [
        0x00A0...0x00AC, 0x00AE...0x02FF, 0x2010...0x2027, 0x2030...0x205E,
        0x20A0...0x20C0, 0x25A0...0x25FF, 0xFB00...0xFB06, 0xFFFD...0xFFFD,
    ]

    /// True when `scalar` always stands as a character of its own.
    @inline(__always)
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value != 0x0D }
        return isStandaloneNonASCII(value)
    }

    private static func isStandaloneNonASCII(_ value: UInt32) -> Bool {
        for range in ranges where range.contains(value) { return true }
        return false
    }

    /// Runs `body` on the UTF-8 bytes of `text` when all its scalars are standalone, else
    /// returns nil.
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes -> Result? in
            guard holds(in: bytes) else { return nil }
            return body(bytes)
        } ?? nil
    }

    /// True when every scalar of the UTF-8 `bytes` is standalone.
    static func holds(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte < 0x80 {
                if byte == 0x0D { return false }
                offset += 1
                continue
            }
            let (scalar, length) = bytes.scalar(at: offset)
            guard isStandaloneNonASCII(scalar.value) else { return false }
            offset += length
        }
        return true
    }
}

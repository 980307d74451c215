/// Reading Unicode scalars straight out of a string's UTF-8 bytes (always valid UTF-8), for
/// scans that would be slow over `Character`s or through Foundation.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The scalar whose encoding starts at `offset`, and the number of bytes it takes.
    @inline(__always)
    func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(self[offset])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(self[offset + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(self[offset + 1] & 0x3F) << 6 | UInt32(self[offset + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(self[offset + 1] & 0x3F) << 12
                | UInt32(self[offset + 2] & 0x3F) << 6 | UInt32(self[offset + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value)!, length)
    }

    /// The offset where the scalar ending just before `offset` starts.
    @inline(__always)
    func scalarStart(before offset: Int) -> Int {
        var start = offset - 1
        while self[start] & 0xC0 == 0x80 { start -= 1 }
        return start
    }

    /// True when every byte in `range` is ASCII.
    @inline(__always)
    func isASCII(_ range: Range<Int>) -> Bool {
        for offset in range where self[offset] >= 0x80 { return false }
        return true
    }

    /// A string of the bytes in `range`.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[range]), as: UTF8.self)
    }

    /// The bytes in `range` as a string, ASCII capitals made small (the range must be ASCII).
    func lowercasedASCII(_ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
            var index = 0
            for offset in range {
                let byte = self[offset]
                out[index] = byte.lowercasedASCII
                index += 1
            }
            return index
        }
    }
}

extension String {
    /// True when every UTF-8 byte is ASCII; read eight bytes at a time from the string's
    /// contiguous storage (a walk through `utf8` costs several instructions a byte).
    var isAllASCII: Bool {
        utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var offset = 0
            while offset + 8 <= bytes.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                offset += 8
            }
            while offset < bytes.count {
                if bytes[offset] >= 0x80 { return false }
                offset += 1
            }
            return true
        } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}

extension UInt8 {
    /// True for the UTF-8 (ASCII) bytes of `0` to `9`: the digit test of the byte-level paths.
    var isASCIIDigit: Bool { self &- UInt8(ascii: "0") < 10 }

    /// True for printable ASCII, space (0x20) to `~` (0x7E): the bytes the hand matchers decide
    /// by themselves, leaving any other text to the general code.
    var isPrintableASCII: Bool { self &- 0x20 < 0x5F }

    /// The byte with ASCII `A`–`Z` lowered to `a`–`z`; any other byte as it is.
    var lowercasedASCII: UInt8 { self &- 0x41 < 26 ? self | 0x20 : self }
}

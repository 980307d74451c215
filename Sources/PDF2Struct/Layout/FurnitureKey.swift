/// `RunningHeaderDetector.key` worked out over the bytes of text that is all printable ASCII
/// (nearly every header and footer): there case folding is the ASCII one, the only white
/// space is the space and Unicode's punctuation is a fixed set of bytes. `nil` for any other
/// text, which the general form handles.
enum FurnitureKey {
    static func ascii(_ text: String) -> String? {
        var lowered: [UInt8] = []
        lowered.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard byte.isPrintableASCII else { return nil }
            lowered.append(byte.lowercasedASCII)
        }
        var words: [Range<Int>] = []
        var start: Int? = nil
        for index in 0...lowered.count {
            let isSpace = index == lowered.count || lowered[index] == 0x20
            if isSpace, let s = start {
                words.append(s..<index)
                start = nil
            } else if !isSpace, start == nil {
                start = index
            }
        }
        var key: [UInt8] = []
        key.reserveCapacity(lowered.count)
        for (index, word) in words.enumerated() {
            if index > 0 { key.append(0x20) }
            if (index < 2 || index >= words.count - 2) && isPageNumber(lowered[word]) {
                key.append(0x23)
            } else {
                key.append(contentsOf: lowered[word])
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The word without its leading and trailing punctuation is all digits, or one to six of
    /// `ivxlcdm`.
    private static func isPageNumber(_ word: ArraySlice<UInt8>) -> Bool {
        var core = word
        while let first = core.first, isPunctuation(first) { core.removeFirst() }
        while let last = core.last, isPunctuation(last) { core.removeLast() }
        guard !core.isEmpty else { return false }
        if core.allSatisfy(\.isASCIIDigit) { return true }
        return core.count <= 6 && core.allSatisfy { "ivxlcdm".utf8.contains($0) }
    }

    /// Unicode general category P (punctuation) within ASCII: ``!"#%&'()*,-./:;?@[\]_{}``.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
        default: return false
        }
    }
}

/// `RunningHeaderDetector.words` worked out over the bytes of printable-ASCII text: there the
/// letters are `A`–`Z` and `a`–`z`, lower-casing is the ASCII one and a word's characters are
/// its bytes. `nil` for any other text, which the general form handles.
enum FurnitureWords {
    static func ascii(_ text: String) -> [String]? {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in text.utf8 {
            guard byte.isPrintableASCII else { return nil }
            let lowered = byte.lowercasedASCII
            if lowered >= 0x61 && lowered <= 0x7A {
                word.append(lowered)
            } else {
                if word.count >= 4 { words.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if word.count >= 4 { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}

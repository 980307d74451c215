import Foundation

/// Recognises the marker that opens a list item: a bullet glyph, or an enumerator such as
/// `3.`, `3)`, `(c)`, `c.`, `iv.`, `B)`. A capital with a full stop (`A. Q. Khan`) is an
/// initial, not a marker. Returns the marker and the text after it.
public enum ListItemMarker {
    private static let bullets: Set<Character> = ["•", "◦", "▪", "▫", "‣", "●", "○", "■", "□", "–", "—", "-", "*", "·", "➢", "✓"]
    /// What an enumerator is; `asciiEnumerator` decides it by hand for printable ASCII text.
    static let enumerator = try! NSRegularExpression(
        pattern: #"^(\(?([0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]|\(?[A-Z]\))\s+(\S.*)$"#)

    /// `(marker, rest)` when `text` opens with a list marker, else nil.
    public static func split(_ text: String) -> (marker: ListMarker, rest: String)? {
        if !opensWithPlainASCII(text) {
            guard let first = text.first else { return nil }
            if bullets.contains(first) {
                let rest = text.dropFirst().drop(while: \.isWhitespace)
                guard !rest.isEmpty, text.dropFirst().first?.isWhitespace == true || first == "•" || first == "▪" else { return nil }
                return (.bullet, String(rest))
            }
        }
        guard mayOpenWithEnumerator(text) else { return nil }
        if let decided = asciiEnumerator(text) {
            return decided.map { (.ordered($0.label), $0.rest) }
        }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = enumerator.firstMatch(in: text, range: range),
              let label = Range(match.range(at: 1), in: text), let rest = Range(match.range(at: 3), in: text) else { return nil }
        return (.ordered(String(text[label])), String(text[rest]))
    }

    /// `enumerator` decided by hand for text of printable ASCII only (nil for any other text):
    /// there the only space is U+0020 and no character ends a line, so the text matches when an
    /// enumerator it opens with is followed by spaces and then anything else; the label runs to
    /// the enumerator's end and the rest from the first character after the spaces. At most one
    /// enumerator end can be followed by a space, since an enumerator holds none. `.some(nil)`
    /// means no match.
    static func asciiEnumerator(_ text: String) -> (label: String, rest: String)?? {
        var copy = text
        return copy.withUTF8 { bytes -> (label: String, rest: String)?? in
            guard bytes.allSatisfy(\.isPrintableASCII) else { return nil }
            for end in enumeratorEnds(bytes) where end < bytes.count && bytes[end] == 0x20 {
                var restStart = end
                while restStart < bytes.count, bytes[restStart] == 0x20 { restStart += 1 }
                guard restStart < bytes.count else { return .some(nil) }
                return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self),
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[restStart...]), as: UTF8.self))
            }
            return .some(nil)
        }
    }

    /// True when the first character is an ASCII one that is no bullet (`-` and `*` are): an
    /// ASCII byte followed by another (or by nothing) is a character of its own.
    private static func opensWithPlainASCII(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let lead = bytes.next(), lead < 0x80, lead != UInt8(ascii: "-"), lead != UInt8(ascii: "*") else { return false }
        return (bytes.next() ?? 0) < 0x80
    }

    /// False when `text` cannot match `enumerator`, judged from its first bytes: no enumerator
    /// opens it, or every one is followed by a printable ASCII character (never whitespace).
    /// True when it may match; only the expression can tell then.
    private static func mayOpenWithEnumerator(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            enumeratorEnds(bytes).contains { end in
                end < bytes.count && !(0x21...0x7E).contains(bytes[end])
            }
        } ?? true
    }

    /// Offsets just past each enumerator (`3.`, `(12)`, `c.`, `(iv)`, `B)`) `bytes` opens with.
    private static func enumeratorEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        func byte(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }
        func closes(_ i: Int) -> Bool { byte(i) == UInt8(ascii: ".") || byte(i) == UInt8(ascii: ")") }
        func isDigit(_ i: Int) -> Bool { byte(i).isASCIIDigit }
        func isRoman(_ i: Int) -> Bool { [UInt8(ascii: "i"), UInt8(ascii: "v"), UInt8(ascii: "x")].contains(byte(i)) }
        let start = byte(0) == UInt8(ascii: "(") ? 1 : 0
        var ends: [Int] = []
        if isDigit(start) {
            let end = isDigit(start + 1) ? start + 2 : start + 1
            if closes(end) { ends.append(end + 1) }
        }
        if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte(start)) && closes(start + 1) { ends.append(start + 2) }
        var romans = 0
        while romans < 4 && isRoman(start + romans) {
            romans += 1
            if closes(start + romans) { ends.append(start + romans + 1) }
        }
        if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte(start)) && byte(start + 1) == UInt8(ascii: ")") {
            ends.append(start + 2)
        }
        return ends
    }
}

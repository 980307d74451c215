import Foundation

/// Normalises extracted text: ligatures (U+FB00–FB06) expanded, soft hyphens and zero-width
/// characters removed, Unicode NFC. Curly quotes and dashes are kept as printed.
public enum TextNormalizer {
    private static let ligatures: [Unicode.Scalar: String] = [
        "\u{FB00}": "ff", "\u{FB01}": "fi", "\u{FB02}": "fl", "\u{FB03}": "ffi",
        "\u{FB04}": "ffl", "\u{FB05}": "st", "\u{FB06}": "st",
    ]
    private static let invisible: Set<Unicode.Scalar> = ["\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}"]

    /// The normalised form of one run of text (no whitespace handling).
    public static func normalize(_ text: String) -> String {
        // ASCII has no ligatures or invisible characters and is NFC already.
        if text.isAllASCII { return text }
        let result = needsMapping(text) ? mapped(text) : text
        // Below U+0300 every code point is NFC_Quick_Check=Yes: such text is already NFC, and
        // the Foundation round trip cost more than the rest of the normaliser.
        if result.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return result }
        return result.precomposedStringWithCanonicalMapping
    }

    /// The smallest scalar that `ligatures` or `invisible` hold.
    private static let firstMapped: UInt32 = min(ligatures.keys.map(\.value).min()!, invisible.map(\.value).min()!)

    private static func needsMapping(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value >= firstMapped && (ligatures[$0] != nil || invisible.contains($0)) }
    }

    private static func mapped(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let expansion = ligatures[scalar] {
                out.append(contentsOf: expansion.unicodeScalars)
            } else if !invisible.contains(scalar) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    public static func collapseWhitespace(_ text: String) -> String {
        if let collapsed = StandaloneScalars.withBytes(of: text, { isCollapsed($0) ? text : collapsed($0) }) {
            return collapsed
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True when the only whitespace of a text of standalone scalars is single plain spaces
    /// between words, so collapsing changes nothing.
    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let whitespace = ScalarTest.whitespace
        var offset = 0
        while offset < bytes.count {
            let (scalar, length) = bytes.scalar(at: offset)
            if whitespace(scalar) {
                guard scalar == " ", offset > 0, bytes[offset - 1] != 0x20, offset + 1 < bytes.count else { return false }
            }
            offset += length
        }
        return true
    }

    /// The words of a text of standalone scalars (one character each) joined by single spaces.
    private static func collapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let whitespace = ScalarTest.whitespace
        return String(unsafeUninitializedCapacity: bytes.count) { out in
            var count = 0
            var pendingSpace = false
            var offset = 0
            while offset < bytes.count {
                let (scalar, length) = bytes.scalar(at: offset)
                if whitespace(scalar) {
                    pendingSpace = count > 0
                } else {
                    if pendingSpace {
                        out[count] = 0x20
                        count += 1
                        pendingSpace = false
                    }
                    for index in offset..<offset + length {
                        out[count] = bytes[index]
                        count += 1
                    }
                }
                offset += length
            }
            return count
        }
    }
}

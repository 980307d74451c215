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
        var out = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            if let expansion = ligatures[scalar] {
                out.append(contentsOf: expansion.unicodeScalars)
                changed = true
            } else if invisible.contains(scalar) {
                changed = true
            } else {
                out.append(scalar)
            }
        }
        let result = changed ? String(out) : text
        // Below U+0300 every code point is NFC_Quick_Check=Yes: such text is already NFC, and
        // the Foundation round trip cost more than the rest of the normaliser.
        if result.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return result }
        return result.precomposedStringWithCanonicalMapping
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    public static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

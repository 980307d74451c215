import Foundation

/// Recognises the marker that opens a list item: a bullet glyph, or an enumerator such as
/// `3.`, `3)`, `(c)`, `c.`, `iv.`, `B)`. A capital with a full stop (`A. Q. Khan`) is an
/// initial, not a marker. Returns the marker and the text after it.
public enum ListItemMarker {
    private static let bullets: Set<Character> = ["•", "◦", "▪", "▫", "‣", "●", "○", "■", "□", "–", "—", "-", "*", "·", "➢", "✓"]
    private static let enumerator = try! NSRegularExpression(
        pattern: #"^(\(?([0-9]{1,2}|[a-z]|[ivx]{1,4})[.)]|\(?[A-Z]\))\s+(\S.*)$"#)

    /// `(marker, rest)` when `text` opens with a list marker, else nil.
    public static func split(_ text: String) -> (marker: ListMarker, rest: String)? {
        guard let first = text.first else { return nil }
        if bullets.contains(first) {
            let rest = text.dropFirst().drop(while: \.isWhitespace)
            guard !rest.isEmpty, text.dropFirst().first?.isWhitespace == true || first == "•" || first == "▪" else { return nil }
            return (.bullet, String(rest))
        }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = enumerator.firstMatch(in: text, range: range),
              let label = Range(match.range(at: 1), in: text), let rest = Range(match.range(at: 3), in: text) else { return nil }
        return (.ordered(String(text[label])), String(text[rest]))
    }
}

import Foundation

/// Tells which raised runs are note markers and splits them into labels: `3`, `12`, `a`, `iv`,
/// `*`, `†`, `‡`, also lists such as `3,4` or `5–7`. Raised text that is not a label (the `th`
/// of `20th`) is not a marker.
public enum NoteMarkerText {
    private static let superscriptDigits: [Unicode.Scalar: Character] = [
        "\u{2070}": "0", "\u{00B9}": "1", "\u{00B2}": "2", "\u{00B3}": "3", "\u{2074}": "4",
        "\u{2075}": "5", "\u{2076}": "6", "\u{2077}": "7", "\u{2078}": "8", "\u{2079}": "9",
    ]
    private static let label = try! NSRegularExpression(
        pattern: #"^([0-9]{1,3}|[a-z]|[ivx]{1,5}|[*∗†‡§¶#]{1,3})$"#, options: [])

    /// The labels a raised run stands for, or nil when it is not a marker.
    public static func labels(in raised: String) -> [String]? {
        if isPlainToken(raised) { return isPlainLabel(raised) ? [raised] : nil }
        let plain = String(raised.map { ch -> Character in
            if let s = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, let d = superscriptDigits[s] { return d }
            return ch
        }).trimmingCharacters(in: CharacterSet(charactersIn: "()[].,; "))
        guard !plain.isEmpty else { return nil }
        let parts = plain.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
        var result: [String] = []
        for part in parts {
            if let range = expandRange(part) {
                result.append(contentsOf: range)
            } else if isLabel(part) {
                result.append(part)
            } else {
                return nil
            }
        }
        return result.isEmpty ? nil : result
    }

    /// True when `text` is one note label.
    public static func isLabel(_ text: String) -> Bool {
        label.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// True when `text` is made only of ASCII digits, small letters, `*` and `#` (as most
    /// markers are): then there is nothing to map, trim or split, and it is one label or none.
    private static func isPlainToken(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { byte in
            byte &- UInt8(ascii: "0") < 10 || byte &- UInt8(ascii: "a") < 26 || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "#")
        }
    }

    /// `isLabel` for a plain token, without the regex: up to three digits, one letter, up to
    /// five of `i`, `v`, `x`, or up to three of `*`, `#`.
    private static func isPlainLabel(_ token: String) -> Bool {
        let bytes = token.utf8
        func all(_ test: (UInt8) -> Bool) -> Bool { bytes.allSatisfy(test) }
        switch bytes.count {
        case 1: return true  // a digit, a letter, `*` or `#`
        case 2, 3: return all { $0 &- UInt8(ascii: "0") < 10 } || all { "ivx".utf8.contains($0) } || all { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "#") }
        case 4, 5: return all { "ivx".utf8.contains($0) }
        default: return false
        }
    }

    /// `5–7` → 5, 6, 7 (at most 20 labels).
    private static func expandRange(_ text: String) -> [String]? {
        let ends = text.split(whereSeparator: { "-–".contains($0) })
        guard ends.count == 2, let a = Int(ends[0]), let b = Int(ends[1]), a < b, b - a < 20 else { return nil }
        return (a...b).map(String.init)
    }
}

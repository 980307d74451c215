import Foundation

/// The numbering that opens a heading, and the level it implies: `1.` or `1` → 1, `1.1` → 2,
/// `1.1.1` → 3; `Part I`, `Chapter 3`, `I.` → 1; `A.` → 2; `(a)`, `(1)` → 3.
public enum HeadingNumbering {
    private static let families: [(NSRegularExpression, @Sendable (String) -> Int)] = [
        (try! NSRegularExpression(pattern: #"^(part|chapter|section)\s+([0-9]+|[ivxlc]+)\b"#, options: .caseInsensitive), { _ in 1 }),
        (try! NSRegularExpression(pattern: #"^([0-9]{1,2}(\.[0-9]{1,2}){0,3})\.?(\s|$)"#), { number in
            number.split(separator: ".").count }),
        (try! NSRegularExpression(pattern: #"^([IVXLC]{1,6})\.(\s|$)"#), { _ in 1 }),
        (try! NSRegularExpression(pattern: #"^([A-H])\.(\s|$)"#), { _ in 2 }),
        (try! NSRegularExpression(pattern: #"^(\([a-z]\))(\s|$)"#), { _ in 3 }),
        (try! NSRegularExpression(pattern: #"^(\([0-9]{1,2}\))(\s|$)"#), { _ in 3 }),
    ]

    /// The level implied by the heading's numbering, or nil when it is not numbered.
    public static func level(of text: String) -> Int? {
        guard mayBeNumbered(text) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        for (pattern, level) in families {
            guard let match = pattern.firstMatch(in: text, range: range) else { continue }
            let captured = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            let trimmed = captured.hasSuffix(".") ? String(captured.dropLast()) : captured
            return min(6, level(trimmed))
        }
        return nil
    }

    /// False when the first character rules out every family: an ASCII character none of them
    /// opens with (a digit, `(`, a capital numeral or letter `A`–`H`, or a letter of `part`,
    /// `chapter`, `section` in either case). Anything else may match.
    private static func mayBeNumbered(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        guard first < 0x80 else { return true }
        switch first {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "("), UInt8(ascii: "A")...UInt8(ascii: "H"),
             UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"),
             UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "c"), UInt8(ascii: "s"), UInt8(ascii: "S"):
            return true
        default:
            return false
        }
    }
}

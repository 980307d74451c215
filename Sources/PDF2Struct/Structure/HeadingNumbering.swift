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
        let range = NSRange(text.startIndex..., in: text)
        for (pattern, level) in families {
            guard let match = pattern.firstMatch(in: text, range: range) else { continue }
            let captured = Range(match.range(at: 1), in: text).map { String(text[$0]) } ?? ""
            let trimmed = captured.hasSuffix(".") ? String(captured.dropLast()) : captured
            return min(6, level(trimmed))
        }
        return nil
    }
}

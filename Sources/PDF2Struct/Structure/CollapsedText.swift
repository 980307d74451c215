/// The body text of lines joined by single spaces with every run of whitespace collapsed to
/// one space and the ends trimmed: what `Unit.plainText` gives and headings are judged by.
enum CollapsedText {
    static func of(_ lines: [Line]) -> String {
        standalone(lines) ?? TextNormalizer.collapseWhitespace(lines.map(\.bodyText).joined(separator: " "))
    }

    /// The same text built scalar by scalar, or nil when a line holds a scalar that may join
    /// a neighbour into one character (see `StandaloneScalar`).
    private static func standalone(_ lines: [Line]) -> String? {
        var out: [UInt8] = []
        var gap = false
        for line in lines {
            gap = true
            for scalar in line.bodyText.unicodeScalars {
                guard StandaloneScalar.contains(scalar) else { return nil }
                if StandaloneScalar.isWhitespace(scalar) {
                    gap = true
                    continue
                }
                if gap && !out.isEmpty { out.append(UInt8(ascii: " ")) }
                gap = false
                if scalar.isASCII {
                    out.append(UInt8(scalar.value))
                } else {
                    Unicode.UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

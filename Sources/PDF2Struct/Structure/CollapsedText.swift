/// The body text of lines joined by single spaces with every run of whitespace collapsed to
/// one space and the ends trimmed: what `Unit.plainText` holds and headings are judged by.
enum CollapsedText {
    static func of(_ lines: [Line]) -> String {
        TextNormalizer.collapseWhitespace(lines.map(\.bodyText).joined(separator: " "))
    }
}

import Foundation

/// A line of a table of contents: a title, dot leaders, a page number (`2.1 Scope ...... 4`),
/// or, where the page numbers stand in a column of their own, that column. Such lines are
/// kept as `contents_entry` blocks, never taken for headings.
public enum ContentsEntry {
    // `\s*(?:\.\s*){4,}` accepts the same leaders as `(\s*\.\s*){4,}\s*` did, without the nested
    // whitespace quantifiers that made ICU backtrack for seconds on long dotted lines that fail.
    private static let pattern = try! NSRegularExpression(
        pattern: #"^\S.*?\s*(?:\.\s*){4,}([0-9]{1,4}|[ivxlc]{1,7})?$"#, options: [.caseInsensitive])
    private static let pageNumbers = try! NSRegularExpression(
        pattern: #"^(([0-9]{1,4}|[ivxlc]{1,7})\s*)+$"#, options: [.caseInsensitive])

    /// True when `text` reads as one contents entry.
    public static func matches(_ text: String) -> Bool {
        // The leaders need four full stops; most lines have fewer, and counting is cheap.
        guard hasLeaderStops(text) else { return false }
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// True when `text` holds at least four full stops, as dot leaders do.
    private static func hasLeaderStops(_ text: String) -> Bool {
        func count(_ bytes: some Sequence<UInt8>) -> Int {
            var stops = 0
            for byte in bytes where byte == UInt8(ascii: ".") { stops += 1 }
            return stops
        }
        let stops = text.utf8.withContiguousStorageIfAvailable(count) ?? count(text.utf8)
        return stops >= 4
    }

    /// True when `text` is only page numbers (the number column beside contents entries).
    static func isPageNumberColumn(_ text: String) -> Bool {
        pageNumbers.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// True when most lines of a block are contents entries.
    static func isContents(_ block: TextBlock) -> Bool {
        let hits = block.lines.filter { matches($0.bodyText) }.count
        return hits > 0 && 2 * hits >= block.lines.count
    }
}

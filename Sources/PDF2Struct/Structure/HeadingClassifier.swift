import Foundation

/// Decides whether a block is a heading. Evidence: it is short (few words and lines), does not
/// read as a sentence, and stands out by style — set larger than the body, or wholly bold, or
/// numbered and bold/italic. Bold words inside a paragraph and bold run-in lead-ins never make
/// a heading because the whole block must be bold; captions (`Table 2.`) and contents entries
/// (`3 Results ........ 12`) never do.
public struct HeadingClassifier: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    private static let caption = try! NSRegularExpression(
        pattern: #"^(table|figure|fig\.?|exhibit|chart|graph|map|box|plate)\s+[0-9ivxlcA-Z]+[0-9.\-]*[.:—–-]?(\s|$)"#,
        options: [.caseInsensitive])

    /// True for a figure or table caption (`Table 2. …`, `Figure 1: …`).
    static func isCaption(_ text: String) -> Bool {
        caption.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    public func isHeading(_ block: TextBlock, bodySize: Double) -> Bool {
        let text = TextNormalizer.collapseWhitespace(block.lines.map(\.bodyText).joined(separator: " "))
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= thresholds.headingMaxWords,
              block.lines.count <= thresholds.headingMaxLines,
              text.filter(\.isLetter).count >= 3 else { return false }
        guard let last = text.last, !",;".contains(last) else { return false }
        if let first = text.first, first.isLowercase { return false }
        // A sentence ending in a full stop is a paragraph unless it is short.
        if last == "." && words.count > 8 && HeadingNumbering.level(of: text) == nil { return false }
        if ListItemMarker.split(text) != nil && HeadingNumbering.level(of: text) == nil { return false }
        if Self.isCaption(text) || ContentsEntry.matches(text) { return false }
        let larger = block.mainSize >= thresholds.headingMinSizeRatio * bodySize
        let bold = block.isBold && block.mainSize >= 0.9 * bodySize
        let numberedAndStyled = HeadingNumbering.level(of: text) != nil && (block.isBold || block.isItalic)
            && block.mainSize >= 0.9 * bodySize
        return larger || bold || numberedAndStyled
    }
}

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
        // Cheap evidence first, each a condition the full test below also requires: few lines,
        // a style that stands out, few words.
        guard block.lines.count <= thresholds.headingMaxLines else { return false }
        let mainSize = block.mainSize
        guard mainSize >= thresholds.headingMinSizeRatio * bodySize
                || ((block.isBold || block.isItalic) && mainSize >= 0.9 * bodySize) else { return false }
        if let words = Self.wordCount(block.lines, stoppingAbove: thresholds.headingMaxWords),
           words > thresholds.headingMaxWords { return false }
        let text = CollapsedText.of(block.lines)
        let words = text.split(separator: " ")
        guard !words.isEmpty, words.count <= thresholds.headingMaxWords,
              block.lines.count <= thresholds.headingMaxLines,
              text.filter(\.isLetter).count >= 3 else { return false }
        guard let last = text.last, !",;".contains(last) else { return false }
        if let first = text.first, first.isLowercase { return false }
        // The numbering, read once and only when a test needs it.
        var numbering: Int?? = nil
        func isNumbered() -> Bool {
            if numbering == nil { numbering = .some(HeadingNumbering.level(of: text)) }
            return numbering! != nil
        }
        // A sentence ending in a full stop is a paragraph unless it is short.
        if last == "." && words.count > 8 && !isNumbered() { return false }
        if ListItemMarker.split(text) != nil && !isNumbered() { return false }
        if Self.isCaption(text) || ContentsEntry.matches(text) { return false }
        let larger = mainSize >= thresholds.headingMinSizeRatio * bodySize
        let bold = block.isBold && mainSize >= 0.9 * bodySize
        let numberedAndStyled = isNumbered() && (block.isBold || block.isItalic) && mainSize >= 0.9 * bodySize
        return larger || bold || numberedAndStyled
    }

    /// The number of words the block's collapsed body text splits into, counted without
    /// building it, or nil when the text holds a scalar that could join its neighbours into
    /// one character (then only the full test can tell). Counting stops once it passes `limit`.
    static func wordCount(_ lines: [Line], stoppingAbove limit: Int) -> Int? {
        var count = 0
        for line in lines {
            // Lines are joined by a space, so no word runs from one line into the next.
            var inWord = false
            for scalar in line.bodyText.unicodeScalars {
                guard StandaloneScalar.contains(scalar) else { return nil }
                if StandaloneScalar.isWhitespace(scalar) {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    count += 1
                    if count > limit { return count }
                }
            }
        }
        return count
    }
}

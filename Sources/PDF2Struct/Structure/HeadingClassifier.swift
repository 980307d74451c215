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
        let isBold = block.isBold
        let isStyled = isBold || block.isItalic
        guard mainSize >= thresholds.headingMinSizeRatio * bodySize || (isStyled && mainSize >= 0.9 * bodySize) else { return false }
        // Counted on the lines when every scalar stands alone (nil otherwise).
        let standaloneWords = Self.wordCount(block.lines, stoppingAbove: thresholds.headingMaxWords)
        if let standaloneWords, standaloneWords > thresholds.headingMaxWords { return false }
        let text = CollapsedText.of(block.lines)
        let words = standaloneWords ?? text.split(separator: " ").count
        guard words > 0, words <= thresholds.headingMaxWords,
              block.lines.count <= thresholds.headingMaxLines,
              Self.hasThreeLetters(text, standalone: standaloneWords != nil) else { return false }
        guard let last = text.last, !",;".contains(last) else { return false }
        if let first = text.first, first.isLowercase { return false }
        // The numbering, read once and only when a test needs it.
        var numbering: Int?? = nil
        func isNumbered() -> Bool {
            if numbering == nil { numbering = .some(HeadingNumbering.level(of: text)) }
            return numbering! != nil
        }
        // A sentence ending in a full stop is a paragraph unless it is short.
        if last == "." && words > 8 && !isNumbered() { return false }
        if ListItemMarker.split(text) != nil && !isNumbered() { return false }
        if Self.isCaption(text) || ContentsEntry.matches(text) { return false }
        let larger = mainSize >= thresholds.headingMinSizeRatio * bodySize
        let bold = isBold && mainSize >= 0.9 * bodySize
        let numberedAndStyled = isNumbered() && isStyled && mainSize >= 0.9 * bodySize
        return larger || bold || numberedAndStyled
    }

    /// True when `text` has three letters or more; `standalone` says every scalar of it is a
    /// character of its own (see `StandaloneScalars`), so scalars can be counted instead.
    private static func hasThreeLetters(_ text: String, standalone: Bool) -> Bool {
        guard standalone else { return text.filter(\.isLetter).count >= 3 }
        var letters = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A, 0x61...0x7A: letters += 1
            case 0..<0x80: continue
            default: if Character(scalar).isLetter { letters += 1 }
            }
            if letters == 3 { return true }
        }
        return false
    }

    /// The number of words the block's collapsed body text splits into, counted without
    /// building it, or nil when the text holds a scalar that could join its neighbours into
    /// one character (then only the full test can tell). Counting stops once it passes `limit`.
    static func wordCount(_ lines: [Line], stoppingAbove limit: Int) -> Int? {
        let whitespace = ScalarTest.whitespace
        var count = 0
        for line in lines {
            // Lines are joined by a space, so no word runs from one line into the next.
            var inWord = false
            for scalar in line.bodyText.unicodeScalars {
                guard StandaloneScalars.contains(scalar) else { return nil }
                if whitespace(scalar) {
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

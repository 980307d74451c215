import PopplerText

/// Groups a page's body lines into blocks. A new block starts at: a jump back up the page (a new
/// column), a gap clearly wider than the page's usual line gap, a change of size or of
/// bold/regular, a first-line indent after a full line, a sentence start after a short line
/// ending a sentence, a bold lead-in after a finished sentence, or a list marker. Never
/// reorders lines.
public struct BlockBuilder: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    public func build(_ lines: [Line], part: Int, page: Int) -> [TextBlock] {
        guard !lines.isEmpty else { return [] }
        let usualGap = Self.usualGap(lines)
        var blocks: [TextBlock] = []
        var current: [Line] = [lines[0]]
        for line in lines.dropFirst() {
            if startsNewBlock(line, after: current, usualGap: usualGap, pageLines: lines) {
                blocks.append(TextBlock(lines: current, part: part, page: page))
                current = [line]
            } else {
                current.append(line)
            }
        }
        blocks.append(TextBlock(lines: current, part: part, page: page))
        return blocks
    }

    /// The median gap between consecutive lines of the same size that follow each other down
    /// the page: the page's ordinary leading.
    static func usualGap(_ lines: [Line]) -> Double {
        var gaps: [Double] = []
        for (a, b) in zip(lines, lines.dropFirst()) where abs(a.mainSize - b.mainSize) < 0.5 {
            let gap = b.bbox.y0 - a.bbox.y1
            if gap > -a.mainSize, gap < 2 * a.mainSize { gaps.append(gap) }
        }
        guard !gaps.isEmpty else { return 0 }
        return gaps.sorted()[gaps.count / 2]
    }

    func startsNewBlock(_ line: Line, after block: [Line], usualGap: Double, pageLines: [Line]) -> Bool {
        let previous = block[block.count - 1]
        let size = max(previous.mainSize, line.mainSize)
        // A new column or a jump back up the page.
        if line.bbox.y0 < previous.bbox.y0 - 0.5 * size { return true }
        // Side by side on the same baseline: a table row or margin heading; keep apart.
        if line.bbox.verticalOverlap(previous.bbox) > 0.5 * min(line.bbox.height, previous.bbox.height) { return true }
        // A gap wider than the page's usual one.
        let gap = line.bbox.y0 - previous.bbox.y1
        if gap > usualGap + thresholds.paragraphGapRatio * 0.3 * size { return true }
        // A change of size or weight.
        if abs(line.mainSize - previous.mainSize) > thresholds.blockSizeChangeRatio * size { return true }
        if line.isBold != previous.isBold { return true }
        // A list marker opens a new item, and so does a label set apart by a tab (`iv   Text`).
        if ListItemMarker.split(line.text) != nil || Self.opensWithTabbedLabel(line) { return true }
        let left = block.dropFirst().reduce(block[0].bbox.x0) { $1.bbox.x0 < $0 ? $1.bbox.x0 : $0 }
        // A first-line indent: the line steps in from a block edge the previous line kept to.
        let indent = line.bbox.x0 - left
        let previousAtEdge = previous.bbox.x0 - left < thresholds.firstLineIndentPoints
        if indent >= thresholds.firstLineIndentPoints, indent < 6 * size, previousAtEdge,
           block.count >= 2 || (Self.endsSentence(previous.bodyText) && Self.startsSentence(line.bodyText)) {
            return true
        }
        // A bold lead-in opening a line after a sentence in regular type (a run-in heading).
        if line.runs.first?.isBold == true, !line.isBold, !previous.runs.contains(where: \.isBold),
           Self.endsSentence(previous.bodyText) {
            return true
        }
        // A short line that ends a sentence, then a line that starts one.
        // (Whether the previous line runs to its column's right edge is asked here only, and
        // last: it scans the page, and most lines end inside a sentence.)
        guard Self.endsSentence(previous.bodyText) else { return false }
        let right = columnRight(of: previous, in: pageLines)
        let previousIsFull = right - previous.bbox.x1 < thresholds.shortLineShare * max(1, right - left)
        return !previousIsFull && Self.startsSentence(line.bodyText)
    }

    /// The right edge of the column a line sits in: the furthest right any page line reaches
    /// among lines that overlap it horizontally for most of its width.
    private func columnRight(of line: Line, in pageLines: [Line]) -> Double {
        var right = line.bbox.x1
        for other in pageLines where abs(other.mainSize - line.mainSize) < 0.5 {
            if other.bbox.horizontalOverlap(line.bbox) > 0.5 * min(other.bbox.width, line.bbox.width),
               other.bbox.x0 < line.bbox.x1 {
                right = max(right, other.bbox.x1)
            }
        }
        return right
    }

    /// True when the line opens with a short label followed by a gap of half an em or more
    /// (wider than any word space).
    static func opensWithTabbedLabel(_ line: Line) -> Bool {
        // The gap is cheaper to measure than the label is to read.
        guard line.runs.count > 1, line.runs[1].bbox.x0 - line.runs[0].bbox.x1 >= 0.5 * line.mainSize else { return false }
        return LineBuilder.isLabelText(line.runs[0].text)
    }

    static func endsSentence(_ text: String) -> Bool {
        if let ascii = lastASCIIMark(text) { return ".!?:;\")".utf8.contains(ascii) }
        guard let last = text.trimmingCharacters(in: .whitespaces).last else { return false }
        return ".!?:;\"”’)".contains(last)
    }

    /// The last character of `text` once trimmed of spaces and tabs (what `endsSentence` trims),
    /// when it is an ASCII one standing alone; nil when the text is empty or ends otherwise.
    private static func lastASCIIMark(_ text: String) -> UInt8? {
        let bytes = text.utf8
        var index = bytes.endIndex
        while index > bytes.startIndex {
            let before = bytes.index(before: index)
            let byte = bytes[before]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") else {
                // An ASCII byte after another ASCII byte (or none) is a character of its own;
                // a line feed may close a CR-LF pair, which is no sentence mark either way.
                guard byte < 0x80, before == bytes.startIndex || bytes[bytes.index(before: before)] < 0x80 else { return nil }
                return byte
            }
            index = before
        }
        return nil
    }

    static func startsSentence(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        return first.isUppercase || first.isNumber || "“\"‘'(•–—-[".contains(first)
    }
}

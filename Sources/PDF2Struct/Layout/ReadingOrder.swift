/// Puts a page's lines in reading order by recursive cuts: a vertical strip free of text
/// splits columns (left column read first), otherwise the widest horizontal gap splits bands
/// (upper band first); lines left uncut are read top to bottom, left to right. A narrow side
/// column with few lines beside a wide one is a margin (side headings): its lines are read
/// interleaved with the text beside them, each before the text it stands level with. Never
/// drops or merges lines; pages with very many lines keep poppler's order.
public struct ReadingOrder: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    public func order(_ lines: [Line]) -> [Line] {
        guard lines.count > 1, lines.count <= thresholds.readingOrderMaxLines else { return lines }
        let sizes = lines.map(\.mainSize).sorted()
        let bodySize = sizes[sizes.count / 2]
        let heights = lines.map(\.bbox.height).sorted()
        let lineHeight = heights[heights.count / 2]
        return cut(lines, bodySize: bodySize, lineHeight: lineHeight, depth: 0)
    }

    private func cut(_ lines: [Line], bodySize: Double, lineHeight: Double, depth: Int) -> [Line] {
        guard lines.count > 1, depth < 64 else { return lines }
        if let (left, right) = verticalSplit(lines, minWidth: thresholds.minGutterRatio * bodySize) {
            let orderedLeft = cut(left, bodySize: bodySize, lineHeight: lineHeight, depth: depth + 1)
            let orderedRight = cut(right, bodySize: bodySize, lineHeight: lineHeight, depth: depth + 1)
            if isMargin(left, beside: right) { return interleave(margin: orderedLeft, text: orderedRight) }
            if isMargin(right, beside: left) { return interleave(margin: orderedRight, text: orderedLeft) }
            return orderedLeft + orderedRight
        }
        if let (top, bottom) = horizontalSplit(lines, minGap: thresholds.minBandGapRatio * lineHeight) {
            return cut(top, bodySize: bodySize, lineHeight: lineHeight, depth: depth + 1)
                + cut(bottom, bodySize: bodySize, lineHeight: lineHeight, depth: depth + 1)
        }
        return lines.sorted(by: Self.topThenLeft)
    }

    static func topThenLeft(_ a: Line, _ b: Line) -> Bool {
        if a.bbox.verticalOverlap(b.bbox) > 0.5 * min(a.bbox.height, b.bbox.height) { return a.bbox.x0 < b.bbox.x0 }
        return a.bbox.y0 < b.bbox.y0
    }

    /// The widest vertical strip no line crosses, with lines on both sides.
    private func verticalSplit(_ lines: [Line], minWidth: Double) -> ([Line], [Line])? {
        let spans = lines.map { ($0.bbox.x0, $0.bbox.x1) }.sorted { $0.0 < $1.0 }
        var reach = spans[0].1
        var best: (gap: Double, at: Double)? = nil
        for span in spans.dropFirst() {
            let gap = span.0 - reach
            if gap >= minWidth, gap > (best?.gap ?? 0) { best = (gap, reach + gap / 2) }
            reach = max(reach, span.1)
        }
        guard let at = best?.at else { return nil }
        let left = lines.filter { $0.bbox.x1 <= at }
        let right = lines.filter { $0.bbox.x0 >= at }
        guard !left.isEmpty, !right.isEmpty, left.count + right.count == lines.count else { return nil }
        return (left, right)
    }

    /// The widest horizontal gap no line crosses.
    private func horizontalSplit(_ lines: [Line], minGap: Double) -> ([Line], [Line])? {
        let sorted = lines.sorted { $0.bbox.y0 < $1.bbox.y0 }
        var reach = sorted[0].bbox.y1
        var best: (gap: Double, at: Double)? = nil
        for line in sorted.dropFirst() {
            let gap = line.bbox.y0 - reach
            if gap >= minGap, gap > (best?.gap ?? 0) { best = (gap, reach + gap / 2) }
            reach = max(reach, line.bbox.y1)
        }
        guard let at = best?.at else { return nil }
        let top = lines.filter { $0.bbox.midY < at }
        let bottom = lines.filter { $0.bbox.midY >= at }
        guard !top.isEmpty, !bottom.isEmpty else { return nil }
        return (top, bottom)
    }

    private func isMargin(_ side: [Line], beside text: [Line]) -> Bool {
        let width = { (lines: [Line]) in lines.map(\.bbox.x1).max()! - lines.map(\.bbox.x0).min()! }
        return width(side) <= thresholds.marginColumnMaxWidthShare * width(text)
            && Double(side.count) <= thresholds.marginColumnMaxLineShare * Double(text.count)
    }

    /// Margin lines that follow each other closely form one group (a side heading over several
    /// lines); each group goes before the first text line that starts level with it or below.
    private func interleave(margin: [Line], text: [Line]) -> [Line] {
        var groups: [[Line]] = []
        for line in margin.sorted(by: { $0.bbox.y0 < $1.bbox.y0 }) {
            if let last = groups.last?.last, line.bbox.y0 - last.bbox.y1 <= 0.6 * last.bbox.height {
                groups[groups.count - 1].append(line)
            } else {
                groups.append([line])
            }
        }
        var result: [Line] = []
        var pending = groups[...]
        for line in text {
            while let next = pending.first, next[0].bbox.y0 <= line.bbox.y0 + 0.5 * line.bbox.height {
                result += next
                pending = pending.dropFirst()
            }
            result.append(line)
        }
        return result + pending.flatMap { $0 }
    }
}

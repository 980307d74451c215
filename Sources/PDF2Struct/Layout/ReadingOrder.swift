import PopplerText

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
        // The cuts read only the lines' boxes: they move indices, and each line is copied once,
        // into the result.
        let cuts = Cuts(boxes: lines.map(\.bbox), thresholds: thresholds, bodySize: bodySize, lineHeight: lineHeight)
        return cuts.cut(Array(lines.indices), depth: 0).map { lines[$0] }
    }

    static func topThenLeft(_ a: PageRect, _ b: PageRect) -> Bool {
        if a.verticalOverlap(b) > 0.5 * min(a.height, b.height) { return a.x0 < b.x0 }
        return a.y0 < b.y0
    }

    /// The recursive cuts over a page's line boxes; a group of lines is a list of indices into
    /// `boxes`, in the order the lines had.
    private struct Cuts {
        let boxes: [PageRect]
        let thresholds: Thresholds
        let bodySize: Double
        let lineHeight: Double

        func cut(_ lines: [Int], depth: Int) -> [Int] {
            guard lines.count > 1, depth < 64 else { return lines }
            if let (left, right) = verticalSplit(lines, minWidth: thresholds.minGutterRatio * bodySize) {
                let orderedLeft = cut(left, depth: depth + 1)
                let orderedRight = cut(right, depth: depth + 1)
                if isMargin(left, beside: right) { return interleave(margin: orderedLeft, text: orderedRight) }
                if isMargin(right, beside: left) { return interleave(margin: orderedRight, text: orderedLeft) }
                return orderedLeft + orderedRight
            }
            if let (top, bottom) = horizontalSplit(lines, minGap: thresholds.minBandGapRatio * lineHeight) {
                return cut(top, depth: depth + 1) + cut(bottom, depth: depth + 1)
            }
            return lines.sorted { ReadingOrder.topThenLeft(boxes[$0], boxes[$1]) }
        }

        /// The widest vertical strip no line crosses, with lines on both sides.
        private func verticalSplit(_ lines: [Int], minWidth: Double) -> ([Int], [Int])? {
            let spans = lines.map { (boxes[$0].x0, boxes[$0].x1) }.sorted { $0.0 < $1.0 }
            var reach = spans[0].1
            var best: (gap: Double, at: Double)? = nil
            for span in spans.dropFirst() {
                let gap = span.0 - reach
                if gap >= minWidth, gap > (best?.gap ?? 0) { best = (gap, reach + gap / 2) }
                reach = max(reach, span.1)
            }
            guard let at = best?.at else { return nil }
            let left = lines.filter { boxes[$0].x1 <= at }
            let right = lines.filter { boxes[$0].x0 >= at }
            guard !left.isEmpty, !right.isEmpty, left.count + right.count == lines.count else { return nil }
            return (left, right)
        }

        /// The widest horizontal gap no line crosses.
        private func horizontalSplit(_ lines: [Int], minGap: Double) -> ([Int], [Int])? {
            let sorted = lines.sorted { boxes[$0].y0 < boxes[$1].y0 }
            var reach = boxes[sorted[0]].y1
            var best: (gap: Double, at: Double)? = nil
            for line in sorted.dropFirst() {
                let gap = boxes[line].y0 - reach
                if gap >= minGap, gap > (best?.gap ?? 0) { best = (gap, reach + gap / 2) }
                reach = max(reach, boxes[line].y1)
            }
            guard let at = best?.at else { return nil }
            let top = lines.filter { boxes[$0].midY < at }
            let bottom = lines.filter { boxes[$0].midY >= at }
            guard !top.isEmpty, !bottom.isEmpty else { return nil }
            return (top, bottom)
        }

        private func isMargin(_ side: [Int], beside text: [Int]) -> Bool {
            let width = { (lines: [Int]) in lines.map { boxes[$0].x1 }.max()! - lines.map { boxes[$0].x0 }.min()! }
            return width(side) <= thresholds.marginColumnMaxWidthShare * width(text)
                && Double(side.count) <= thresholds.marginColumnMaxLineShare * Double(text.count)
        }

        /// Margin lines that follow each other closely form one group (a side heading over
        /// several lines); each group goes before the first text line that starts level with
        /// it or below.
        private func interleave(margin: [Int], text: [Int]) -> [Int] {
            var groups: [[Int]] = []
            for line in margin.sorted(by: { boxes[$0].y0 < boxes[$1].y0 }) {
                if let last = groups.last?.last, boxes[line].y0 - boxes[last].y1 <= 0.6 * boxes[last].height {
                    groups[groups.count - 1].append(line)
                } else {
                    groups.append([line])
                }
            }
            var result: [Int] = []
            var pending = groups[...]
            for line in text {
                while let next = pending.first, boxes[next[0]].y0 <= boxes[line].y0 + 0.5 * boxes[line].height {
                    result += next
                    pending = pending.dropFirst()
                }
                result.append(line)
            }
            return result + pending.flatMap { $0 }
        }
    }
}

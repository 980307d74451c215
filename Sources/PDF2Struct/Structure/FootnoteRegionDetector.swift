/// Finds the footnotes at the foot of a page, or of each column: runs of consecutive blocks
/// set smaller than the body, in the lower part of the page, with no body-size text below them
/// in their column, whose first line opens with a note label and one of whose labels is
/// cited by a raised marker on the page. A small run with no label at
/// the top of the first such region, on a page after one with footnotes, continues the last
/// footnote. Small text that opens with no label (a caption, a source line) stays in the body,
/// and so does a page with no body-size text (a notes section or bibliography), and small type
/// right under a heading (a notes section starting low on a page).
public struct FootnoteRegionDetector: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    struct Result {
        var body: [TextBlock]
        /// Lines continuing the previous page's last footnote.
        var continuation: [TextBlock]
        var notes: [NoteEntry]
    }

    /// `markerLabels`: the labels of the raised markers printed on the page.
    func detect(_ blocks: [TextBlock], bodySize: Double, pageHeight: Double, previousLabel: String?,
                markerLabels: Set<String>) -> Result {
        let nothing = Result(body: blocks, continuation: [], notes: [])
        // Sizes and boxes once per block: the test below compares every pair.
        let sizes = blocks.map(\.mainSize)
        // Footnotes sit under running text: a page set wholly in small type has none.
        guard sizes.contains(where: { abs($0 - bodySize) <= thresholds.blockSizeChangeRatio * bodySize }) else { return nothing }
        let boxes = blocks.map(\.bbox)
        let isSmall = sizes.map { $0 <= thresholds.footnoteMaxSizeRatio * bodySize }
        let isCandidate = blocks.indices.map { i in
            isSmall[i] && boxes[i].y0 > 0.35 * pageHeight
                && !blocks.indices.contains { j in
                    !isSmall[j] && boxes[j].y0 > boxes[i].y0
                        && boxes[j].horizontalOverlap(boxes[i]) > 0.3 * min(boxes[j].width, boxes[i].width)
                }
        }
        let headings = HeadingClassifier(thresholds: thresholds)
        var body: [TextBlock] = []
        var continuation: [TextBlock] = []
        var notes: [NoteEntry] = []
        var index = 0
        while index < blocks.count {
            guard isCandidate[index] else {
                body.append(blocks[index])
                index += 1
                continue
            }
            var end = index
            while end < blocks.count, isCandidate[end] { end += 1 }
            let region = Array(blocks[index..<end])
            let underHeading = index > 0 && headings.isHeading(blocks[index - 1], bodySize: bodySize)
            let split = NoteSplitter.split(region, kind: .footnote, previousLabel: nil)
            // A footnote is cited on its page: a region none of whose labels appears as a
            // raised marker in the text above is something else (a small table, a list).
            let cited = split.notes.contains { markerLabels.contains($0.label) }
            if underHeading || split.notes.isEmpty || !cited {
                body += region
            } else {
                if previousLabel != nil && notes.isEmpty && continuation.isEmpty {
                    continuation = split.leading
                } else {
                    body += split.leading
                }
                notes += split.notes
            }
            index = end
        }
        return notes.isEmpty && continuation.isEmpty ? nothing : Result(body: body, continuation: continuation, notes: notes)
    }
}

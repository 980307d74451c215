/// Finds the footnotes at the foot of a page: the trailing blocks set smaller than the body
/// whose first line opens with a note label. A trailing small block with no label directly
/// under the body, on a page after one with footnotes, continues the last footnote. Small
/// text that opens with no label (a caption, a source line) stays in the body, and so does a
/// page with no body-size text above the small type (a notes section or bibliography), and
/// small type right under a heading (a notes section starting low on a page).
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

    func detect(_ blocks: [TextBlock], bodySize: Double, pageHeight: Double, previousLabel: String?) -> Result {
        var start = blocks.count
        while start > 0 {
            let block = blocks[start - 1]
            guard block.mainSize <= thresholds.footnoteMaxSizeRatio * bodySize,
                  block.bbox.y0 > 0.35 * pageHeight else { break }
            start -= 1
        }
        guard start < blocks.count else { return Result(body: blocks, continuation: [], notes: []) }
        // Footnotes sit under running text: a page set wholly in small type (a notes section,
        // a bibliography) has no footnote region.
        let hasBodyText = blocks[..<start].contains { abs($0.mainSize - bodySize) <= thresholds.blockSizeChangeRatio * bodySize }
        guard hasBodyText else { return Result(body: blocks, continuation: [], notes: []) }
        // Notes directly under a heading are a notes section (or a group of one), not footnotes.
        if start > 0, HeadingClassifier(thresholds: thresholds).isHeading(blocks[start - 1], bodySize: bodySize) {
            return Result(body: blocks, continuation: [], notes: [])
        }
        // The region must be below every body block (a small block mid-page is not a footnote).
        let bodyBottom = blocks[..<start].map(\.bbox.y1).max() ?? 0
        var region = Array(blocks[start...])
        var body = Array(blocks[..<start])
        while let first = region.first, first.bbox.y0 < bodyBottom - 1 {
            body.append(first)
            region.removeFirst()
        }
        let split = NoteSplitter.split(region, kind: .footnote, previousLabel: nil)
        guard !split.notes.isEmpty else { return Result(body: blocks, continuation: [], notes: []) }
        var continuation: [TextBlock] = []
        if previousLabel != nil { continuation = split.leading } else { body += split.leading }
        return Result(body: body, continuation: continuation, notes: split.notes)
    }
}

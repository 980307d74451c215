/// A table of contents set without dot leaders: under a `Contents` heading, the titles stand
/// in one or two columns and their page numbers in a column of their own, each number level
/// with its title (`Letter … 1`, `Appendix I  Briefing Slides … 6`). Finds, on such a page and
/// on a page that continues one, the page-number columns and the title blocks level with them
/// (see `membersOnPage`); the classifier makes these contents entries instead of headings.
struct ContentsColumns {
    var thresholds: Thresholds

    /// Indices into `blocks` (all pages, in order) of the entries and their page-number columns.
    func members(of blocks: [TextBlock]) -> Set<Int> {
        var members = Set<Int>()
        var previousPageHadContents = false
        var start = 0
        while start < blocks.count {
            var end = start + 1
            while end < blocks.count, blocks[end].page == blocks[start].page, blocks[end].part == blocks[start].part { end += 1 }
            let page = start..<end
            let heading = page.first { Self.isContentsHeading(blocks[$0]) }
            var found: Set<Int> = []
            if let first = heading.map({ $0 + 1 }) ?? (previousPageHadContents ? page.lowerBound : nil) {
                found = membersOnPage(blocks, first..<end)
            }
            members.formUnion(found)
            previousPageHadContents = !found.isEmpty
            start = end
        }
        return members
    }

    /// The page-number columns among `range` and the blocks that belong with them: a block at
    /// least half of whose lines stand level with a number to their right (a wrapped title has
    /// its number on its last line only), then any block whose every line stands level with a
    /// line of such an entry to its right (`Appendix I` beside its title).
    /// Empty unless at least `contentsMinEntries` lines stand level with a number.
    private func membersOnPage(_ blocks: [TextBlock], _ range: Range<Int>) -> Set<Int> {
        let columns = range.filter { ContentsEntry.isPageNumberColumn(blocks[$0].plainText) }
        let numbers = columns.flatMap { blocks[$0].lines }
        guard !numbers.isEmpty else { return [] }
        var entries = Set<Int>()
        var numberedLines = 0
        for index in range where !columns.contains(index) {
            let lines = blocks[index].lines
            let numbered = lines.filter { line in numbers.contains { isLevel(line, leftOf: $0) } }.count
            if 2 * numbered >= lines.count {
                entries.insert(index)
                numberedLines += numbered
            }
        }
        guard numberedLines >= thresholds.contentsMinEntries else { return [] }
        // One pass: a label stands beside a title, never only beside another label. (Repeating
        // it until nothing changes would cost the cube of the page's lines on a hostile page.)
        let titles = entries.flatMap { blocks[$0].lines }
        for index in range where !columns.contains(index) && !entries.contains(index)
            && blocks[index].lines.allSatisfy({ isLevel($0, withAnyOf: titles) }) {
            entries.insert(index)
        }
        return entries.union(columns)
    }

    /// True when `line` stands level with one of `others` that starts right of its end.
    private func isLevel(_ line: Line, withAnyOf others: [Line]) -> Bool {
        others.contains { isLevel(line, leftOf: $0) }
    }

    /// True when `other` starts right of where `line` ends, on the same baseline.
    private func isLevel(_ line: Line, leftOf other: Line) -> Bool {
        other.bbox.x0 > line.bbox.x1
            && abs(other.baseline - line.baseline) <= thresholds.contentsBaselineToleranceRatio * line.mainSize
    }

    /// A heading that names a table of contents.
    static func isContentsHeading(_ block: TextBlock) -> Bool {
        block.lines.count == 1 && block.lines[0].text.utf8.count <= 40
            && HeadingLevelResolver.contentsLabels.contains(HeadingLevelResolver.normalize(block.lines[0].text))
    }
}

/// Joins a paragraph cut by a page, column or part break: the last paragraph before the break
/// and the first after it become one unit when they are set in the same size and the first
/// half ends without terminal punctuation or the second starts in lower case (both, when
/// there is no break between them). A list item cut
/// the same way takes its continuation. Never joins a heading or the title, and never joins
/// anything into a following list item.
struct ParagraphJoiner {
    var thresholds: Thresholds

    func join(_ units: [Unit]) -> [Unit] {
        var result: [Unit] = []
        for unit in units {
            if let previous = result.last, canJoin(previous, unit) {
                result[result.count - 1].pieces += unit.pieces
            } else {
                result.append(unit)
            }
        }
        return result
    }

    private func canJoin(_ a: Unit, _ b: Unit) -> Bool {
        guard b.role == .paragraph else { return false }
        switch a.role {
        case .paragraph, .listItem: break
        case .title, .heading, .contentsEntry: return false
        }
        let endA = a.last, startB = b.first
        guard abs(endA.mainSize - startB.mainSize) <= thresholds.crossBreakSizeTolerance * endA.mainSize else { return false }
        let tail = a.plainText
        let head = b.plainText
        let unfinished = !(tail.last.map { ".!?:”\"’)".contains($0) } ?? true)
        let continues = head.first?.isLowercase == true
        let crossesBreak = endA.page != startB.page || endA.part != startB.part
            || startB.bbox.y0 < endA.bbox.y0 - endA.mainSize
        // Across a break either sign will do; on the same column only both together (a line
        // the block builder set apart by an unusual gap).
        return crossesBreak ? (unfinished || continues) : (unfinished && continues)
    }
}

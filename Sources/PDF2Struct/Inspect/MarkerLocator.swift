import PopplerText

/// Finds where each note marker of a block was printed, so `pdf2struct inspect` can draw a line
/// from it to its note. The model keeps only the marker's offset in the block's text, so:
///
/// 1. First choice, exact: a run on the page, inside one of the block's boxes, whose text is the
///    marker's label and whose size is at most `markerMaxSizeRatio` of the block's font size
///    (a raised, smaller label). References take such runs in reading order, each after the
///    one before.
/// 2. Otherwise, an estimate: the marker's share of the block's text is laid out over the
///    block's boxes as lines `estimatedLinePitch` × font size apart. It lands on the right
///    line or the next one, a few words off; the link is then marked as estimated.
///
/// Never changes the document; only reads it.
struct MarkerLocator {
    /// A page of one part of the document.
    struct PageKey: Hashable, Sendable {
        var part: Int
        var page: Int
    }

    /// Where one reference's marker is.
    struct Located: Equatable, Sendable {
        var spot: PageSpot
        var isEstimated: Bool
    }

    /// The runs of each page, in poppler's reading order; a page missing here gets estimates.
    var runs: [PageKey: [TextRun]]
    var thresholds: Thresholds
    /// Line pitch as a multiple of the font size, for the estimate (typical leading).
    var estimatedLinePitch: Double = 1.2

    /// One location per reference of `block`, in the order of `block.references`.
    func locate(_ block: Block) -> [Located] {
        var results = [Located?](repeating: nil, count: block.references.count)
        var lastFound: (piece: Int, run: Int) = (0, -1)
        let order = block.references.indices.sorted { block.references[$0].offset < block.references[$1].offset }
        for index in order {
            let reference = block.references[index]
            if let found = findRun(label: reference.label, in: block, after: lastFound) {
                lastFound = (found.piece, found.run)
                results[index] = Located(spot: found.spot, isEstimated: false)
            } else {
                results[index] = Located(spot: estimate(offset: reference.offset, in: block), isEstimated: true)
            }
        }
        return results.map { $0! }
    }

    private func findRun(label: String, in block: Block, after start: (piece: Int, run: Int)) -> (piece: Int, run: Int, spot: PageSpot)? {
        guard block.fontSize > 0 else { return nil }
        let maximumSize = thresholds.markerMaxSizeRatio * block.fontSize
        for (p, piece) in block.provenance.enumerated() where p >= start.piece {
            guard let pageRuns = runs[PageKey(part: piece.part, page: piece.page)] else { continue }
            let area = PageRect(x0: piece.bbox.x0 - 1.5, y0: piece.bbox.y0 - 1.5, x1: piece.bbox.x1 + 1.5, y1: piece.bbox.y1 + 1.5)
            let first = p == start.piece ? start.run + 1 : 0
            guard first < pageRuns.count else { continue }
            for r in first..<pageRuns.count {
                let run = pageRuns[r]
                guard run.text == label, run.fontSize <= maximumSize,
                      area.contains(PagePoint(x: run.bbox.midX, y: run.bbox.midY)) else { continue }
                let spot = PageSpot(part: piece.part, page: piece.page, point: PagePoint(x: run.bbox.midX, y: run.bbox.midY))
                return (p, r, spot)
            }
        }
        return nil
    }

    /// The marker's share of the text, laid out over the block's boxes line by line.
    func estimate(offset: Int, in block: Block) -> PageSpot {
        let length = max(1, block.text.unicodeScalars.count)
        let share = min(1, max(0, Double(offset) / Double(length)))
        let pitch = max(1, estimatedLinePitch * (block.fontSize > 0 ? block.fontSize : 10))
        let lineCounts = block.provenance.map { max(1, Int(($0.bbox.height / pitch).rounded())) }
        let total = Double(lineCounts.reduce(0, +))
        var position = share * total
        for (piece, lines) in zip(block.provenance, lineCounts) {
            if position <= Double(lines) || piece == block.provenance.last {
                let line = min(Double(lines - 1), position.rounded(.down))
                let along = min(1, position - line)
                let lineHeight = piece.bbox.height / Double(lines)
                return PageSpot(part: piece.part, page: piece.page,
                                point: PagePoint(x: piece.bbox.x0 + along * piece.bbox.width,
                                                 y: piece.bbox.y0 + (line + 0.35) * lineHeight))
            }
            position -= Double(lines)
        }
        let first = block.provenance[0]
        return PageSpot(part: first.part, page: first.page, point: PagePoint(x: first.bbox.x1, y: first.bbox.y0))
    }
}

extension PageRect {
    /// True when `point` lies inside or on the edge.
    func contains(_ point: PagePoint) -> Bool {
        point.x >= x0 && point.x <= x1 && point.y >= y0 && point.y <= y1
    }
}

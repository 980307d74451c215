import Foundation
import PopplerText

/// Builds `Line`s from poppler's lines: finds each line's main size and baseline and flags
/// raised, smaller runs as superscripts. Where poppler's lines are unusable — glyphs that jump
/// back along the line, as when it interleaves two columns — the page's runs are regrouped
/// into lines by baseline. A line crossing a gap as wide as a column gutter is split there. A
/// line made only of superscripts (poppler sometimes lifts a marker into a line of its own) is
/// folded into the line it sits on.
public struct LineBuilder: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    public func build(_ page: PageText) -> [Line] {
        // Lines set vertically (a rotated margin line) are kept whole, after the others: they
        // share no baseline with the horizontal text and cover no strip of its width.
        var vertical: [[TextRun]] = []
        var runLines: [[TextRun]] = []
        runLines.reserveCapacity(page.lines.count)
        for line in page.lines where !line.isEmpty {
            if isVertical(line) { vertical.append(line) } else { runLines.append(line) }
        }
        if runLines.contains(where: isInterleaved) {
            runLines = regroupByBaseline(runLines.flatMap { $0 })
        }
        runLines = splitAtPageGutters(runLines.flatMap(splitAtGutters))
        // Each band is measured again on its own; a page of one band was measured whole just above.
        let bands = bands(of: runLines)
        if bands.count > 1 {
            runLines = bands.flatMap { $0.count >= thresholds.bandGutterMinLines ? splitAtPageGutters($0) : $0 }
        }
        return attachLoneLabels(foldLiftedMarkers(runLines.map(makeLine))) + vertical.map(makeVerticalLine)
    }

    /// True when poppler's line runs down or up the page: at least four characters, every run
    /// in one column with the first (overlapping it across most of the narrower's width), in a
    /// box `verticalLineMinAspect` times as tall as it is wide and as its type is large (boxes
    /// poppler gave, not the empty ones standing in for missing ones).
    func isVertical(_ runs: [TextRun]) -> Bool {
        guard let first = runs.first else { return false }
        var box = first.bbox, characters = 0, size = 0.0
        for index in runs.indices {
            let run = runs[index].bbox
            guard run.horizontalOverlap(first.bbox) >= 0.5 * min(run.width, first.bbox.width) else { return false }
            box = box.union(run)
            characters += runs[index].characterCount
            size = max(size, runs[index].fontSize)
        }
        let aspect = thresholds.verticalLineMinAspect
        return characters >= 4 && box.width > 0 && size > 0 && box.height >= aspect * box.width && box.height >= aspect * size
    }

    /// A line set vertically: its runs in poppler's order, none raised, its baseline the
    /// bottom of its box.
    func makeVerticalLine(_ runs: [TextRun]) -> Line {
        let bbox = PageRect(enclosing: runs.lazy.map(\.bbox))
        return Line(runs: runs, raised: [], mainSize: Self.mainSize(of: runs), baseline: bbox.y1, bbox: bbox, isVertical: true)
    }

    /// Folds each line made only of superscripts into the line it sits on, wherever poppler
    /// put it in its order: of the lines it could belong to, the one it overlaps most.
    func foldLiftedMarkers(_ built: [Line]) -> [Line] {
        var lines = built
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let candidates = lines.indices.filter { $0 != index && isLiftedMarkerLine(line, host: lines[$0]) }
            let overlap = { (i: Int) in lines[i].bbox.verticalOverlap(line.bbox) }
            guard let host = candidates.max(by: { overlap($0) < overlap($1) || (overlap($0) == overlap($1) && $0 > $1) }) else {
                index += 1
                continue
            }
            lines[host] = makeLine(merge(lines[host].runs, line.runs))
            lines.remove(at: index)
            if host < index { index = max(0, index - 1) }
        }
        return lines
    }

    /// True when poppler has mixed text from different places of the page into one line: a run
    /// starts well left of where the run before it ended, or the line is far taller than its
    /// type (runs from different lines).
    func isInterleaved(_ runs: [TextRun]) -> Bool {
        guard let first = runs.first else { return false }
        var top = first.bbox.y0, bottom = first.bbox.y1, size = first.fontSize
        for (a, b) in zip(runs, runs.dropFirst()) {
            if b.bbox.x0 < a.bbox.x1 - max(a.fontSize, b.fontSize) && b.bbox.verticalOverlap(a.bbox) > 0 { return true }
            top = min(top, b.bbox.y0)
            bottom = max(bottom, b.bbox.y1)
            size = max(size, b.fontSize)
        }
        return bottom - top > 2.5 * size
    }

    /// Groups runs into lines by baseline (top to bottom), each line left to right.
    func regroupByBaseline(_ runs: [TextRun]) -> [[TextRun]] {
        let sorted = runs.sorted { ($0.baseline, $0.bbox.x0) < ($1.baseline, $1.bbox.x0) }
        var rows: [[TextRun]] = []
        var rowBaseline = -Double.infinity
        for run in sorted {
            if run.baseline - rowBaseline > thresholds.baselineToleranceRatio * run.fontSize || rows.isEmpty {
                rows.append([run])
                rowBaseline = run.baseline
            } else {
                rows[rows.count - 1].append(run)
            }
        }
        return rows.map { row in
            var ordered = row.sorted { $0.bbox.x0 < $1.bbox.x0 }
            for i in ordered.indices {
                ordered[i].spaceBefore = i > 0 && ordered[i].bbox.x0 - ordered[i - 1].bbox.x1 > thresholds.wordGapRatio * ordered[i].fontSize * 0.5
            }
            return ordered
        }
    }

    /// Splits lines at the page's gutters: vertical strips that nearly no run covers, with text
    /// on both sides (the gaps between columns, or between a margin column and the text). A
    /// line poppler ran across a narrow gutter is cut where its gap meets the strip.
    func splitAtPageGutters(_ lines: [[TextRun]]) -> [[TextRun]] {
        var sizes: [Double] = []
        sizes.reserveCapacity(lines.reduce(0) { $0 + $1.count })
        var minX0 = Double.infinity, maxX1 = -Double.infinity
        for line in lines {
            for index in line.indices {
                sizes.append(line[index].fontSize)
                minX0 = min(minX0, line[index].bbox.x0)
                maxX1 = max(maxX1, line[index].bbox.x1)
            }
        }
        guard sizes.count > 1 else { return lines }
        sizes.sort()
        let size = sizes[sizes.count / 2]
        let left = Int(minX0.rounded(.down)), right = Int(maxX1.rounded(.up))
        guard right - left > 0, right - left < 20_000 else { return lines }
        let coverage = PageCoverage(lines, left: left, width: right - left + 1).counts
        let peak = coverage.max() ?? 0
        // Column gutters: barely covered, with well-covered text on both sides. Margin gutters:
        // not covered at all, with any text on both sides (a sparse column of side headings).
        let quiet = max(1, Int(thresholds.gutterMaxCoverageShare * Double(peak)))
        let gutters = Self.quietStrips(coverage, atMost: quiet, sidesAbove: quiet, minWidth: thresholds.minGutterRatio * size)
            + Self.quietStrips(coverage, atMost: 0, sidesAbove: 0, minWidth: thresholds.minGutterRatio * size)
        let shifted = gutters.map { ($0.lowerBound + Double(left))...($0.upperBound + Double(left)) }
        guard !shifted.isEmpty else { return lines }
        return lines.flatMap { line in
            Self.split(line) { last, run in
                // A gap no wider than a gutter in the line's own type is a word space there,
                // however quiet the strip it falls in (a large title on a sparse cover page).
                run.bbox.x0 - last.bbox.x1 >= thresholds.minGutterRatio * max(last.fontSize, run.fontSize)
                    && shifted.contains { gutter in
                        let middle = (gutter.lowerBound + gutter.upperBound) / 2
                        return last.bbox.x1 <= middle && run.bbox.x0 >= middle
                    }
            }
        }
    }

    /// The lines grouped into bands that a clear horizontal gap separates (a boxed panel
    /// between column blocks), in their original order within each band. Gutters local to a
    /// band — the two columns inside a box — show only when each band is measured alone.
    func bands(of lines: [[TextRun]]) -> [[[TextRun]]] {
        let boxes = lines.map { PageRect(enclosing: $0.lazy.map(\.bbox)) }
        let heights = boxes.map(\.height).sorted()
        guard heights.count > 1 else { return [lines] }
        let minGap = thresholds.minBandGapRatio * heights[heights.count / 2]
        let order = lines.indices.sorted { boxes[$0].y0 < boxes[$1].y0 }
        var band = [Int](repeating: 0, count: lines.count)
        var current = 0
        var reach = boxes[order[0]].y1
        for i in order.dropFirst() {
            if boxes[i].y0 - reach >= minGap { current += 1 }
            band[i] = current
            reach = max(reach, boxes[i].y1)
        }
        guard current > 0 else { return [lines] }
        var groups = [[[TextRun]]](repeating: [], count: current + 1)
        for i in lines.indices { groups[band[i]].append(lines[i]) }
        return groups
    }

    /// Strips of `coverage` at least `minWidth` wide where coverage is at most `atMost`, with
    /// coverage above `sidesAbove` somewhere on each side.
    static func quietStrips(_ coverage: [Int], atMost: Int, sidesAbove: Int, minWidth: Double) -> [ClosedRange<Double>] {
        // Text on a strip's left is text before it; on its right, text at or after its end.
        guard let firstAbove = coverage.firstIndex(where: { $0 > sidesAbove }),
              let lastAbove = coverage.lastIndex(where: { $0 > sidesAbove }) else { return [] }
        var strips: [ClosedRange<Double>] = []
        var start: Int? = nil
        for x in 0...coverage.count {
            let isQuiet = x < coverage.count && coverage[x] <= atMost
            if isQuiet, start == nil { start = x }
            guard !isQuiet, let s = start else { continue }
            start = nil
            let hasLeft = firstAbove < s
            let hasRight = x < coverage.count && lastAbove >= x
            if Double(x - s) >= minWidth, hasLeft, hasRight { strips.append(Double(s)...Double(x)) }
        }
        return strips
    }

    /// Splits a line wherever two neighbouring runs are further apart than a column gutter.
    func splitAtGutters(_ runs: [TextRun]) -> [[TextRun]] {
        Self.split(runs) { last, run in
            run.bbox.x0 - last.bbox.x1 > thresholds.columnGapRatio * max(run.fontSize, last.fontSize)
        }
    }

    /// Cuts a line's runs into pieces between each pair for which `cutsBetween` holds; each
    /// piece's first run loses its leading space. Pieces are sized exactly (a long report holds
    /// every run until its structure is built), and an uncut line is passed on as it is.
    static func split(_ runs: [TextRun], cutsBetween: (TextRun, TextRun) -> Bool) -> [[TextRun]] {
        guard !runs.isEmpty else { return [] }
        var starts: [Int] = [0]
        for index in runs.indices.dropFirst() where cutsBetween(runs[index - 1], runs[index]) {
            starts.append(index)
        }
        guard starts.count > 1 else { return [runs] }
        return starts.indices.map { i in
            var piece = Array(runs[starts[i]..<(i + 1 < starts.count ? starts[i + 1] : runs.count)])
            if i > 0 { piece[0].spaceBefore = false }
            return piece
        }
    }

    /// A line holding only a short label (`1`, `2.`, `*`, `•`) that sits on the same baseline
    /// as a line starting just to its right is that line's opening: word processors set note
    /// and list labels apart with a tab, and poppler then reads them as lines of their own.
    /// So is a smaller label set just above the start of the next line (a raised footnote
    /// number that poppler put on a line of its own).
    func attachLoneLabels(_ lines: [Line]) -> [Line] {
        var result = lines
        var index = 0
        while index < result.count {
            let label = result[index]
            guard Self.isLoneLabel(label),
                  let host = result.indices.first(where: { $0 != index && !Self.isLoneLabel(result[$0]) && isBeside(label, result[$0]) })
                      ?? (index + 1 < result.count && isJustAbove(label, result[index + 1]) ? index + 1 : nil)
            else {
                index += 1
                continue
            }
            var runs = result[host].runs
            runs[0].spaceBefore = true
            result[host] = makeLine(label.runs + runs)
            result.remove(at: index)
        }
        return result
    }

    /// True when `label` ends just left of where `line` starts, on the same baseline.
    private func isBeside(_ label: Line, _ line: Line) -> Bool {
        let size = max(label.mainSize, line.mainSize)
        let gap = line.bbox.x0 - label.bbox.x1
        return abs(line.baseline - label.baseline) < 0.3 * size && gap >= 0 && gap < 5 * size
    }

    /// True when `label` is set smaller just above where `line` starts.
    private func isJustAbove(_ label: Line, _ line: Line) -> Bool {
        let size = line.mainSize
        let drop = line.bbox.y0 - label.bbox.y1
        let offset = line.bbox.x0 - label.bbox.x0
        return label.mainSize <= thresholds.markerMaxSizeRatio * size && label.baseline < line.baseline
            && drop < 0.5 * size && drop > -size && offset > -size && offset < 2 * size
    }

    static func isLoneLabel(_ line: Line) -> Bool {
        line.runs.count == 1 && isLabelText(line.runs[0].text)
    }

    /// A label on its own: `1`, `(12)`, `3.`, `a)`, `iv.`, or one of `*∗†‡§•▪–-`.
    static func isLabelText(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, scalars.count <= 6 else { return false }
        if scalars.count == 1, "*∗†‡§•▪–-".unicodeScalars.contains(first) { return true }
        let closes: (Unicode.Scalar) -> Bool = { $0 == "." || $0 == ")" }
        // An optional closing `.` or `)` after a body of at least one scalar.
        var body = scalars[...]
        let closed = body.count > 1 && closes(body.last!)
        if closed { body = body.dropLast() }
        let isDigit: (Unicode.Scalar) -> Bool = { ("0"..."9").contains($0) }
        let isRoman: (Unicode.Scalar) -> Bool = { "ivxlc".unicodeScalars.contains($0) }
        var number = body
        if number.first == "(" { number = number.dropFirst() }
        if (1...3).contains(number.count), number.allSatisfy(isDigit) { return true }
        if closed, body.count == 1, ("a"..."z").contains(body.first!) { return true }
        return (1...6).contains(body.count) && body.allSatisfy(isRoman)
    }

    /// True when `line` holds only short, smaller runs sitting on `host`: a superscript that
    /// poppler put in a line of its own.
    private func isLiftedMarkerLine(_ line: Line, host: Line) -> Bool {
        guard line.runs.count < host.runs.count else { return false }
        let small = line.runs.allSatisfy { $0.fontSize <= thresholds.markerMaxSizeRatio * host.mainSize && $0.characterCount <= 4 }
        let beside = line.bbox.x0 >= host.bbox.x0 - host.mainSize && line.bbox.x0 <= host.bbox.x1 + host.mainSize
        return small && beside && host.bbox.verticalOverlap(line.bbox) > 0.3 * line.bbox.height
            && line.bbox.y0 < host.baseline
    }

    private func merge(_ a: [TextRun], _ b: [TextRun]) -> [TextRun] {
        (a + b).sorted { $0.bbox.x0 < $1.bbox.x0 }
    }

    func makeLine(_ runs: [TextRun]) -> Line {
        let mainSize = Self.mainSize(of: runs)
        var mainBaselines: [Double] = []
        mainBaselines.reserveCapacity(runs.count)
        // Runs are read field by field, by index: copying a whole run retains its two strings.
        for i in runs.indices where abs(runs[i].fontSize - mainSize) < 0.15 { mainBaselines.append(runs[i].baseline) }
        mainBaselines.sort()
        let baseline = mainBaselines.isEmpty ? runs[0].baseline : mainBaselines[mainBaselines.count / 2]
        var raised = Set<Int>()
        var bbox = runs[0].bbox
        for i in runs.indices {
            if i > 0 { bbox = bbox.union(runs[i].bbox) }
            let smaller = runs[i].fontSize <= thresholds.markerMaxSizeRatio * mainSize
            let lifted = baseline - runs[i].baseline >= thresholds.markerMinRaiseRatio * mainSize
            if (smaller && lifted) || Self.isAllSuperscript(runs[i].text) {
                raised.insert(i)
            }
        }
        return Line(runs: runs, raised: raised, mainSize: mainSize, baseline: baseline, bbox: bbox)
    }

    /// The size (to a tenth of a point) with the most characters; the larger on a tie. A line
    /// has few sizes, so a short list beats a dictionary.
    static func mainSize(of runs: [TextRun]) -> Double {
        var sizes: [(size: Double, characters: Int)] = []
        for index in runs.indices {
            let size = (runs[index].fontSize * 10).rounded() / 10
            if let i = sizes.firstIndex(where: { $0.size == size }) {
                sizes[i].characters += runs[index].characterCount
            } else {
                sizes.append((size, runs[index].characterCount))
            }
        }
        return sizes.max { a, b in a.characters != b.characters ? a.characters < b.characters : a.size < b.size }?.size ?? 0
    }

    /// True when every scalar of `text` is a superscript digit or sign (so is an empty text).
    /// None is ASCII, so a text opening with an ASCII byte is answered from that byte.
    static func isAllSuperscript(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return true }
        return first >= 0x80 && text.unicodeScalars.allSatisfy(isSuperscriptScalar)
    }

    /// Unicode superscript digits and signs, which some producers use for markers.
    static func isSuperscriptScalar(_ s: Unicode.Scalar) -> Bool {
        s == "\u{00B9}" || s == "\u{00B2}" || s == "\u{00B3}" || (0x2070...0x207F).contains(s.value)
    }
}

import PopplerText

/// Builds `Line`s from poppler's lines: finds each line's main size and baseline and flags
/// raised, smaller runs as superscripts. A poppler line made only of superscripts (poppler
/// sometimes lifts a marker into a line of its own) is folded into the line it sits on.
public struct LineBuilder: Sendable {
    public var thresholds: Thresholds

    public init(thresholds: Thresholds) {
        self.thresholds = thresholds
    }

    public func build(_ page: PageText) -> [Line] {
        var lines: [Line] = []
        for runs in page.lines where !runs.isEmpty {
            let line = makeLine(runs)
            if let last = lines.indices.last, isLiftedMarkerLine(line, host: lines[last]) {
                lines[last] = makeLine(merge(lines[last].runs, line.runs))
            } else {
                lines.append(line)
            }
        }
        return lines
    }

    /// True when `line` holds only short, smaller runs sitting on `host`: a superscript that
    /// poppler put in a line of its own.
    private func isLiftedMarkerLine(_ line: Line, host: Line) -> Bool {
        let small = line.runs.allSatisfy { $0.fontSize <= thresholds.markerMaxSizeRatio * host.mainSize && $0.text.count <= 4 }
        return small && host.bbox.verticalOverlap(line.bbox) > 0.3 * line.bbox.height
            && line.bbox.y0 < host.baseline
    }

    private func merge(_ a: [TextRun], _ b: [TextRun]) -> [TextRun] {
        (a + b).sorted { $0.bbox.x0 < $1.bbox.x0 }
    }

    func makeLine(_ runs: [TextRun]) -> Line {
        var weight: [Double: Int] = [:]
        for run in runs { weight[(run.fontSize * 10).rounded() / 10, default: 0] += run.text.count }
        let mainSize = weight.max { a, b in a.value != b.value ? a.value < b.value : a.key < b.key }?.key ?? 0
        let mainBaselines = runs.filter { abs($0.fontSize - mainSize) < 0.15 }.map(\.baseline).sorted()
        let baseline = mainBaselines.isEmpty ? runs[0].baseline : mainBaselines[mainBaselines.count / 2]
        var raised = Set<Int>()
        for (i, run) in runs.enumerated() {
            let smaller = run.fontSize <= thresholds.markerMaxSizeRatio * mainSize
            let lifted = baseline - run.baseline >= thresholds.markerMinRaiseRatio * mainSize
            if (smaller && lifted) || run.text.unicodeScalars.allSatisfy(Self.isSuperscriptScalar) {
                raised.insert(i)
            }
        }
        let bbox = runs.dropFirst().reduce(runs[0].bbox) { $0.union($1.bbox) }
        return Line(runs: runs, raised: raised, mainSize: mainSize, baseline: baseline, bbox: bbox)
    }

    /// Unicode superscript digits and signs, which some producers use for markers.
    static func isSuperscriptScalar(_ s: Unicode.Scalar) -> Bool {
        s == "\u{00B9}" || s == "\u{00B2}" || s == "\u{00B3}" || (0x2070...0x207F).contains(s.value)
    }
}

import PopplerText

/// One printed line: its runs left to right, the size most of its characters are set in, and
/// its baseline. Runs flagged in `raised` are superscripts (note-marker candidates).
public struct Line: Equatable, Sendable {
    public var runs: [TextRun]
    /// Indices into `runs` of raised, smaller runs.
    public var raised: Set<Int>
    public var mainSize: Double
    public var baseline: Double
    public var bbox: PageRect

    public init(runs: [TextRun], raised: Set<Int>, mainSize: Double, baseline: Double, bbox: PageRect) {
        self.runs = runs
        self.raised = raised
        self.mainSize = mainSize
        self.baseline = baseline
        self.bbox = bbox
    }

    /// The line's text with single spaces, markers included.
    public var text: String {
        var out = ""
        for (i, run) in runs.enumerated() {
            if i > 0 && run.spaceBefore { out += " " }
            out += run.text
        }
        return out
    }

    /// The line's text without its raised runs (markers).
    public var bodyText: String {
        var out = ""
        for (i, run) in runs.enumerated() where !raised.contains(i) {
            if !out.isEmpty && run.spaceBefore { out += " " }
            out += run.text
        }
        return out
    }

    /// True when every run that is not raised is bold.
    public var isBold: Bool {
        let body = runs.enumerated().filter { !raised.contains($0.offset) }
        return !body.isEmpty && body.allSatisfy { $0.element.isBold }
    }

    /// True when every run that is not raised is italic.
    public var isItalic: Bool {
        let body = runs.enumerated().filter { !raised.contains($0.offset) }
        return !body.isEmpty && body.allSatisfy { $0.element.isItalic }
    }

    /// Number of characters (without spaces) in runs that are not raised.
    public var characterCount: Int {
        runs.enumerated().reduce(0) { $0 + (raised.contains($1.offset) ? 0 : $1.element.text.count) }
    }
}

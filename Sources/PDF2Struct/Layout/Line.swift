import PopplerText

/// One printed line: its runs left to right, the size most of its characters are set in, and
/// its baseline. Runs flagged in `raised` are superscripts (note-marker candidates). The texts
/// and styles derived from the runs are worked out once, when the line is made, because every
/// later stage reads them many times.
public struct Line: Equatable, Sendable {
    public let runs: [TextRun]
    /// Indices into `runs` of raised, smaller runs.
    public let raised: Set<Int>
    public var mainSize: Double
    public var baseline: Double
    public var bbox: PageRect

    /// The line's text with single spaces, markers included.
    public let text: String
    /// The line's text without its raised runs (markers).
    public let bodyText: String
    /// True when every run that is not raised is bold.
    public let isBold: Bool
    /// True when every run that is not raised is italic.
    public let isItalic: Bool
    /// Number of characters (without spaces) in runs that are not raised.
    public let characterCount: Int

    public init(runs: [TextRun], raised: Set<Int>, mainSize: Double, baseline: Double, bbox: PageRect) {
        self.runs = runs
        self.raised = raised
        self.mainSize = mainSize
        self.baseline = baseline
        self.bbox = bbox

        var text = ""
        var bodyText = ""
        var bodyRuns = 0
        var allBold = true
        var allItalic = true
        var characterCount = 0
        for (i, run) in runs.enumerated() {
            if i > 0 && run.spaceBefore { text += " " }
            text += run.text
            guard !raised.contains(i) else { continue }
            if !bodyText.isEmpty && run.spaceBefore { bodyText += " " }
            bodyText += run.text
            bodyRuns += 1
            allBold = allBold && run.isBold
            allItalic = allItalic && run.isItalic
            characterCount += run.characterCount
        }
        self.text = text
        // Most lines have no markers: share one string's storage instead of holding two.
        self.bodyText = raised.isEmpty ? text : bodyText
        self.isBold = bodyRuns > 0 && allBold
        self.isItalic = bodyRuns > 0 && allItalic
        self.characterCount = characterCount
    }
}

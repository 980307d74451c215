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
    /// True for a line set vertically (a rotated margin line): its runs run down or up the
    /// page, as `LineBuilder` found them; later stages read this instead of deciding again.
    public let isVertical: Bool
    /// Number of characters (without spaces) in runs that are not raised.
    public let characterCount: Int

    public init(runs: [TextRun], raised: Set<Int>, mainSize: Double, baseline: Double, bbox: PageRect, isVertical: Bool = false) {
        self.runs = runs
        self.isVertical = isVertical
        self.raised = raised
        self.mainSize = mainSize
        self.baseline = baseline
        self.bbox = bbox

        var bodyText = ""
        var bodyRuns = 0
        var allBold = true
        var allItalic = true
        var characterCount = 0
        let hasRaised = !raised.isEmpty
        for i in runs.indices {
            guard !hasRaised || !raised.contains(i) else { continue }
            if hasRaised {
                if !bodyText.isEmpty && runs[i].spaceBefore { bodyText += " " }
                bodyText += runs[i].text
            }
            bodyRuns += 1
            allBold = allBold && runs[i].isBold
            allItalic = allItalic && runs[i].isItalic
            characterCount += runs[i].characterCount
        }
        let text = Self.joinedText(of: runs)
        self.text = text
        // Most lines have no markers: share one string's storage instead of holding two.
        self.bodyText = hasRaised ? bodyText : text
        self.isBold = bodyRuns > 0 && allBold
        self.isItalic = bodyRuns > 0 && allItalic
        self.characterCount = characterCount
    }

    /// The runs' texts, a space before each run after the first that has `spaceBefore`,
    /// written into one string of exactly their length.
    static func joinedText(of runs: [TextRun]) -> String {
        var length = 0
        for i in runs.indices {
            length += runs[i].text.utf8.count + (i > 0 && runs[i].spaceBefore ? 1 : 0)
        }
        return String(unsafeUninitializedCapacity: length) { out in
            var written = 0
            for i in runs.indices {
                if i > 0 && runs[i].spaceBefore {
                    out[written] = 0x20
                    written += 1
                }
                let text = runs[i].text
                let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Int in
                    _ = UnsafeMutableBufferPointer(rebasing: out[written...]).initialize(from: bytes)
                    return bytes.count
                }
                if let copied {
                    written += copied
                } else {
                    for byte in text.utf8 {
                        out[written] = byte
                        written += 1
                    }
                }
            }
            return written
        }
    }
}

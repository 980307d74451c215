import PopplerText

/// A stretch of text on one line in one font: no spaces inside, so a run is a word or part of a
/// word. `bbox` is in points from the page's top-left corner; `baseline` is its y coordinate.
public struct TextRun: Equatable, Sendable {
    public let text: String
    /// `text.count` (characters as a reader counts them), worked out once: layout weighs sizes
    /// by it on every line it builds.
    public let characterCount: Int
    public var fontName: String
    public var fontSize: Double
    public var isBold: Bool
    public var isItalic: Bool
    public var bbox: PageRect
    public var baseline: Double
    /// True when a space separates this run from the previous run on its line.
    public var spaceBefore: Bool

    public init(text: String, fontName: String = "", fontSize: Double, isBold: Bool = false, isItalic: Bool = false,
                bbox: PageRect, baseline: Double? = nil, spaceBefore: Bool) {
        self.text = text
        self.characterCount = text.utf8.allSatisfy { $0 < 0x80 } && !text.utf8.contains(0x0D) ? text.utf8.count : text.count
        self.fontName = fontName
        self.fontSize = fontSize
        self.isBold = isBold
        self.isItalic = isItalic
        self.bbox = bbox
        self.baseline = baseline ?? (bbox.y1 - FontStyle.descentRatio * fontSize)
        self.spaceBefore = spaceBefore
    }
}

/// The text of one page as runs grouped into poppler's lines, in poppler's reading order.
/// `page` is 1-based within its `part`.
public struct PageText: Sendable {
    public var part: Int
    public var page: Int
    public var width: Double
    public var height: Double
    public var lines: [[TextRun]]
    /// Characters the PDF maps to nothing usable (U+FFFD or private-use code points).
    public var unmappedCharacters: Int

    public init(part: Int, page: Int, width: Double, height: Double, lines: [[TextRun]], unmappedCharacters: Int = 0) {
        self.part = part
        self.page = page
        self.width = width
        self.height = height
        self.lines = lines
        self.unmappedCharacters = unmappedCharacters
    }
}

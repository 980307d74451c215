import PopplerText

/// A stretch of text on one line in one font: no spaces inside, so a run is a word or part of a
/// word. `bbox` is in points from the page's top-left corner; `baseline` is its y coordinate.
public struct TextRun: Equatable, Sendable {
    // Stored in this order (the flags and the count packed together at the end) to keep a run
    // at 88 bytes: a long report holds some 250,000 of them at once.
    public let text: String
    public var fontName: String
    public var fontSize: Double
    public var bbox: PageRect
    public var baseline: Double
    private let storedCharacterCount: Int32
    public var isBold: Bool
    public var isItalic: Bool
    /// True when a space separates this run from the previous run on its line.
    public var spaceBefore: Bool

    /// `text.count` (characters as a reader counts them), worked out once: layout weighs sizes
    /// by it on every line it builds.
    public var characterCount: Int { Int(storedCharacterCount) }

    public init(text: String, fontName: String = "", fontSize: Double, isBold: Bool = false, isItalic: Bool = false,
                bbox: PageRect, baseline: Double? = nil, spaceBefore: Bool) {
        let count = text.isAllASCII && !text.utf8.contains(0x0D) ? text.utf8.count : text.count
        self.init(text: text, fontName: fontName, fontSize: fontSize, isBold: isBold, isItalic: isItalic, bbox: bbox,
                  baseline: baseline, characterCount: count, spaceBefore: spaceBefore)
    }

    /// A run whose character count the caller already knows (`text.count`), as the extractor
    /// does while it collects the run's bytes.
    init(text: String, fontName: String, fontSize: Double, isBold: Bool, isItalic: Bool, bbox: PageRect,
         baseline: Double? = nil, characterCount: Int, spaceBefore: Bool) {
        self.text = text
        self.storedCharacterCount = Int32(clamping: characterCount)
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

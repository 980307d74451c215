import PopplerText

/// A stretch of text on one line in one font: no spaces inside, so a run is a word or part of a
/// word. `bbox` is in points from the page's top-left corner; `baseline` is its y coordinate.
/// `font` indexes its page's `fonts` (-1 when poppler gave no font).
public struct TextRun: Equatable, Sendable {
    // Stored in this order (the count, font and flags packed together at the end) to keep a
    // run at 80 bytes: a long report holds some 250,000 of them at once. The font is an index,
    // not a name, so copying a run never retains a font name's storage.
    public let text: String
    public var fontSize: Double
    public var bbox: PageRect
    public var baseline: Double
    private let storedCharacterCount: Int32
    public var font: Int32
    public var isBold: Bool
    public var isItalic: Bool
    /// True when a space separates this run from the previous run on its line.
    public var spaceBefore: Bool

    /// `text.count` (characters as a reader counts them), worked out once: layout weighs sizes
    /// by it on every line it builds.
    public var characterCount: Int { Int(storedCharacterCount) }

    public init(text: String, font: Int32 = -1, fontSize: Double, isBold: Bool = false, isItalic: Bool = false,
                bbox: PageRect, baseline: Double? = nil, spaceBefore: Bool) {
        let count = text.isAllASCII && !text.utf8.contains(0x0D) ? text.utf8.count : text.count
        self.init(text: text, font: font, fontSize: fontSize, isBold: isBold, isItalic: isItalic, bbox: bbox,
                  baseline: baseline, characterCount: count, spaceBefore: spaceBefore)
    }

    /// A run whose character count the caller already knows (`text.count`), as the extractor
    /// does while it collects the run's bytes.
    init(text: String, font: Int32, fontSize: Double, isBold: Bool, isItalic: Bool, bbox: PageRect,
         baseline: Double? = nil, characterCount: Int, spaceBefore: Bool) {
        self.text = text
        self.storedCharacterCount = Int32(clamping: characterCount)
        self.font = font
        self.fontSize = fontSize
        self.isBold = isBold
        self.isItalic = isItalic
        self.bbox = bbox
        self.baseline = baseline ?? (bbox.y1 - FontStyle.descentRatio * fontSize)
        self.spaceBefore = spaceBefore
    }
}

/// The text of one page as runs grouped into poppler's lines, in poppler's reading order.
/// `page` is 1-based within its `part`; each run's `font` indexes `fonts`.
public struct PageText: Sendable {
    public var part: Int
    public var page: Int
    public var width: Double
    public var height: Double
    public var lines: [[TextRun]]
    /// The page's distinct fonts (name and size as poppler reports them).
    public var fonts: [RawFont]
    /// Characters the PDF maps to nothing usable (U+FFFD or private-use code points).
    public var unmappedCharacters: Int

    public init(part: Int, page: Int, width: Double, height: Double, lines: [[TextRun]], fonts: [RawFont] = [],
                unmappedCharacters: Int = 0) {
        self.part = part
        self.page = page
        self.width = width
        self.height = height
        self.lines = lines
        self.fonts = fonts
        self.unmappedCharacters = unmappedCharacters
    }
}

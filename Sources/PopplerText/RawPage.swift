/// A font and size as poppler reports them for a range of characters.
/// `name` is the PDF font name (subset prefix included, e.g. `ABCDEF+LiberationSerif-Bold`).
public struct RawFont: Equatable, Hashable, Sendable {
    public var name: String
    /// Nominal size in points.
    public var size: Double

    public init(name: String, size: Double) {
        self.name = name
        self.size = size
    }
}

/// One character of a page's text as poppler lays it out: a Unicode scalar, its box, and an
/// index into the page's `fonts`. Line breaks poppler inserts are kept as `"\n"` scalars.
public struct RawGlyph: Equatable, Sendable {
    public var scalar: Unicode.Scalar
    public var box: PageRect
    /// Index into `RawPage.fonts`; -1 when poppler gave no attributes for this character.
    public var font: Int

    public init(scalar: Unicode.Scalar, box: PageRect, font: Int) {
        self.scalar = scalar
        self.box = box
        self.font = font
    }
}

/// Everything the text layer of one page holds, copied out of poppler into Swift values.
/// The text is in poppler's reading order; `boxes` and `fontIndices` hold one entry per Unicode
/// scalar of `text` (so their counts are equal). `index` is 0-based.
public struct RawPage: Sendable {
    public var index: Int
    public var width: Double
    public var height: Double
    /// The page label printed in the PDF's page-label tree, when it has one (e.g. `iv`).
    public var label: String?
    /// The page's characters; line breaks poppler inserts are kept as `"\n"`.
    public private(set) var text: String
    /// The rectangle of each scalar of `text` (an empty one at the origin where poppler gave none).
    public private(set) var boxes: [PageRect]
    /// The index into `fonts` of each scalar of `text`; -1 where poppler gave no attributes.
    public private(set) var fontIndices: [Int32]
    public var fonts: [RawFont]

    /// A page from its text and one box and font index per scalar of the text.
    public init(index: Int, width: Double, height: Double, label: String?, text: String, boxes: [PageRect],
                fontIndices: [Int32], fonts: [RawFont]) {
        precondition(boxes.count == fontIndices.count, "one box and one font index per scalar")
        assert(text.unicodeScalars.count == boxes.count, "one box per scalar of the text")
        self.index = index
        self.width = width
        self.height = height
        self.label = label
        self.text = text
        self.boxes = boxes
        self.fontIndices = fontIndices
        self.fonts = fonts
    }

    /// A page from its glyphs, one per scalar.
    public init(index: Int, width: Double, height: Double, label: String?, glyphs: [RawGlyph], fonts: [RawFont]) {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: glyphs.map(\.scalar))
        self.init(index: index, width: width, height: height, label: label, text: String(text),
                  boxes: glyphs.map(\.box), fontIndices: glyphs.map { Int32(clamping: $0.font) }, fonts: fonts)
    }

    /// The page's scalars with their boxes and fonts, one glyph each.
    public var glyphs: [RawGlyph] {
        zip(text.unicodeScalars, zip(boxes, fontIndices)).map { RawGlyph(scalar: $0, box: $1.0, font: Int($1.1)) }
    }
}

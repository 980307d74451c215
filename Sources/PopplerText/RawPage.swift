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
/// Glyphs are in poppler's reading order; `index` is 0-based.
public struct RawPage: Sendable {
    public var index: Int
    public var width: Double
    public var height: Double
    /// The page label printed in the PDF's page-label tree, when it has one (e.g. `iv`).
    public var label: String?
    public var glyphs: [RawGlyph]
    public var fonts: [RawFont]

    public init(index: Int, width: Double, height: Double, label: String?, glyphs: [RawGlyph], fonts: [RawFont]) {
        self.index = index
        self.width = width
        self.height = height
        self.label = label
        self.glyphs = glyphs
        self.fonts = fonts
    }
}

import PopplerText

/// The lines of one page after line building, with where the page sits in the document.
/// `page` is 1-based within `part`; `lines` are in poppler's reading order; each run's `font`
/// indexes `fonts`.
public struct PageLines: Sendable {
    public var part: Int
    public var page: Int
    public var width: Double
    public var height: Double
    public var lines: [Line]
    /// The page's distinct fonts.
    public var fonts: [RawFont]
    public var unmappedCharacters: Int

    public init(part: Int, page: Int, width: Double, height: Double, lines: [Line], fonts: [RawFont] = [],
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

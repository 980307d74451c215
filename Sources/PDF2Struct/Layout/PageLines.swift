/// The lines of one page after line building, with where the page sits in the document.
/// `page` is 1-based within `part`; `lines` are in poppler's reading order.
public struct PageLines: Sendable {
    public var part: Int
    public var page: Int
    public var width: Double
    public var height: Double
    public var lines: [Line]
    public var unmappedCharacters: Int

    public init(part: Int, page: Int, width: Double, height: Double, lines: [Line], unmappedCharacters: Int = 0) {
        self.part = part
        self.page = page
        self.width = width
        self.height = height
        self.lines = lines
        self.unmappedCharacters = unmappedCharacters
    }
}

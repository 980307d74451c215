import PopplerText

/// Where a piece of text was printed: the part of a multi-part document (1 for a single PDF),
/// the 1-based page within that part, and its box in points with the origin at the page's
/// top-left corner.
public struct Provenance: Equatable, Sendable {
    public var part: Int
    public var page: Int
    public var bbox: PageRect

    public init(part: Int, page: Int, bbox: PageRect) {
        self.part = part
        self.page = page
        self.bbox = bbox
    }
}

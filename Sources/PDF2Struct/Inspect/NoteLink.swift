import PopplerText

/// A place on a page: part, 1-based page and a point in page points.
struct PageSpot: Equatable, Sendable {
    var part: Int
    var page: Int
    var point: PagePoint

    func isOnPage(part: Int, page: Int) -> Bool { self.part == part && self.page == page }
}

/// The line `pdf2struct inspect` draws from a note marker in a block to the note it was linked
/// to. When marker and note are on different pages, each end gets a tag naming the other page.
struct NoteLink: Equatable, Sendable {
    var blockID: String
    var noteID: String
    /// The marker as printed.
    var label: String
    var kind: NoteKind
    var marker: PageSpot
    /// False when the marker's glyphs were found on the page; true when its place was estimated
    /// from its offset in the block's text.
    var markerIsEstimated: Bool
    /// The top-left of the note's first printed piece.
    var note: PageSpot

    var isOnOnePage: Bool { marker.part == note.part && marker.page == note.page }
}

/// A note marker the converter found but could not link to any note: drawn as a dark dot with
/// a `1: no note` tag, so stray markers stand out on the page.
struct UnlinkedMarker: Equatable, Sendable {
    var blockID: String
    var label: String
    var spot: PageSpot
    var isEstimated: Bool
}

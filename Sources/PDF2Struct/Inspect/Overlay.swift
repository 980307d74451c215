/// Everything `pdf2struct inspect` draws over a document's pages: the boxes, the note links and
/// the markers that link to no note.
struct Overlay: Equatable, Sendable {
    var boxes: [OverlayBox]
    var links: [NoteLink]
    var unlinkedMarkers: [UnlinkedMarker] = []

    /// The boxes printed on one page, in drawing order.
    func boxes(part: Int, page: Int) -> [OverlayBox] {
        boxes.filter { $0.part == part && $0.page == page }
    }

    /// The links with at least one end on one page.
    func links(part: Int, page: Int) -> [NoteLink] {
        links.filter { $0.marker.isOnPage(part: part, page: page) || $0.note.isOnPage(part: part, page: page) }
    }

    /// The markers without a note printed on one page.
    func unlinkedMarkers(part: Int, page: Int) -> [UnlinkedMarker] {
        unlinkedMarkers.filter { $0.spot.isOnPage(part: part, page: page) }
    }
}

/// Everything `pdf2struct inspect` draws over a document's pages: the boxes and the note links.
struct Overlay: Equatable, Sendable {
    var boxes: [OverlayBox]
    var links: [NoteLink]

    /// The boxes printed on one page, in drawing order.
    func boxes(part: Int, page: Int) -> [OverlayBox] {
        boxes.filter { $0.part == part && $0.page == page }
    }

    /// The links with at least one end on one page.
    func links(part: Int, page: Int) -> [NoteLink] {
        links.filter { $0.marker.isOnPage(part: part, page: page) || $0.note.isOnPage(part: part, page: page) }
    }
}

import PopplerText

/// Decides what `pdf2struct inspect` draws for a document: one box per printed piece of every
/// block, note, recommendation and furniture line, tagged with reading order and type, and one
/// link per note reference that was linked to a note (a reference linked to none is listed as
/// an unlinked marker). Boxes come in drawing order: furniture, body, notes, then
/// recommendations on top.
struct OverlayPlanner {
    var markerLocator: MarkerLocator

    /// Characters of text kept in a box's one-line summary.
    var summaryLength = 80

    func plan(_ document: Document) -> Overlay {
        var boxes: [OverlayBox] = []
        for (index, item) in document.furniture.enumerated() {
            boxes.append(OverlayBox(elementID: "f\(index + 1)", kind: .furniture, part: item.provenance.part,
                                    page: item.provenance.page, rect: item.provenance.bbox, tag: Self.tag(item.kind),
                                    summary: "f\(index + 1) · \(item.kind.rawValue.replacingOccurrences(of: "_", with: " ")) · “\(excerpt(item.text))”",
                                    piece: 0))
        }
        for (index, block) in document.blocks.enumerated() {
            let kind = OverlayKind(block.type)
            let tag = "\(index + 1) " + Self.typeTag(block)
            let summary = "\(block.id) · \(Self.typeName(block)) · “\(excerpt(block.text))”"
            for (piece, provenance) in block.provenance.enumerated() {
                boxes.append(OverlayBox(elementID: block.id, kind: kind, part: provenance.part, page: provenance.page,
                                        rect: provenance.bbox, tag: piece == 0 ? tag : tag + " cont.",
                                        summary: summary, piece: piece))
            }
        }
        for note in document.notes {
            let tag = (note.kind == .footnote ? "fn " : "en ") + note.label
            let summary = "\(note.id) · \(note.kind.rawValue) \(note.label) · “\(excerpt(note.text))”"
            for (piece, provenance) in note.provenance.enumerated() {
                boxes.append(OverlayBox(elementID: note.id, kind: OverlayKind(note.kind), part: provenance.part,
                                        page: provenance.page, rect: provenance.bbox,
                                        tag: piece == 0 ? tag : tag + " cont.", summary: summary, piece: piece))
            }
        }
        for recommendation in document.recommendations {
            boxes.append(OverlayBox(elementID: recommendation.id, kind: .recommendation, part: recommendation.provenance.part,
                                    page: recommendation.provenance.page, rect: recommendation.provenance.bbox,
                                    tag: recommendation.id.uppercased(),
                                    summary: "\(recommendation.id) · recommendation (\(recommendation.rule) rule) in \(recommendation.blockID) · “\(excerpt(recommendation.text))”",
                                    piece: 0))
        }
        let (links, unlinked) = markers(document)
        return Overlay(boxes: boxes, links: links, unlinkedMarkers: unlinked)
    }

    private func markers(_ document: Document) -> ([NoteLink], [UnlinkedMarker]) {
        let notes = Dictionary(document.notes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var links: [NoteLink] = []
        var unlinked: [UnlinkedMarker] = []
        for block in document.blocks where !block.references.isEmpty {
            let places = markerLocator.locate(block)
            for (reference, place) in zip(block.references, places) {
                guard let noteID = reference.noteID, let note = notes[noteID], let first = note.provenance.first else {
                    unlinked.append(UnlinkedMarker(blockID: block.id, label: reference.label, spot: place.spot, isEstimated: place.isEstimated))
                    continue
                }
                let target = PagePoint(x: first.bbox.x0, y: first.bbox.y0 + min(4, first.bbox.height / 2))
                links.append(NoteLink(blockID: block.id, noteID: noteID, label: reference.label, kind: note.kind,
                                      marker: place.spot, markerIsEstimated: place.isEstimated,
                                      note: PageSpot(part: first.part, page: first.page, point: target)))
            }
        }
        return (links, unlinked)
    }

    private func excerpt(_ text: String) -> String {
        text.count <= summaryLength ? text : String(text.prefix(summaryLength - 1)) + "…"
    }

    /// `T`, `H2`, `P`, `L`.
    static func typeTag(_ block: Block) -> String {
        switch block.type {
        case .title: return "T"
        case .heading: return "H\(block.level.map(String.init) ?? "?")"
        case .paragraph: return "P"
        case .listItem: return "L"
        case .contentsEntry: return "C"
        }
    }

    static func typeName(_ block: Block) -> String {
        switch block.type {
        case .title: return "title"
        case .heading: return "heading level \(block.level.map(String.init) ?? "?")"
        case .paragraph: return "paragraph"
        case .listItem: return "list item"
        case .contentsEntry: return "contents entry"
        }
    }

    static func tag(_ kind: FurnitureKind) -> String {
        switch kind {
        case .runningHeader: return "header"
        case .runningFooter: return "footer"
        case .pageNumber: return "page no."
        }
    }
}

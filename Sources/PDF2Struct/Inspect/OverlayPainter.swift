import PopplerText

/// Draws one page's share of an `Overlay` over the rendered page: tinted boxes outlined in
/// their kind's colour (headings' outlines over paragraphs' where they overlap),
/// recommendations as a dashed frame around their block, note links (solid when the marker's
/// glyphs were found, dashed when its place is estimated), markers with no note as dark dots,
/// and the tags last so that nothing hides them. A tag goes in the margin left of its box (or
/// of the recommendation frame around it) when that space is free, else just above the box,
/// else inside its top-left corner (moved down past tags already placed there). All lengths
/// are in page points.
struct OverlayPainter {
    var tagSize = 6.0
    var tagPadding = 1.0
    var lineWidth = 0.8
    var fillOpacity = 0.08
    /// How far a recommendation's frame stands outside its block's box (the inspect page's
    /// clickable box uses it too).
    static let recommendationInset = 2.5
    /// The colour of markers that link to no note.
    static let unlinkedColor = CanvasColor(rgb: 0x212121)
    var markerRadius = 1.8

    func paint(_ overlay: Overlay, part: Int, page: Int, pageWidth: Double, on canvas: PageCanvas) {
        let boxes = overlay.boxes(part: part, page: page)
        for box in boxes where box.kind != .recommendation {
            canvas.fill(box.rect, color: box.kind.color.opacity(fillOpacity))
        }
        for box in boxes.sorted(by: { Self.strokeOrder($0.kind) < Self.strokeOrder($1.kind) }) {
            if box.kind == .recommendation {
                canvas.stroke(frame(of: box), color: box.kind.color, lineWidth: 1.4 * lineWidth, dash: [4, 2])
            } else {
                canvas.stroke(box.rect, color: box.kind.color.opacity(0.9), lineWidth: lineWidth)
            }
        }
        var layout = TagLayout(pageWidth: pageWidth, taken: boxes.map { $0.kind == .recommendation ? frame(of: $0) : $0.rect })
        for box in boxes {
            let size = tagRect(box.tag, canvas: canvas)
            if box.kind == .recommendation {
                let outer = frame(of: box)
                layout.place(box.tag, color: box.kind.color, preferred: [size.offset(x: outer.x1 + 1, y: outer.y0)],
                             fallback: size.offset(x: outer.x1 - size.width, y: outer.y0))
            } else {
                layout.place(box.tag, color: box.kind.color,
                             preferred: [size.offset(x: box.rect.x0 - 1 - size.width, y: box.rect.y0),
                                         size.offset(x: box.rect.x0 - Self.recommendationInset - 1 - size.width, y: box.rect.y0),
                                         size.offset(x: box.rect.x0, y: box.rect.y0 - size.height - 0.3)],
                             fallback: size.offset(x: box.rect.x0, y: box.rect.y0))
            }
        }
        let left = boxes.map(\.rect.x0).min() ?? 0
        let right = boxes.map(\.rect.x1).max() ?? pageWidth
        for link in overlay.links(part: part, page: page) {
            drawLink(link, part: part, page: page, content: (left, right), on: canvas, layout: &layout)
        }
        for marker in overlay.unlinkedMarkers(part: part, page: page) {
            canvas.fill(circleAt: marker.spot.point, radius: markerRadius, color: Self.unlinkedColor)
            marginTag("\(marker.label): no note", at: marker.spot.point, color: Self.unlinkedColor,
                      dash: marker.isEstimated ? [2, 1.5] : [], content: (left, right), on: canvas, layout: &layout)
        }
        for tag in layout.tags { drawTag(tag.text, in: tag.rect, color: tag.color, on: canvas) }
    }

    /// Outlines are drawn all fills first, then by kind in this order (stable within a kind), so
    /// that where boxes overlap, a heading's or title's outline stays on top of the paragraphs
    /// and a recommendation's frame on top of everything.
    private static func strokeOrder(_ kind: OverlayKind) -> Int {
        switch kind {
        case .furniture: return 0
        case .paragraph, .listItem: return 1
        case .footnote, .endnote: return 2
        case .title, .heading: return 3
        case .recommendation: return 4
        }
    }

    /// Where tags go: the first preferred place that is on the page and clear of boxes and
    /// other tags, else the fallback moved down past other tags.
    private struct TagLayout {
        var pageWidth: Double
        var taken: [PageRect]
        var tags: [(rect: PageRect, text: String, color: CanvasColor)] = []

        @discardableResult
        mutating func place(_ text: String, color: CanvasColor, preferred: [PageRect], fallback: PageRect) -> PageRect {
            var rect = preferred.first { candidate in
                candidate.x0 >= 0 && candidate.x1 <= pageWidth && candidate.y0 >= 0 && !taken.contains { $0.intersects(candidate) }
            } ?? fallback
            if rect == fallback {
                for _ in 0..<tags.count where tags.contains(where: { $0.rect.intersects(rect) }) {
                    rect = rect.offset(x: 0, y: rect.height + 0.5)
                }
            }
            taken.append(rect)
            tags.append((rect, text, color))
            return rect
        }
    }

    /// A link within the page is a line with an arrowhead at the note. A link to another page
    /// gets a tag in the margin beside its end on this page (`→ n5 p.3` by a marker,
    /// `← b12 p.2` by a note), joined to it by a thin line.
    private func drawLink(_ link: NoteLink, part: Int, page: Int, content: (left: Double, right: Double),
                          on canvas: PageCanvas, layout: inout TagLayout) {
        let color = OverlayKind(link.kind).color
        let dash: [Double] = link.markerIsEstimated ? [2, 1.5] : []
        let markerHere = link.marker.isOnPage(part: part, page: page)
        let noteHere = link.note.isOnPage(part: part, page: page)
        if markerHere {
            canvas.fill(circleAt: link.marker.point, radius: markerRadius, color: color.opacity(link.markerIsEstimated ? 0.5 : 0.9))
        }
        if markerHere && noteHere {
            canvas.line(from: link.marker.point, to: link.note.point, color: color.opacity(0.75), lineWidth: 0.6 * lineWidth, dash: dash)
            drawArrowHead(from: link.marker.point, to: link.note.point, color: color, on: canvas)
            return
        }
        let (text, end) = markerHere
            ? ("→ \(link.noteID) p.\(link.note.page)", link.marker.point)
            : ("← \(link.blockID) p.\(link.marker.page)", link.note.point)
        marginTag(text, at: end, color: color, dash: dash, content: content, on: canvas, layout: &layout)
    }

    /// A tag in the margin beside `end` (the side nearer to it where there is room), joined to
    /// it by a thin line.
    private func marginTag(_ text: String, at end: PagePoint, color: CanvasColor, dash: [Double],
                           content: (left: Double, right: Double), on canvas: PageCanvas, layout: inout TagLayout) {
        let size = tagRect(text, canvas: canvas)
        let y = end.y - size.height / 2
        let rightSide = size.offset(x: content.right + 3, y: y)
        let leftSide = size.offset(x: content.left - 3 - size.width, y: y)
        let sides = end.x >= layout.pageWidth / 2 ? [rightSide, leftSide] : [leftSide, rightSide]
        let fits = sides.first { $0.x0 >= 0 && $0.x1 <= layout.pageWidth } ?? sides[0]
        let tag = layout.place(text, color: color, preferred: sides, fallback: fits)
        let near = PagePoint(x: tag.midX < end.x ? tag.x1 : tag.x0, y: tag.midY)
        canvas.line(from: end, to: near, color: color.opacity(0.6), lineWidth: 0.5 * lineWidth, dash: dash)
    }

    private func drawArrowHead(from start: PagePoint, to end: PagePoint, color: CanvasColor, on canvas: PageCanvas) {
        let dx = end.x - start.x, dy = end.y - start.y
        let length = (dx * dx + dy * dy).squareRoot()
        guard length > 1 else { return }
        let ux = dx / length, uy = dy / length
        let size = 3.5
        let base = PagePoint(x: end.x - ux * size, y: end.y - uy * size)
        canvas.fill(polygon: [end, PagePoint(x: base.x - uy * size / 2, y: base.y + ux * size / 2),
                              PagePoint(x: base.x + uy * size / 2, y: base.y - ux * size / 2)], color: color)
    }

    private func frame(of box: OverlayBox) -> PageRect {
        PageRect(x0: box.rect.x0 - Self.recommendationInset, y0: box.rect.y0 - Self.recommendationInset,
                 x1: box.rect.x1 + Self.recommendationInset, y1: box.rect.y1 + Self.recommendationInset)
    }

    /// The rectangle a tag needs, with its top-left corner at the page's origin.
    private func tagRect(_ text: String, canvas: PageCanvas) -> PageRect {
        let width = canvas.textWidth(text, size: tagSize, bold: true) + 2 * tagPadding
        return PageRect(x0: 0, y0: 0, x1: width, y1: tagSize + 2 * tagPadding)
    }

    private func drawTag(_ text: String, in rect: PageRect, color: CanvasColor, on canvas: PageCanvas) {
        canvas.fill(rect, color: color.opacity(0.92))
        canvas.text(text, at: PagePoint(x: rect.x0 + tagPadding, y: rect.y1 - tagPadding - 0.22 * tagSize),
                    size: tagSize, color: .white, bold: true)
    }
}

extension PageRect {
    /// True when the two rectangles share more than an edge.
    func intersects(_ other: PageRect) -> Bool {
        x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
    }

    /// The same rectangle moved right by `x` and down by `y` points.
    func offset(x: Double, y: Double) -> PageRect {
        PageRect(x0: x0 + x, y0: y0 + y, x1: x1 + x, y1: y1 + y)
    }
}

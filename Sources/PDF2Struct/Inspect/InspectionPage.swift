import Foundation
import PopplerText

/// Writes `index.html` for `pdf2struct inspect`: the rendered pages with a clickable box over
/// every block, note, recommendation and furniture line, beside the Markdown the converter
/// writes, rendered to HTML; clicking either side selects the element on both and shows its
/// details. A legend explains the colours. Self-contained: inline CSS and script, images by
/// relative path, no fonts or files from elsewhere.
///
/// The Markdown is matched to the document by order: the exporter writes one top-level piece
/// per block, then one definition per note. When the counts disagree the page says so and the
/// text is shown without links rather than linked wrongly.
struct InspectionPage {
    var name: String
    var document: Document
    var overlay: Overlay
    var pages: [RenderedPage]
    var markdown: String
    var pageCount: Int

    func html() -> String {
        let renderer = MarkdownHTMLRenderer()
        let elements = renderer.elements(markdown)
        let ids = Self.elementIDs(elements, document: document)
        var body: [String] = []
        body.append("<header>")
        body.append("<div class=\"summary\">\(summary())<label class=\"zoom\">page width <input type=\"range\" id=\"zoom\" min=\"40\" max=\"250\" step=\"10\" value=\"100\"> <output id=\"zoomvalue\">100%</output></label></div>")
        body.append(legend())
        body.append("<div id=\"details\" aria-live=\"polite\">Click a box on a page, or a block of the text, to see what the converter made of it.</div>")
        body.append("</header>")
        body.append("<main>")
        body.append("<div id=\"pages\" class=\"pane\">")
        if pages.isEmpty { body.append("<p class=\"warning\">No page was rendered.</p>") }
        for page in pages { body.append(pageSection(page)) }
        body.append("</div>")
        body.append("<div id=\"text\" class=\"pane\">")
        if ids == nil {
            body.append("<p class=\"warning\">The Markdown has \(elements.count(where: \.kind.isBlock)) top-level pieces for \(document.blocks.count) blocks and \(elements.count(where: { !$0.kind.isBlock })) note definitions for \(document.notes.count) notes, so the text below is not linked to the boxes.</p>")
        }
        body.append("<article class=\"markdown\">")
        body.append(renderer.html(elements, ids: ids ?? []))
        body.append("</article>")
        body.append(furnitureSection())
        body.append(diagnosticsSection())
        body.append("</div>")
        body.append("</main>")
        body.append("<script type=\"application/json\" id=\"elements\">\(detailsJSON())</script>")
        body.append("<script>\(InspectionPageAssets.script)</script>")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTMLText.escape(name)) — pdf2struct inspect</title>
            <style>\(InspectionPageAssets.css(kinds: OverlayKind.allCases))</style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    /// Block ids for the body pieces and note ids for the definitions, in order; nil when the
    /// counts do not match the document.
    static func elementIDs(_ elements: [MarkdownHTMLRenderer.Element], document: Document) -> [String?]? {
        let blockCount = elements.count(where: \.kind.isBlock)
        let shown = document.blocks.filter(MarkdownExporter.shows)
        guard blockCount == shown.count, elements.count - blockCount == document.notes.count,
              elements.prefix(blockCount).allSatisfy(\.kind.isBlock) else { return nil }
        return shown.map(\.id) + document.notes.map(\.id)
    }

    private func summary() -> String {
        var parts = ["<strong>\(HTMLText.escape(name))</strong>"]
        let shown = pages.count == pageCount ? "" : ", \(pages.count) shown"
        parts.append("\(pageCount) page\(pageCount == 1 ? "" : "s")\(shown)")
        parts.append(Self.count(document.blocks.count, "block"))
        parts.append(Self.count(document.notes.count, "note"))
        parts.append(Self.count(document.recommendations.count, "recommendation"))
        parts.append(Self.count(document.furniture.count, "furniture line"))
        let diagnostics = Self.count(document.diagnostics.count, "diagnostic")
        parts.append(document.diagnostics.isEmpty ? diagnostics : "<a href=\"#diagnostics\">\(diagnostics)</a>")
        if document.needsOCR { parts.append("<span class=\"warning\">no text layer: needs OCR</span>") }
        return parts.joined(separator: " · ")
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    private func legend() -> String {
        var items = OverlayKind.allCases.map { kind in
            "<li><span class=\"swatch k-\(kind.rawValue)\"></span>\(HTMLText.escape(kind.legendName))</li>"
        }
        items.append("<li><span class=\"swatch line\"></span>marker → note (dashed: marker place estimated)</li>")
        items.append("<li><span class=\"dot\"></span>marker with no note</li>")
        items.append("<li><span class=\"tagsample\">12 H2</span>reading order and type</li>")
        return "<ul class=\"legend\">\(items.joined())</ul>"
    }

    private func pageSection(_ page: RenderedPage) -> String {
        let label = page.label.map { $0 == String(page.page) ? "" : " <span class=\"pagelabel\">(printed \(HTMLText.escape($0)))</span>" } ?? ""
        let part = page.part > 1 ? "Part \(page.part), " : ""
        var lines = ["<section class=\"page\" id=\"page-\(page.part)-\(page.page)\">",
                     "<h2>\(part)Page \(page.page)\(label)</h2>",
                     "<div class=\"sheet\">",
                     "<img src=\"\(HTMLText.escape(page.fileName))\" width=\"\(page.pixelWidth)\" height=\"\(page.pixelHeight)\" alt=\"Page \(page.page) with the detected structure drawn over it\">"]
        for box in overlay.boxes(part: page.part, page: page.page) {
            var rect = box.rect
            if box.kind == .recommendation {
                let inset = OverlayPainter.recommendationInset
                rect = PageRect(x0: rect.x0 - inset, y0: rect.y0 - inset, x1: rect.x1 + inset, y1: rect.y1 + inset)
            }
            let style = String(format: "left:%.3f%%;top:%.3f%%;width:%.3f%%;height:%.3f%%",
                               100 * rect.x0 / page.width, 100 * rect.y0 / page.height,
                               100 * rect.width / page.width, 100 * rect.height / page.height)
            let target = box.kind == .furniture ? "furniture-\(box.elementID)" : "md-\(box.elementID)"
            lines.append("<a class=\"box k-\(box.kind.rawValue)\" data-id=\"\(HTMLText.escape(box.elementID))\" href=\"#\(HTMLText.escape(target))\" style=\"\(style)\" title=\"\(HTMLText.escape(box.tag + " · " + box.summary))\"></a>")
        }
        lines.append("</div>")
        lines.append("</section>")
        return lines.joined(separator: "\n")
    }

    private func furnitureSection() -> String {
        guard !document.furniture.isEmpty else { return "" }
        let items = document.furniture.enumerated().map { index, item in
            let id = "f\(index + 1)"
            return "<li data-id=\"\(id)\" id=\"furniture-\(id)\">p.\(item.provenance.page) · \(OverlayPlanner.tag(item.kind)) · \(HTMLText.escape(item.text))</li>"
        }
        return "<section class=\"furniture\"><h3>Furniture (kept in the JSON, left out of the Markdown)</h3><ul>\(items.joined())</ul></section>"
    }

    private func diagnosticsSection() -> String {
        guard !document.diagnostics.isEmpty else { return "" }
        let items = document.diagnostics.map { diagnostic in
            let place = diagnostic.page.map { page -> String in
                let part = diagnostic.part ?? 1
                let rendered = pages.contains { $0.part == part && $0.page == page }
                return (rendered ? "<a href=\"#page-\(part)-\(page)\">p.\(page)</a>" : "p.\(page)") + " · "
            } ?? ""
            return "<li>\(place)<code>\(HTMLText.escape(diagnostic.code))</code> \(HTMLText.escape(diagnostic.message))</li>"
        }
        return "<section class=\"diagnostics\" id=\"diagnostics\"><h3>Diagnostics</h3><ul>\(items.joined())</ul></section>"
    }

    /// The details of every element as JSON safe inside a script element (`<` escaped).
    private func detailsJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(ElementDetails.all(document))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

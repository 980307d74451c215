import Foundation
import Testing
@testable import PDF2Struct
import PopplerText

/// `pdf2struct inspect`: the page pictures (size, colours where the headings are), the parts
/// that decide what is drawn, the Markdown-to-HTML converter, the command line, and the page
/// opened in headless Chromium.
@Suite("Inspect")
struct InspectTests {
    /// The width and height a PNG declares in its IHDR chunk, read without cairo.
    static func pngSize(_ url: URL) throws -> (width: Int, height: Int) {
        let bytes = [UInt8](try Data(contentsOf: url).prefix(24))
        try #require(bytes.count == 24 && bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG: \(url.path)")
        try #require(String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR")
        func word(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (word(16), word(20))
    }

    /// Hue (degrees) and saturation (0…1, HSV) of a colour.
    static func hueAndSaturation(_ c: CanvasColor) -> (hue: Double, saturation: Double) {
        let high = max(c.red, c.green, c.blue), low = min(c.red, c.green, c.blue), span = high - low
        guard span > 0, high > 0 else { return (0, 0) }
        let hue: Double
        if high == c.red { hue = 60 * ((c.green - c.blue) / span).truncatingRemainder(dividingBy: 6) }
        else if high == c.green { hue = 60 * ((c.blue - c.red) / span + 2) }
        else { hue = 60 * ((c.red - c.green) / span + 4) }
        return ((hue + 360).truncatingRemainder(dividingBy: 360), span / high)
    }

    /// True when `pixel` has the hue of `colour` and is clearly coloured: the outline itself,
    /// or its antialiased edge over white or over another box's light tint. Black text, grey
    /// rules and the other kinds' colours are not.
    static func looksLike(_ pixel: CanvasColor, _ colour: CanvasColor) -> Bool {
        let (hue, saturation) = hueAndSaturation(pixel)
        let target = hueAndSaturation(colour).hue
        let apart = min(abs(hue - target), 360 - abs(hue - target))
        return saturation >= 0.3 && apart <= 15
    }

    /// Inspects a fixture into a fresh folder.
    static func inspect(_ name: String, scale: Double = 2, pages: PageSelection? = nil) throws -> (Inspector.Result, URL) {
        let folder = try TestSupport.temporaryFolder()
        let result = try Inspector(scale: scale).inspect(try Pipeline.Input(path: TestSupport.fixture(name)), pages: pages, into: folder.path)
        return (result, folder)
    }

    // MARK: Pictures

    @Test("Each PNG has its page's aspect ratio at the chosen scale", arguments: ["latex-brief", "office-report", "groff-twocol"])
    func pngsHavePageAspectRatio(name: String) throws {
        let (result, folder) = try Self.inspect(name, scale: 1.5)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try PopplerDocument(path: TestSupport.fixture(name))
        #expect(result.pages.map(\.page) == Array(1...pdf.pageCount))
        for page in result.pages {
            let raw = try pdf.page(page.page - 1)
            let size = try Self.pngSize(folder.appendingPathComponent(page.fileName))
            #expect(size.width == Int((raw.width * 1.5).rounded(.up)) && size.height == Int((raw.height * 1.5).rounded(.up)),
                    "\(name) page \(page.page): \(size) for \(raw.width)×\(raw.height) pt")
            let ratio = Double(size.width) / Double(size.height)
            #expect(abs(ratio - raw.width / raw.height) < 0.002, "\(name) page \(page.page): ratio \(ratio)")
        }
    }

    @Test("Every heading's box is drawn in the heading colour, where the plain page has none", arguments: ["latex-brief", "office-report", "groff-twocol"])
    func headingsAreColoured(name: String) throws {
        let (result, folder) = try Self.inspect(name)
        defer { try? FileManager.default.removeItem(at: folder) }
        let headings = result.document.blocks.filter { $0.type == .heading }
        try #require(!headings.isEmpty, "\(name) has no heading to look for")
        let pdf = try PopplerDocument(path: TestSupport.fixture(name))
        let colour = OverlayKind.heading.color
        for heading in headings {
            let place = heading.provenance[0]
            let page = try #require(result.pages.first { $0.page == place.page })
            let drawn = try PageCanvas(contentsOfPNG: folder.appendingPathComponent(page.fileName).path)
            let plain = try PageCanvas(rendering: place.page - 1, of: pdf, scale: 2)
            // Around the box's outline, places with a pixel in the heading colour; none on the
            // page as printed. Another box's tag may cover part of the outline where boxes overlap.
            let box = place.bbox
            let (x0, y0) = (Int((box.x0 * 2).rounded()), Int((box.y0 * 2).rounded()))
            let (x1, y1) = (Int((box.x1 * 2).rounded()), Int((box.y1 * 2).rounded()))
            let outline: [(x: Int, y: Int, alongX: Bool)] = (x0...x1).flatMap { [($0, y0, true), ($0, y1, true)] }
                + (y0...y1).flatMap { [(x0, $0, false), (x1, $0, false)] }
            func coloured(_ canvas: PageCanvas) -> Int {
                outline.count { spot in
                    (-2...2).contains { d in
                        let pixel = spot.alongX ? canvas.pixel(x: spot.x, y: spot.y + d) : canvas.pixel(x: spot.x + d, y: spot.y)
                        return pixel.map { Self.looksLike($0, colour) } ?? false
                    }
                }
            }
            #expect(coloured(drawn) >= outline.count * 3 / 4, "\(name) \(heading.id) “\(heading.text)”: \(coloured(drawn)) of \(outline.count) outline places in the heading colour")
            #expect(coloured(plain) == 0, "\(name) \(heading.id): the printed page already has that colour there")
        }
    }

    @Test("A canvas reports the colours drawn on it and reads back the PNG it wrote")
    func canvasRoundTrip() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try PopplerDocument(path: TestSupport.fixture("latex-brief"))
        let canvas = try PageCanvas(rendering: 0, of: pdf, scale: 1)
        #expect(canvas.pixel(x: 2, y: 2) == .white)
        canvas.fill(PageRect(x0: 10, y0: 10, x1: 30, y1: 20), color: CanvasColor(rgb: 0x1565C0))
        #expect(canvas.pixel(x: 20, y: 15)?.distance(to: CanvasColor(rgb: 0x1565C0)) ?? 1 < 0.01)
        #expect(canvas.pixel(x: 40, y: 15) == .white)
        #expect(canvas.pixel(x: -1, y: 0) == nil && canvas.pixel(x: canvas.pixelWidth, y: 0) == nil)
        let path = folder.appendingPathComponent("p.png").path
        try canvas.writePNG(to: path)
        let back = try PageCanvas(contentsOfPNG: path)
        #expect(back.pixelWidth == canvas.pixelWidth && back.pixelHeight == canvas.pixelHeight)
        #expect(back.pixel(x: 20, y: 15)?.distance(to: CanvasColor(rgb: 0x1565C0)) ?? 1 < 0.01)
        #expect(throws: CanvasError.pageOutOfRange(5)) { try PageCanvas(rendering: 5, of: pdf, scale: 1) }
        #expect(throws: CanvasError.invalidScale(0)) { try PageCanvas(rendering: 0, of: pdf, scale: 0) }
        #expect(throws: CanvasError.self) { try canvas.writePNG(to: folder.appendingPathComponent("no/such/dir.png").path) }
    }

    // MARK: What is drawn

    @Test("Every printed piece of every block, note and furniture line gets a box, and every linked marker a line", arguments: ["latex-brief", "groff-twocol"])
    func overlayCoversTheDocument(name: String) throws {
        let document = try TestSupport.convert(name)
        let overlay = OverlayPlanner(markerLocator: MarkerLocator(runs: [:], thresholds: Thresholds())).plan(document)
        #expect(overlay.boxes.filter { $0.elementID.hasPrefix("b") }.count == document.blocks.reduce(0) { $0 + $1.provenance.count })
        #expect(overlay.boxes.filter { $0.kind == .footnote || $0.kind == .endnote }.count == document.notes.reduce(0) { $0 + $1.provenance.count })
        #expect(overlay.boxes.filter { $0.kind == .furniture }.count == document.furniture.count)
        #expect(overlay.boxes.filter { $0.kind == .recommendation }.count == document.recommendations.count)
        #expect(overlay.links.count == document.blocks.reduce(0) { $0 + $1.references.count(where: { $0.noteID != nil }) })
        for (index, block) in document.blocks.enumerated() where block.type == .heading {
            let box = try #require(overlay.boxes.first { $0.elementID == block.id })
            #expect(box.tag == "\(index + 1) H\(block.level!)")
        }
    }

    @Test("On the LaTeX fixture every linked marker is found as its own raised glyphs, on its block's page")
    func markersFoundExactly() throws {
        let (result, folder) = try Self.inspect("latex-brief", scale: 1)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try PopplerDocument(path: TestSupport.fixture("latex-brief"))
        var runs: [MarkerLocator.PageKey: [TextRun]] = [:]
        for page in 1...pdf.pageCount {
            runs[MarkerLocator.PageKey(part: 1, page: page)] = RunExtractor().extract(try pdf.page(page - 1), part: 1).lines.flatMap { $0 }
        }
        let links = OverlayPlanner(markerLocator: MarkerLocator(runs: runs, thresholds: Thresholds())).plan(result.document).links
        try #require(!links.isEmpty)
        for link in links {
            #expect(!link.markerIsEstimated, "\(link.blockID) marker \(link.label) was not found")
            let block = try #require(result.document.blocks.first { $0.id == link.blockID })
            #expect(block.provenance.contains { $0.page == link.marker.page && $0.bbox.contains(link.marker.point) })
        }
    }

    @Test("Without glyphs, a marker's place is estimated on the right line of its block")
    func markerEstimate() {
        // Three lines of 12 pt pitch; the marker at 50% of the text lies on the middle line.
        let block = Block(id: "b1", type: .paragraph, text: String(repeating: "x", count: 100),
                          references: [NoteReference(label: "1", offset: 50, noteID: "n1")],
                          provenance: [Provenance(part: 1, page: 1, bbox: PageRect(x0: 100, y0: 200, x1: 400, y1: 236))], fontSize: 10)
        let located = MarkerLocator(runs: [:], thresholds: Thresholds()).locate(block)
        #expect(located.count == 1 && located[0].isEstimated)
        #expect(located[0].spot.point.y > 212 && located[0].spot.point.y < 224)
        #expect(located[0].spot.point.x > 100 && located[0].spot.point.x < 400)
        // With a small run labelled "1" inside the box, that run is taken instead.
        let run = TextRun(text: "1", fontSize: 7, bbox: PageRect(x0: 300, y0: 224, x1: 304, y1: 230), spaceBefore: false)
        let found = MarkerLocator(runs: [MarkerLocator.PageKey(part: 1, page: 1): [run]], thresholds: Thresholds()).locate(block)
        #expect(found == [MarkerLocator.Located(spot: PageSpot(part: 1, page: 1, point: PagePoint(x: 302, y: 227)), isEstimated: false)])
    }

    @Test("A marker that links to no note is drawn as a dark dot with a tag")
    func unlinkedMarkerIsDrawn() throws {
        let pdf = try PopplerDocument(path: TestSupport.fixture("latex-brief"))
        let block = Block(id: "b1", type: .paragraph, text: String(repeating: "x", count: 100),
                          references: [NoteReference(label: "9", offset: 100)],
                          provenance: [Provenance(part: 1, page: 1, bbox: PageRect(x0: 100, y0: 300, x1: 400, y1: 336))], fontSize: 10)
        let document = Document(sources: [], title: nil, blocks: [block], notes: [], recommendations: [], furniture: [],
                                diagnostics: [], needsOCR: false)
        let overlay = OverlayPlanner(markerLocator: MarkerLocator(runs: [:], thresholds: Thresholds())).plan(document)
        #expect(overlay.links.isEmpty)
        let marker = try #require(overlay.unlinkedMarkers.first)
        #expect(overlay.unlinkedMarkers.count == 1 && marker.blockID == "b1" && marker.label == "9" && marker.isEstimated)
        let canvas = try PageCanvas(rendering: 0, of: pdf, scale: 2)
        let (x, y) = (Int((marker.spot.point.x * 2).rounded()), Int((marker.spot.point.y * 2).rounded()))
        let before = try #require(canvas.pixel(x: x, y: y))
        OverlayPainter().paint(overlay, part: 1, page: 1, pageWidth: 612, on: canvas)
        #expect(before.distance(to: OverlayPainter.unlinkedColor) > 0.5)
        #expect(try #require(canvas.pixel(x: x, y: y)).distance(to: OverlayPainter.unlinkedColor) < 0.05)
    }

    @Test("Page lists: single pages, ranges, open ends; nonsense is refused")
    func pageSelection() throws {
        #expect(try PageSelection(parsing: "3").pages(in: 5) == [3])
        #expect(try PageSelection(parsing: "1-3,5").pages(in: 5) == [1, 2, 3, 5])
        #expect(try PageSelection(parsing: "4-").pages(in: 6) == [4, 5, 6])
        #expect(try PageSelection(parsing: "2-9, 2").pages(in: 4) == [2, 3, 4])
        #expect(try PageSelection(parsing: "7").pages(in: 4) == [])
        for bad in ["", "0", "3-1", "a", "1-2-3", "1,,2", "-2"] {
            #expect(throws: PageSelection.ParseError.self, "\(bad)") { try PageSelection(parsing: bad) }
        }
    }

    // MARK: Markdown to HTML

    @Test("The Markdown subset the exporter writes becomes HTML, with text escaped")
    func markdownToHTML() {
        let renderer = MarkdownHTMLRenderer()
        let markdown = """
            # Title & <b>more</b>

            ### 2.1 Heading

            A \\*starred\\* line with a note[^1] and an <sup>7</sup> and <script>alert(1)</script>
            continued here.

            - one
            - two
            3. three

            > **Recommendation 1:** Do it.

            [^1]: The note **text**.
            """
        let elements = renderer.elements(markdown)
        #expect(elements.map(\.kind) == [.heading(1), .heading(3), .paragraph, .bulletItem, .bulletItem, .orderedItem(3), .quote, .footnote(label: "1")])
        #expect(elements[0].html == "Title &amp; &lt;b&gt;more&lt;/b&gt;")
        #expect(elements[2].html == "A *starred* line with a note<sup class=\"fnref\"><a href=\"#fn-1\">1</a></sup> and an <sup class=\"unlinked\" title=\"marker with no note\">7</sup> and &lt;script&gt;alert(1)&lt;/script&gt; continued here.")
        #expect(elements[6].html == "<strong>Recommendation 1:</strong> Do it.")
        #expect(renderer.inline("2 ** 3") == "2 ** 3")
        #expect(renderer.elements("## Heading\nnext line\n").map(\.kind) == [.heading(2), .paragraph])
        let html = renderer.html(elements, ids: ["b1", "b2", "b3", "b4", "b5", "b6", "b7", "n1"])
        #expect(html.contains("<h3 data-id=\"b2\" id=\"md-b2\">2.1 Heading</h3>"))
        #expect(html.contains("<ul>\n<li data-id=\"b4\" id=\"md-b4\">one</li>\n<li data-id=\"b5\" id=\"md-b5\">two</li>\n</ul>\n<ol>\n<li value=\"3\" data-id=\"b6\""))
        #expect(html.contains("<blockquote data-id=\"b7\" id=\"md-b7\"><p><strong>"))
        #expect(html.contains("<section class=\"footnotes\">\n<div class=\"footnote\" data-id=\"n1\" id=\"md-n1\"><span class=\"fnlabel\" id=\"fn-1\">1</span> The note <strong>text</strong>.</div>\n</section>"))
        #expect(!html.contains("<script>"))
    }

    @Test("The exporter's Markdown lines up with the blocks and notes, so every block is linked", arguments: TestSupport.outputNames)
    func markdownLinesUpWithBlocks(name: String) throws {
        let document = try TestSupport.convert(name)
        let elements = MarkdownHTMLRenderer().elements(MarkdownExporter().export(document))
        let ids = InspectionPage.elementIDs(elements, document: document)
        #expect(ids != nil, "\(elements.count) Markdown pieces for \(document.blocks.count) blocks + \(document.notes.count) notes")
    }

    // MARK: Command line and browser

    @Test("`inspect --pages` renders only those pages and writes index.html; bad page lists fail")
    func commandLine() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try TestSupport.run(TestSupport.binary, ["inspect", TestSupport.fixture("latex-brief"), "-o", out.path, "--pages", "2-3", "-q"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["index.html", "page-002.png", "page-003.png"])
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(html.contains("src=\"page-002.png\"") && !html.contains("src=\"page-001.png\""))
        let none = try TestSupport.run(TestSupport.binary, ["inspect", TestSupport.fixture("latex-brief"), "-o", out.path, "--pages", "9-"])
        #expect(none.status == 1 && none.stderr.contains("--pages selects none"), "\(none.stderr)")
        let bad = try TestSupport.run(TestSupport.binary, ["inspect", TestSupport.fixture("latex-brief"), "-o", out.path, "--pages", "two"])
        #expect(bad.status == 2, "\(bad.stderr)")
        let missing = try TestSupport.run(TestSupport.binary, ["inspect", folder.appendingPathComponent("absent.pdf").path, "-o", out.path])
        #expect(missing.status == 1 && missing.stderr.contains("no such file"))
    }

    @Test("index.html loads in headless Chromium without console errors, links text to boxes, and gives a screenshot",
          arguments: ["groff-twocol", "latex-brief"])
    func opensInChromium(name: String) throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("inspect")
        let inspect = try TestSupport.run(TestSupport.binary, ["inspect", TestSupport.fixture(name), "-o", out.path, "-q"])
        try #require(inspect.status == 0, "\(inspect.stderr)")
        let screenshot = folder.appendingPathComponent("screenshot.png")
        let script = TestSupport.packageRoot.appendingPathComponent("scripts/check_inspect_html.py").path
        let check = try TestSupport.runTool("python3", [script, out.appendingPathComponent("index.html").path, "--screenshot", screenshot.path])
        #expect(check.status == 0, "\(check.stderr)")
        let size = try Self.pngSize(screenshot)
        #expect(size.width > 0 && size.height > 0)
    }
}

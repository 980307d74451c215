import Foundation
import Testing
@testable import PDF2Struct
import PopplerText

@Suite("Extraction")
struct ExtractionTests {
    @Test("Bold and italic are read from font names, subset prefix ignored")
    func fontStyleFromNames() {
        #expect(FontStyle(fontName: "ABCDEF+LiberationSerif-Bold") == FontStyle(fontName: "LiberationSerif-Bold"))
        #expect(FontStyle(fontName: "ABCDEF+LiberationSerif-Bold").isBold)
        #expect(!FontStyle(fontName: "ABCDEF+LiberationSerif-Bold").isItalic)
        #expect(FontStyle(fontName: "Times-BoldItalic").isItalic)
        #expect(FontStyle(fontName: "CMBX12").isBold)
        #expect(FontStyle(fontName: "SFTI1000").isItalic)
        #expect(!FontStyle(fontName: "LiberationSerif").isBold)
    }

    @Test("Font styles remembered across pages are the ones read from each page's names")
    func fontStylesCarryAcrossPages() throws {
        let document = try PopplerDocument(path: TestSupport.fixture("part2"))
        var styles = FontStyles()
        for index in 0..<document.pageCount {
            let raw = try document.page(index)
            let alone = RunExtractor().extract(raw, part: 1)
            let carried = RunExtractor().extract(raw, part: 1, styles: &styles)
            #expect(carried.lines.map { $0.map(\.isBold) } == alone.lines.map { $0.map(\.isBold) }, "page \(index + 1)")
            #expect(carried.lines.map { $0.map(\.isItalic) } == alone.lines.map { $0.map(\.isItalic) }, "page \(index + 1)")
        }
        #expect(styles.style(of: "ABCDEF+LiberationSerif-BoldItalic") == FontStyle(fontName: "LiberationSerif-BoldItalic"))
        #expect(styles.style(of: "ABCDEF+LiberationSerif-BoldItalic").isBold)
    }

    @Test("Runs split at spaces and font changes, and lines at newlines")
    func runsSplitAtSpacesAndFonts() {
        let fonts = [RawFont(name: "Serif", size: 11), RawFont(name: "Serif", size: 7)]
        var glyphs: [RawGlyph] = []
        var x = 10.0
        func add(_ text: String, font: Int, y: Double = 100) {
            for scalar in text.unicodeScalars {
                glyphs.append(RawGlyph(scalar: scalar, box: PageRect(x0: x, y0: y - 9, x1: x + 5, y1: y + 2), font: font))
                x += 5
            }
        }
        add("in 1996.", font: 0)
        add("3", font: 1, y: 96)
        add(" Next\nline", font: 0)
        let page = RunExtractor().extract(RawPage(index: 0, width: 600, height: 800, label: nil, glyphs: glyphs, fonts: fonts), part: 1)
        #expect(page.lines.count == 2)
        #expect(page.lines[0].map(\.text) == ["in", "1996.", "3", "Next"])
        #expect(page.lines[0][2].fontSize == 7)
        #expect(page.lines[0][2].spaceBefore == false)
        #expect(page.lines[0][3].spaceBefore == true)
        #expect(page.lines[1].map(\.text) == ["line"])
    }

    @Test("A file that is not a PDF is refused with its own error")
    func notAPDFIsRefused() {
        #expect(throws: PDFError.notAPDF) { try PopplerDocument(data: Data("hello, world".utf8)) }
        #expect(throws: PDFError.empty) { try PopplerDocument(data: Data()) }
        #expect(throws: PDFError.fileNotFound) { try PopplerDocument(path: "/nonexistent/file.pdf") }
        #expect(throws: PDFError.notAFile) { try PopplerDocument(path: NSTemporaryDirectory()) }
    }

    @Test("A truncated PDF fails as damaged rather than converting to nothing")
    func truncatedPDFFails() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("latex-brief")))
        #expect(throws: PDFError.self) { try PopplerDocument(data: data.prefix(20)) }
    }

    @Test("Every fixture page has text, a size, and fonts")
    func fixturePagesHaveText() throws {
        for name in TestSupport.fixtureNames {
            let document = try PopplerDocument(path: TestSupport.fixture(name))
            #expect(document.pageCount > 0, "\(name)")
            let page = try document.page(0)
            #expect(page.width > 100 && page.height > 100, "\(name)")
            #expect(page.glyphs.contains { $0.scalar.properties.isAlphabetic }, "\(name)")
            #expect(!page.fonts.isEmpty, "\(name)")
        }
    }

    @Test("Metadata and outline of the two-part paper are read")
    func metadataAndOutline() throws {
        let document = try PopplerDocument(path: TestSupport.fixture("part1"))
        let info = document.info
        #expect(info.pageCount == 19)
        #expect(info.title?.isEmpty == false)
        #expect(info.author?.isEmpty == false)
        let outline = document.outline()
        #expect(!outline.isEmpty)
        #expect(outline.allSatisfy { $0.page >= 1 && $0.page <= 19 })
    }

    @Test("SHA-256 matches the published test vector")
    func sha256KnownVector() {
        #expect(SHA256.hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// Reads the resident size of the whole test process, so `make test` runs it on its own
    /// (`--filter memoryStaysFlat`) before the parallel suite.
    @Test("Converting the same fixture many times keeps memory flat")
    func memoryStaysFlat() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("latex-brief")))
        let pipeline = Pipeline()
        for _ in 0..<5 { _ = try pipeline.convert([.init(fileName: "x.pdf", data: data)]) }
        let before = Self.residentKiB()
        for _ in 0..<40 { _ = try pipeline.convert([.init(fileName: "x.pdf", data: data)]) }
        let after = Self.residentKiB()
        // 40 conversions of a 5-page PDF: a leak of every page's text would add several MiB.
        #expect(after - before < 4 * 1024, "resident memory grew from \(before) KiB to \(after) KiB")
    }

    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
    }
}

import PopplerText
import Testing
@testable import PDF2Struct

/// Text set vertically in a margin (`This publication is available free of charge…` down the
/// side of every page of a NIST report): poppler hands it over as one line whose letters stand
/// one below the other, each box as wide as the line is thick.
@Suite("Vertical text")
struct VerticalTextTests {
    /// Glyphs of `text` running down the page from `y` at `x`, each `advance` tall and 9 wide.
    private static func verticalGlyphs(_ text: String, x: Double = 24, y: Double, advance: Double = 4.5) -> [RawGlyph] {
        var glyphs: [RawGlyph] = []
        var cursor = y
        for scalar in text.unicodeScalars {
            glyphs.append(RawGlyph(scalar: scalar, box: PageRect(x0: x, y0: cursor, x1: x + 9, y1: cursor + advance), font: 0))
            cursor += advance
        }
        return glyphs
    }

    /// Glyphs of `text` running left to right on a line whose top is `y`.
    private static func horizontalGlyphs(_ text: String, x: Double = 72, y: Double) -> [RawGlyph] {
        var glyphs: [RawGlyph] = []
        var cursor = x
        for scalar in text.unicodeScalars {
            glyphs.append(RawGlyph(scalar: scalar, box: PageRect(x0: cursor, y0: y, x1: cursor + 5, y1: y + 11), font: 0))
            cursor += 5
        }
        return glyphs
    }

    /// A page with eight lines of body text and the margin line, which poppler puts last.
    private static func page(index: Int = 0) -> RawPage {
        var glyphs = horizontalGlyphs("Alliance managers meet each spring.", y: 100)
        glyphs.append(RawGlyph(scalar: "\n", box: PageRect(x0: 0, y0: 0, x1: 0, y1: 0), font: 0))
        glyphs += horizontalGlyphs("The talks set the agenda.", y: 114)
        glyphs.append(RawGlyph(scalar: "\n", box: PageRect(x0: 0, y0: 0, x1: 0, y1: 0), font: 0))
        for row in 0..<6 {
            glyphs += horizontalGlyphs("Officials from both sides review the plans and report back.", y: 400 + Double(row) * 14)
            glyphs.append(RawGlyph(scalar: "\n", box: PageRect(x0: 0, y0: 0, x1: 0, y1: 0), font: 0))
        }
        var cursor = 200.0
        for (i, word) in ["Available", "free", "of", "charge"].enumerated() {
            if i > 0 {
                glyphs.append(RawGlyph(scalar: " ", box: PageRect(x0: 24, y0: cursor, x1: 33, y1: cursor + 2.5), font: 0))
                cursor += 2.5
            }
            glyphs += verticalGlyphs(word, y: cursor)
            cursor += Double(word.unicodeScalars.count) * 4.5
        }
        return RawPage(index: index, width: 612, height: 792, label: nil, glyphs: glyphs, fonts: [RawFont(name: "Serif", size: 9)])
    }

    @Test("Letters standing one below the other form words, not one run per letter")
    func stackedLettersFormWords() {
        let text = RunExtractor().extract(Self.page(), part: 1)
        #expect(text.lines.count == 9)
        #expect(text.lines[8].map(\.text) == ["Available", "free", "of", "charge"])
    }

    @Test("A vertical line is kept whole and leaves the horizontal lines as they are")
    func verticalLineKeptWhole() {
        let lines = LineBuilder(thresholds: Thresholds()).build(RunExtractor().extract(Self.page(), part: 1))
        #expect(lines.count == 9)
        #expect(Array(lines.map(\.text).prefix(2)) == ["Alliance managers meet each spring.", "The talks set the agenda."])
        #expect(lines.last?.text == "Available free of charge")
        #expect(lines.last?.raised.isEmpty == true)
    }

    @Test("A vertical margin line repeated on every page is furniture, not body text")
    func repeatedVerticalLineIsFurniture() throws {
        let pages = (0..<4).map { index in
            let text = RunExtractor().extract(Self.page(index: index), part: 1)
            return PageLines(part: 1, page: index + 1, width: 612, height: 792,
                             lines: LineBuilder(thresholds: Thresholds()).build(text))
        }
        let document = try DocumentBuilder(configuration: Configuration()).build(pages: pages, sources: [])
        #expect(document.furniture.filter { $0.text == "Available free of charge" }.count == 4)
        #expect(!document.blocks.contains { $0.text.contains("Available") })
    }
}

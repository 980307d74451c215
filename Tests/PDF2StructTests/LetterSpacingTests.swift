import PopplerText
import Testing
@testable import PDF2Struct

/// Letter-spaced text: capitals tracked wide on a cover, which poppler hands over one letter
/// per word, come out as the words they spell; single characters that merely stand in a row
/// (table marks, digits, too few letters) stay as they are.
@Suite("Letter-spaced text")
struct LetterSpacingTests {
    /// The runs of one line of `words` in a 14.4 pt font: each letter 8.6 pt wide and
    /// followed by `tracking` of space (a space character, as poppler writes it), with
    /// `wordGap` between words.
    private static func runs(_ words: [String], tracking: Double, wordGap: Double, size: Double = 14.4) -> [TextRun] {
        var glyphs: [RawGlyph] = []
        var x = 144.0
        for (w, word) in words.enumerated() {
            if w > 0 {
                glyphs.append(RawGlyph(scalar: " ", box: PageRect(x0: x, y0: 500, x1: x + wordGap, y1: 500 + size), font: 0))
                x += wordGap
            }
            for (i, scalar) in word.unicodeScalars.enumerated() {
                if i > 0 {
                    glyphs.append(RawGlyph(scalar: " ", box: PageRect(x0: x, y0: 500, x1: x + tracking, y1: 500 + size), font: 0))
                    x += tracking
                }
                glyphs.append(RawGlyph(scalar: scalar, box: PageRect(x0: x, y0: 500, x1: x + 8.6, y1: 500 + size), font: 0))
                x += 8.6
            }
        }
        let page = RawPage(index: 0, width: 612, height: 792, label: nil, glyphs: glyphs, fonts: [RawFont(name: "Times-Roman", size: size)])
        return RunExtractor().extract(page, part: 1).lines.flatMap { $0 }
    }

    @Test("Capitals tracked wide are read as the words they spell, word gaps kept")
    func trackedCapitalsJoinIntoWords() {
        let line = Self.runs(["CYBER-PHYSICAL", "SYSTEMS"], tracking: 5.5, wordGap: 17)
        #expect(line.map(\.text) == ["CYBER-PHYSICAL", "SYSTEMS"])
        #expect(line.map(\.spaceBefore) == [false, true])
        #expect(line.map(\.characterCount) == [14, 7])
        #expect(line[0].bbox.x0 == 144 && line[1].bbox.x0 > line[0].bbox.x1)
    }

    @Test("A one-letter word inside tracked text stays a word of its own")
    func oneLetterWordInTrackedText() {
        let line = Self.runs(["A", "NEW", "ALLIANCE"], tracking: 4, wordGap: 14)
        #expect(line.map(\.text) == ["A", "NEW", "ALLIANCE"])
    }

    @Test("Marks in table columns, digits alone and short rows of letters stay apart")
    func otherSingleCharactersStayApart() {
        // Table marks a column apart, far wider than any tracking.
        #expect(Self.runs(["X", "X", "X", "X", "X"], tracking: 0, wordGap: 40).map(\.text) == ["X", "X", "X", "X", "X"])
        // A row of digits (a rating scale) tracked like letters.
        #expect(Self.runs(["1", "2", "3", "4", "5"], tracking: 0, wordGap: 5).map(\.text) == ["1", "2", "3", "4", "5"])
        // Three one-letter words in a row are not enough to call it tracking.
        #expect(Self.runs(["I", "A", "B"], tracking: 0, wordGap: 4).map(\.text) == ["I", "A", "B"])
    }
}

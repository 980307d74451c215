import Foundation
import Testing
@testable import PDF2Struct

/// The byte-level matchers that stand in for regular expressions and Foundation text
/// operations must give the same answers as those, on every text they decide.
@Suite("Hand matchers")
struct HandMatcherTests {
    /// Every concatenation of one to three of `pieces`.
    private static func texts(_ pieces: [String]) -> [String] {
        var texts = [""]
        for a in pieces {
            texts.append(a)
            for b in pieces {
                texts.append(a + b)
                for c in pieces.prefix(12) { texts.append(a + c + b) }
            }
        }
        return texts
    }

    private static func matches(_ pattern: NSRegularExpression, _ text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test("Font names: bold and italic as the expressions read them")
    func fontNamesAgreeWithExpressions() {
        let pieces = ["-", ",", "bd", "BD", "it", "It", "_", "bold", "Black", "heavy", "semi", "demi", "cm", "sf", "lm",
                      "bx", "ti", "sl", "cmb", "1", "x", "ptm", "phv", "ppl", "b", "ri", "bi", "extra", "Ultra",
                      "italic", "Oblique", "slanted", "ital", "mi", " ", "Times", "é"]
        for name in Self.texts(pieces) {
            guard let patterns = FontNamePatterns(name) else { continue }
            #expect(patterns.isBold == Self.matches(FontStyle.boldPattern, name), "\(name)")
            #expect(patterns.isItalic == Self.matches(FontStyle.italicPattern, name), "\(name)")
        }
    }

    @Test("Page numbers: the same answers as the expression wherever decided by hand")
    func pageNumbersAgreeWithExpression() {
        let pieces = [" ", "-", "|", "–", "—", "·", "•", "page", "Page", "1", "12", "12345", "iv", "XII", "mix",
                      "of", "/", "\t", "\n", "\u{00A0}", "\u{2009}", "\u{000B}", "é", "a", "ı", "ſ", "K", "ﬀ", "."]
        for text in Self.texts(pieces) {
            guard let decided = PageNumberText.matches(text) else { continue }
            #expect(decided == Self.matches(RunningHeaderDetector.pageNumberPattern, text), "\(text.debugDescription)")
        }
    }

    @Test("Plain note labels: the same label as the expression for printable ASCII text")
    func plainNoteLabelsAgreeWithExpression() {
        let pieces = ["1", "12", "123", "1234", ".", ")", "(", "*", "**", "a", "z", "i", "iv", "xiv", "lxxviii", "c", "A",
                      "I", "x", "0", "e.g", "-", " ", "Text", ":", "b)"]
        var decided = 0, labels = 0
        for text in Self.texts(pieces) {
            guard let hand = NoteLabel.asciiPlainLabel(text) else { continue }
            decided += 1
            let match = NoteLabel.plain.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            let expected = match.flatMap { Range($0.range(at: 1), in: text) }.map { String(text[$0]) }
            #expect(hand == expected, "\(text.debugDescription)")
            if expected != nil { labels += 1 }
        }
        #expect(decided > 4_000 && labels > 50)
        #expect(NoteLabel.asciiPlainLabel("3\u{2028}") == nil)
        #expect(NoteLabel.asciiPlainLabel("†") == nil)
    }

    @Test("List enumerators: the same label and rest as the expression for printable ASCII text")
    func enumeratorsAgreeWithExpression() {
        let pieces = ["1", "12", "123", ".", ")", "(", "a", "i", "iv", "xiv", "viii", "B", "Z", " ", "  ", "x", "Text", "-", "e.g"]
        var decided = 0
        for text in Self.texts(pieces) {
            guard let hand = ListItemMarker.asciiEnumerator(text) else { continue }
            decided += 1
            let match = ListItemMarker.enumerator.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            let expected = match.flatMap { m -> (String, String)? in
                guard let label = Range(m.range(at: 1), in: text), let rest = Range(m.range(at: 3), in: text) else { return nil }
                return (String(text[label]), String(text[rest]))
            }
            #expect(hand?.label == expected?.0, "\(text.debugDescription)")
            #expect(hand?.rest == expected?.1, "\(text.debugDescription)")
        }
        #expect(decided > 1000)
        #expect(ListItemMarker.asciiEnumerator("(iv)  Fund the levee")??.label == "(iv)")
        #expect(ListItemMarker.asciiEnumerator("2.\tTabbed") == nil)
        #expect(ListItemMarker.asciiEnumerator("é. x") == nil)
    }

    @Test("Band keys and furniture words of ASCII text equal their general forms")
    func asciiKeysAndWordsAgree() {
        let pieces = ["Annual", "REPORT", "2023", "iv", "xii", " ", "  ", "(3)", "3.", "-5-", "a", "word", "$", "|", "_", "~"]
        for text in Self.texts(pieces) {
            #expect(FurnitureKey.ascii(text) == RunningHeaderDetector.generalKey(text), "\(text.debugDescription)")
            #expect(FurnitureWords.ascii(text) == RunningHeaderDetector.generalWords(text), "\(text.debugDescription)")
        }
    }
}
